import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createAppProtocolHandler, resolveAppPath } from '../../../electron/main/app-protocol';
import { CONTENT_SECURITY_POLICY } from '../../../electron/main/security/content-security-policy';

let base: string;
let root: string;

beforeAll(() => {
  base = mkdtempSync(join(tmpdir(), 'review-desk-protocol-'));
  root = join(base, 'renderer');
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>Review Desk</title>');
  writeFileSync(join(root, 'assets', 'app.js'), 'console.log("desk")');
  writeFileSync(join(root, 'assets', 'app.css'), 'body{}');
  writeFileSync(join(base, 'secret.txt'), 'keyring');
  symlinkSync(join(base, 'secret.txt'), join(root, 'assets', 'link.js'));
  mkdirSync(join(root, 'folder.js'));
});

const serve = (url: string, method = 'GET') => createAppProtocolHandler(root)(new Request(url, { method }));

describe('app:// protocol', () => {
  it('serves the renderer files with their types and the CSP', async () => {
    const page = await serve('app://review-desk/index.html');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(await page.text()).toContain('<title>Review Desk</title>');
    const script = await serve('app://review-desk/assets/app.js');
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(script.headers.get('x-content-type-options')).toBe('nosniff');
    expect((await serve('app://review-desk/assets/app.css')).headers.get('content-type')).toMatch(
      /^text\/css/,
    );
  });

  it('serves index.html for the root and for client-side routes', async () => {
    for (const url of ['app://review-desk/', 'app://review-desk', 'app://review-desk/exports']) {
      const response = await serve(url);
      expect(response.status, url).toBe(200);
      expect(await response.text()).toContain('Review Desk');
    }
  });

  it.each([
    'app://review-desk/../secret.txt',
    'app://review-desk/%2e%2e/secret.txt',
    'app://review-desk/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
    'app://review-desk/..%2fsecret.txt',
    'app://review-desk/..%5csecret.txt',
    'app://review-desk/assets%5c..%5c..%5csecret.txt',
    'app://review-desk/%252e%252e/secret.txt',
    'app://review-desk/index.html%00.js',
    'app://review-desk/C:/Windows/win.ini',
    'app://review-desk/%E0%A4%A',
  ])('refuses %s and never returns the file outside the folder', async (url) => {
    const response = await serve(url);
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(await response.text()).not.toContain('keyring');
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  });

  it('refuses a symlink that leads out of the renderer folder, and folders', async () => {
    const link = await serve('app://review-desk/assets/link.js');
    expect(link.status).toBe(403);
    expect(await link.text()).not.toContain('keyring');
    expect((await serve('app://review-desk/folder.js')).status).toBe(403);
  });

  it('refuses other hosts and schemes, missing files and writes', async () => {
    expect((await serve('app://evil/index.html')).status).toBe(403);
    expect((await serve('https://review-desk/index.html')).status).toBe(403);
    expect((await serve('app://review-desk/missing.js')).status).toBe(404);
    expect((await serve('app://review-desk/index.html', 'POST')).status).toBe(405);
  });

  it('resolves only inside the folder', () => {
    expect(resolveAppPath(root, 'app://review-desk/assets/app.js')).toBe(join(root, 'assets', 'app.js'));
    // The URL parser folds `..` and `%2e%2e` at the root; what is left stays inside.
    expect(resolveAppPath(root, 'app://review-desk/%2e%2e/secret.txt')).toBe(join(root, 'secret.txt'));
    expect(resolveAppPath(root, 'app://review-desk/assets/..%2f..%2fsecret.txt')).toBeNull();
    expect(resolveAppPath(root, 'app://review-desk/assets/..%5c..%5csecret.txt')).toBeNull();
    expect(resolveAppPath(root, 'app://review-desk/./index.html')).toBe(join(root, 'index.html'));
  });
});
