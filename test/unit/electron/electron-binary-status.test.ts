import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { electronBinaryStatus } from '../../e2e/electron-shell';

function electronPackage(options: { pathTxt?: string; binary?: string } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'review-desk-electron-pkg-'));
  writeFileSync(join(dir, 'package.json'), '{"name":"electron","version":"45.5.0"}');
  if (options.pathTxt !== undefined) writeFileSync(join(dir, 'path.txt'), options.pathTxt);
  if (options.binary !== undefined) {
    const binary = join(dir, 'dist', options.binary);
    mkdirSync(join(binary, '..'), { recursive: true });
    writeFileSync(binary, '#!/bin/sh\n');
    chmodSync(binary, 0o755);
  }
  return dir;
}

describe('electronBinaryStatus', () => {
  it('is unavailable, with the reason, when Electron never downloaded its binary', () => {
    const status = electronBinaryStatus(electronPackage(), 'linux', undefined);
    expect(status.available).toBe(false);
    expect(status.reason).toMatch(/no Electron binary/);
  });

  it('is unavailable when path.txt names a binary that is not there', () => {
    const dir = electronPackage({ pathTxt: 'electron', binary: 'other' });
    expect(electronBinaryStatus(dir, 'linux', undefined)).toMatchObject({ available: false });
  });

  it('finds the binary named by path.txt, or the platform default', () => {
    const linux = electronPackage({ pathTxt: 'electron', binary: 'electron' });
    expect(electronBinaryStatus(linux, 'linux', undefined)).toMatchObject({
      available: true,
      executablePath: join(linux, 'dist', 'electron'),
    });
    const mac = electronPackage({ binary: 'Electron.app/Contents/MacOS/Electron' });
    expect(electronBinaryStatus(mac, 'darwin', undefined).available).toBe(true);
    expect(electronBinaryStatus(mac, 'win32', undefined).available).toBe(false);
  });

  it('honours ELECTRON_OVERRIDE_DIST_PATH', () => {
    const elsewhere = electronPackage({ binary: 'electron' });
    const status = electronBinaryStatus(electronPackage(), 'linux', join(elsewhere, 'dist'));
    expect(status).toMatchObject({ available: true, executablePath: join(elsewhere, 'dist', 'electron') });
  });

  it('says so when the electron package itself is missing', () => {
    const empty = mkdtempSync(join(tmpdir(), 'review-desk-no-electron-'));
    expect(electronBinaryStatus(empty).reason).toMatch(/not installed/);
  });
});
