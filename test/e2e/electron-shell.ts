import { _electron, type ElectronApplication } from '@playwright/test';
import { existsSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export interface ElectronBinaryStatus {
  available: boolean;
  reason: string;
  /** The executable to launch, when available. */
  executablePath?: string;
}

/** Where `electron`'s install script puts the binary on each platform, when path.txt is absent. */
function defaultExecutable(platform: NodeJS.Platform): string {
  if (platform === 'darwin') return 'Electron.app/Contents/MacOS/Electron';
  if (platform === 'win32') return 'electron.exe';
  return 'electron';
}

/**
 * Whether an Electron binary is installed, found with fs alone: `require('electron')` would try
 * to download it (Electron installs lazily), which this machine cannot do.
 */
export function electronBinaryStatus(
  electronPackageDir = resolve('node_modules', 'electron'),
  platform: NodeJS.Platform = process.platform,
  overrideDistPath = process.env.ELECTRON_OVERRIDE_DIST_PATH,
): ElectronBinaryStatus {
  if (!existsSync(join(electronPackageDir, 'package.json'))) {
    return { available: false, reason: 'the electron package is not installed (run npm install)' };
  }
  const pathFile = join(electronPackageDir, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : defaultExecutable(platform);
  const distDir = overrideDistPath || join(electronPackageDir, 'dist');
  if (!existsSync(distDir)) {
    return {
      available: false,
      reason: `no Electron binary: ${distDir} does not exist (Electron downloads its binary lazily; run "npx install-electron" where downloads are allowed)`,
    };
  }
  const executablePath = join(distDir, relative);
  if (!existsSync(executablePath) || !statSync(executablePath).isFile()) {
    return { available: false, reason: `no Electron binary at ${executablePath}` };
  }
  return { available: true, reason: `Electron binary at ${executablePath}`, executablePath };
}

/**
 * Starts the built desktop app (`npm run build:desktop` → out/main/index.js) with a throwaway
 * user-data folder, so a test never touches a reviewer's keys or settings.
 */
export async function launchDesktopApp(): Promise<ElectronApplication> {
  const status = electronBinaryStatus();
  if (!status.available || !status.executablePath)
    throw new Error(`cannot launch Electron: ${status.reason}`);
  const main = resolve('out', 'main', 'index.js');
  if (!existsSync(main)) throw new Error(`${main} is missing: run "npm run build:desktop" first`);
  const userData = mkdtempSync(join(tmpdir(), 'review-desk-e2e-'));
  // Chromium refuses to start as root with its OS sandbox (CI containers); the renderer's own
  // `sandbox: true` (no Node, sandboxed preload) still applies.
  const rootArgs = process.getuid?.() === 0 ? ['--no-sandbox'] : [];
  // The project folder, not the script: Electron then reads package.json ("main": out/main/index.js)
  // and the app gets its own name and version instead of Electron's.
  return _electron.launch({
    executablePath: status.executablePath,
    args: [...rootArgs, resolve('.'), `--user-data-dir=${userData}`],
    env: { ...process.env, ELECTRON_ENABLE_LOGGING: '1' },
  });
}
