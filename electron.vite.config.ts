import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

const { version } = JSON.parse(readFileSync(resolve(__dirname, 'package.json'), 'utf8')) as {
  version: string;
};

/**
 * The desktop app: main process, sandboxed preload and the shared renderer, built into out/.
 * The browser shell is built by vite.config.ts from the same renderer.
 */
export default defineConfig({
  main: {
    build: {
      outDir: resolve(__dirname, 'out/main'),
      // Bundled whole, so the packaged app needs no node_modules at run time.
      externalizeDeps: false,
      rollupOptions: { input: { index: resolve(__dirname, 'electron/main/index.ts') } },
    },
  },
  preload: {
    build: {
      outDir: resolve(__dirname, 'out/preload'),
      // A sandboxed preload can require nothing but 'electron': it must be one CommonJS file.
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve(__dirname, 'electron/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].js', codeSplitting: false },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'renderer'),
    base: './',
    plugins: [react()],
    // The same globals as the browser shell's build (vite.config.ts), with the desktop bridge.
    define: {
      __DESKTOP_SHELL__: JSON.stringify('desktop'),
      __APP_VERSION__: JSON.stringify(version),
    },
    worker: { format: 'es' },
    build: {
      outDir: resolve(__dirname, 'out/renderer'),
      target: 'es2023',
      chunkSizeWarningLimit: 2000,
      rollupOptions: { input: { index: resolve(__dirname, 'renderer/index.html') } },
    },
  },
});
