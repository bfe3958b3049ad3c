import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Where the Electron binary is, without touching `require('electron')`: that call tries to
 * download the binary, which fails on a machine without access to GitHub.
 */
export function findElectronBinary(root = process.cwd()) {
  const packageDir = join(root, 'node_modules', 'electron');
  if (!existsSync(join(packageDir, 'package.json'))) {
    return { available: false, reason: 'the electron package is not installed (run npm install)' };
  }
  if (process.env.ELECTRON_OVERRIDE_DIST_PATH) {
    const path = join(process.env.ELECTRON_OVERRIDE_DIST_PATH, 'electron');
    if (existsSync(path)) return { available: true, path, reason: 'ELECTRON_OVERRIDE_DIST_PATH' };
  }
  const pathFile = join(packageDir, 'path.txt');
  if (!existsSync(pathFile)) {
    return {
      available: false,
      reason:
        'no Electron binary is installed (it is fetched from GitHub on first use, which this machine cannot reach)',
    };
  }
  const path = join(packageDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  if (!existsSync(path))
    return { available: false, reason: `the Electron binary is missing at node_modules/electron/dist` };
  return { available: true, path, reason: 'installed' };
}
