/// <reference types="vitest/config" />
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { resolve } from 'node:path';
import { readFileSync } from 'node:fs';
import './test/support/node20-polyfills';
import { CONTENT_SECURITY_POLICY } from './shared/bridge/content-security-policy';

const { version } = JSON.parse(readFileSync(resolve(__dirname, 'package.json'), 'utf8')) as {
  version: string;
};

/** The built shell carries the same strict CSP as the desktop app; the dev server needs inline HMR code. */
function contentSecurityPolicy(): Plugin {
  return {
    name: 'review-desk-csp',
    apply: 'build',
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY },
        injectTo: 'head-prepend',
      },
    ],
  };
}

/** The browser shell: the same renderer as the desktop app, with the web DesktopApi. */
export default defineConfig({
  root: resolve(__dirname, 'renderer'),
  base: './',
  plugins: [react(), contentSecurityPolicy()],
  define: {
    __DESKTOP_SHELL__: JSON.stringify('web'),
    __APP_VERSION__: JSON.stringify(version),
  },
  build: {
    outDir: resolve(__dirname, 'dist-web'),
    emptyOutDir: true,
    target: 'es2023',
    chunkSizeWarningLimit: 2000,
  },
  worker: { format: 'es' },
  server: { host: '127.0.0.1', port: 5173, strictPort: false },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true },
  test: {
    root: __dirname,
    // Tests name the project's own shared/ layer by alias, never by a path that climbs out of test/.
    alias: { '@shared': resolve(__dirname, 'shared') },
    include: ['test/unit/**/*.test.ts', 'test/unit/**/*.test.tsx'],
    environment: 'node',
    testTimeout: 30_000,
    pool: 'forks',
  },
});
