import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { MAX_PRIVATE_KEY_TEXT } from '@shared/bridge/ipc-channels';
import type { HandlerDeps } from '../../../electron/main/handlers/deps';
import { PickedFileRegistry } from '../../../electron/main/picked-files';
import { fakeKeyring, handlerCaller } from './handler-desk';
import { fakeContents, invokeEvent, subframeOf } from './fakes';

const FIXTURES = resolve(__dirname, '../../fixtures/electron');
const KEY_TEXT = readFileSync(join(FIXTURES, 'reviewer-ed25519'), 'utf8');
const FINGERPRINT = readFileSync(join(FIXTURES, 'reviewer-ed25519.fingerprint'), 'utf8').trim();

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'review-desk-key-file-'));
  copyFileSync(join(FIXTURES, 'reviewer-ed25519'), join(dir, 'id_ed25519'));
  copyFileSync(join(FIXTURES, 'encrypted-ed25519'), join(dir, 'id_encrypted'));
  copyFileSync(join(FIXTURES, 'ecdsa-key'), join(dir, 'id_ecdsa'));
  writeFileSync(join(dir, 'huge'), `${KEY_TEXT}${'#'.repeat(MAX_PRIVATE_KEY_TEXT)}`);
  writeFileSync(join(dir, 'binary'), new Uint8Array([0xff, 0xfe, 0x00, 0xc3, 0x28]));
  writeFileSync(join(dir, 'notes.txt'), 'not a key\n');
  mkdirSync(join(dir, 'a-folder'));
});

/** A desk whose dialog "picks" `picked` (a name in the test folder), with a fake OS keychain. */
function desk(picked: string | null) {
  const window = fakeContents();
  const showOpen = vi.fn(async () => (picked === null ? [] : [join(dir, picked)]));
  const { keyring, path: keyringPath } = fakeKeyring();
  const deps = {
    app: { version: '0.1.0', platform: 'linux' },
    dialogs: { showOpen, showSave: vi.fn() },
    pickedFiles: new PickedFileRegistry(),
    keyring,
  } as unknown as HandlerDeps;
  return { window, call: handlerCaller(deps, window), showOpen, keyringPath };
}

describe('signing:import-file', () => {
  it('reads the picked key in main and returns only its public part', async () => {
    const { call, showOpen, keyringPath } = desk('id_ed25519');
    const status = await call('signing:import-file', { identity: 'ana@finance' });
    expect(showOpen).toHaveBeenCalledWith(expect.anything(), {
      title: 'Open an OpenSSH private key',
      filters: [],
      multiple: false,
    });
    expect(status).not.toBeNull();
    expect(status!.storage).toBe('safe-storage');
    expect(status!.keys).toHaveLength(1);
    expect(status!.keys[0]).toMatchObject({
      identity: 'ana@finance',
      active: true,
      fingerprint: FINGERPRINT,
    });
    expect(status!.keys[0]!.openssh).toMatch(/^ssh-ed25519 AAAA\S+ ana@finance$/);
    expect(JSON.stringify(status)).not.toMatch(/PRIVATE KEY|b3BlbnNzaC1rZXktdjE/);
    // Sealed at rest: the keyring file never holds the key text in clear.
    expect(readFileSync(keyringPath, 'utf8')).not.toContain('b3BlbnNzaC1rZXktdjE');
    expect(await call('signing:status', null)).toEqual(status);
  });

  it('changes nothing when the dialog is cancelled', async () => {
    const { call } = desk(null);
    expect(await call('signing:import-file', { identity: 'ana@finance' })).toBeNull();
    expect(await call('signing:status', null)).toEqual({ storage: 'none', keys: [] });
  });

  it.each([
    ['a passphrase-protected key', 'id_encrypted', /passphrase|encrypted/i],
    ['an ECDSA key', 'id_ecdsa', /Ed25519/],
    ['a text that is no key', 'notes.txt', /not an OpenSSH private key/],
    ['a file too large to be a key', 'huge', /huge is too large to be an Ed25519 private key/],
    ['a binary file', 'binary', /binary is not a text file/],
    ['a folder', 'a-folder', /a-folder is not a file/],
    ['a file that is gone', 'gone', /gone could not be opened/],
  ])('refuses %s with its own message, storing nothing', async (_what, picked, message) => {
    const { call } = desk(picked);
    await expect(call('signing:import-file', { identity: 'ana@finance' })).rejects.toThrow(message);
    expect(await call('signing:status', null)).toEqual({ storage: 'none', keys: [] });
  });

  it.runIf(spawnSync('mkfifo', ['--version']).status === 0)(
    'refuses a named pipe without waiting for a writer',
    async () => {
      spawnSync('mkfifo', [join(dir, 'pipe')]);
      await expect(desk('pipe').call('signing:import-file', { identity: 'ana@finance' })).rejects.toThrow(
        /pipe is not a file/,
      );
    },
  );

  it.each([
    ['no payload', undefined],
    ['no identity', {}],
    ['an identity with a wildcard', { identity: '*' }],
    ['an identity with a space', { identity: 'ana finance' }],
    ['a path chosen by the page', { identity: 'ana@finance', path: '/etc/passwd' }],
    ['key text sent along', { identity: 'ana@finance', privateKeyText: KEY_TEXT }],
    ['an identity that is not text', { identity: ['ana@finance'] }],
  ])('refuses %s before any dialog opens', async (_what, payload) => {
    const { call, showOpen } = desk('id_ed25519');
    await expect(call('signing:import-file', payload)).rejects.toThrow(/invalid request/);
    expect(showOpen).not.toHaveBeenCalled();
  });

  it('refuses a subframe or another webContents before any dialog opens', async () => {
    const { call, window, showOpen } = desk('id_ed25519');
    for (const from of [invokeEvent(window, subframeOf(window)), invokeEvent(fakeContents())]) {
      await expect(call('signing:import-file', { identity: 'ana@finance' }, from)).rejects.toThrow(
        /not the desk's main frame/,
      );
    }
    expect(showOpen).not.toHaveBeenCalled();
  });
});
