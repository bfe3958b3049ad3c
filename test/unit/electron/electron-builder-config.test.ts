import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../../..');
const require = createRequire(__filename);
const { load } = require('js-yaml') as { load(text: string): unknown };
// electron-builder's own schema check; packaging itself needs a download this machine cannot make.
const { validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
  validateConfiguration(config: unknown, logger: unknown): Promise<void>;
};

interface BuilderConfig {
  appId: string;
  productName: string;
  directories: { output: string; buildResources: string };
  files: string[];
  asar: boolean;
  linux: { target: string[]; category: string; maintainer: string; icon: string };
  win: { target: { target: string }[] };
  nsis: Record<string, unknown>;
  mac: {
    target: { target: string }[];
    category: string;
    hardenedRuntime: boolean;
    entitlements: string;
    entitlementsInherit: string;
  };
  electronFuses: Record<string, boolean>;
}

const config = load(readFileSync(resolve(ROOT, 'electron.builder.yml'), 'utf8')) as BuilderConfig;
const logger = { add: () => undefined, isEnabled: false };

describe('electron.builder.yml', () => {
  it("passes electron-builder's schema", async () => {
    await expect(validateConfiguration(config, logger)).resolves.toBeUndefined();
    await expect(validateConfiguration({ ...config, nsis: { oneClik: false } }, logger)).rejects.toThrow(
      /Invalid configuration/,
    );
  });

  it('names the product and packages only the built app', () => {
    expect(config.appId).toMatch(/^[a-z0-9.-]+$/);
    expect(config.productName).toBe('Review Desk');
    expect(config.directories.output).toBe('release');
    expect(config.files).toEqual(expect.arrayContaining(['out/**', 'package.json']));
    expect(config.asar).toBe(true);
    const { main } = JSON.parse(readFileSync(resolve(ROOT, 'package.json'), 'utf8')) as { main: string };
    expect(main).toBe('out/main/index.js');
  });

  it('builds AppImage and deb, NSIS, and a hardened dmg', () => {
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.linux.category).toBe('Office');
    expect(config.linux.maintainer).toMatch(/^.+ <[^@\s]+@[^@\s]+>$/);
    expect(config.win.target.map((t) => t.target)).toEqual(['nsis']);
    expect(config.nsis).toMatchObject({ oneClick: false, deleteAppDataOnUninstall: false });
    expect(config.mac.target.map((t) => t.target)).toEqual(['dmg']);
    expect(config.mac.category).toBe('public.app-category.finance');
    expect(config.mac.hardenedRuntime).toBe(true);
  });

  it('points at resources that exist', () => {
    for (const file of [config.mac.entitlements, config.mac.entitlementsInherit, config.linux.icon]) {
      expect(existsSync(resolve(ROOT, file)), file).toBe(true);
    }
    expect(readFileSync(resolve(ROOT, config.mac.entitlements), 'utf8')).toContain(
      'com.apple.security.cs.allow-jit',
    );
  });

  it('turns off the fuses that would let the packaged binary run foreign code', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
    });
  });
});
