import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { loadConfigFromFile, MainConfigFactory, PreloadConfigFactory } from 'electron-vite';
import { build, type InlineConfig } from 'vite';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../../..');
let outDir: string;

/** What a CommonJS bundle loads at run time. */
function requiredModules(code: string): string[] {
  return [...code.matchAll(/\brequire\(\s*["']([^"']+)["']\s*\)/g)].map((match) => match[1]!);
}

// Builds main and preload exactly as `electron-vite build` does (same config file, same
// factories), into a temporary folder so the checkout's out/ is left alone.
beforeAll(async () => {
  outDir = mkdtempSync(join(tmpdir(), 'review-desk-bundle-'));
  const loaded = await loadConfigFromFile(
    { command: 'build', mode: 'production' },
    'electron.vite.config.ts',
    ROOT,
  );
  const inline = { configFile: false as const, logLevel: 'silent' as const, build: { outDir } };
  const options = { outDir, root: ROOT };
  for (const factory of [
    new MainConfigFactory(loaded.config.main!, inline, options),
    new PreloadConfigFactory(loaded.config.preload!, inline, options),
  ]) {
    await build((await factory.build()) as InlineConfig);
  }
}, 120_000);

describe('desktop bundle', () => {
  it('makes the preload one CommonJS file that requires nothing but electron', () => {
    expect(readdirSync(join(outDir, 'preload'))).toEqual(['index.js']);
    const code = readFileSync(join(outDir, 'preload', 'index.js'), 'utf8');
    expect(code).not.toMatch(/^\s*(import|export)\s/m);
    expect(code).not.toMatch(/\bimport\(/);
    expect(requiredModules(code)).toEqual(['electron']);
    expect(code).toContain('exposeInMainWorld("desktop"');
    // The channel validators stay in main: zod never reaches the sandboxed preload.
    expect(code).not.toMatch(/require\("zod"\)|ZodError|\$ZodType/);
  });

  it('makes main a CommonJS bundle that needs no node_modules at run time', () => {
    const code = readFileSync(join(outDir, 'main', 'index.js'), 'utf8');
    const builtins = new Set([...builtinModules, ...builtinModules.map((name) => `node:${name}`)]);
    const required = requiredModules(code);
    expect(required).toContain('electron');
    expect(required.filter((name) => name !== 'electron' && !builtins.has(name))).toEqual([]);
    expect(code).not.toMatch(/^\s*(import|export)\s/m);
  });
});
