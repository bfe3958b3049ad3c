#!/usr/bin/env node
/**
 * `npm start`: the desktop app where Electron's binary is installed; otherwise the same renderer
 * as the browser shell, built and served on 127.0.0.1, with the reason printed.
 */
import { spawn, spawnSync } from 'node:child_process';
import { findElectronBinary } from './electron-binary.mjs';

const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
const electron = findElectronBinary();
// Vite warns that our TypeScript config is loaded as CommonJS; that is deliberate (see README).
process.env.VITE_CONFIG_NATIVE_IGNORE_WARNING = 'true';

function run(args) {
  const result = spawnSync(npx, args, { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

if (electron.available) {
  run(['electron-vite', 'build']);
  const child = spawn(electron.path, ['.'], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  const port = process.env.PORT ?? '4173';
  console.log(`Review Desk: starting the browser shell, because ${electron.reason}.`);
  run(['vite', 'build', '--logLevel', 'warn']);
  console.log(
    `Review Desk is running at http://127.0.0.1:${port}/ (open it in Chromium, Chrome, Edge or Firefox).`,
  );
  console.log('Everything stays in this browser profile (IndexedDB); press Ctrl+C to stop the server.');
  const child = spawn(npx, ['vite', 'preview', '--host', '127.0.0.1', '--port', port, '--strictPort'], {
    stdio: ['inherit', 'ignore', 'inherit'],
  });
  child.on('exit', (code) => process.exit(code ?? 0));
}
