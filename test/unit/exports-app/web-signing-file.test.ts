import { afterAll, describe, expect, it, vi } from 'vitest';
import type { PickedFile } from '@shared/bridge/desktop-api';
import { MAX_PRIVATE_KEY_TEXT } from '@shared/bridge/ipc-limits';
import { createWebSigning, memorySigningKeyStore } from '../../../renderer/bridge/web-signing';
import { keygenEd25519, TempDir } from '../signing/ssh-keygen-tool';

const dir = new TempDir();
afterAll(() => dir.remove());

function picked(name: string, bytes: Uint8Array): PickedFile {
  return {
    name,
    size: bytes.length,
    lastModified: 0,
    read: async (offset, length) => bytes.slice(offset, offset + length),
  };
}

describe('browser-shell key import from a file', () => {
  it('imports the picked key file non-extractable; null when the dialog is cancelled', async () => {
    const made = keygenEd25519(dir, 'from-file', 'ana@finance');
    const store = memorySigningKeyStore();
    const open = vi.fn(async () => picked('id_ed25519', new TextEncoder().encode(made.privateText)));
    const signing = createWebSigning(store, undefined, open);
    const status = await signing.importOpenSshFile('ana@finance');
    expect(status!.keys[0]!.openssh.split(' ').slice(0, 2)).toEqual(made.publicLine.split(' ').slice(0, 2));
    expect((await store.list())[0]!.privateKey.extractable).toBe(false);

    const cancelled = createWebSigning(memorySigningKeyStore(), undefined, async () => null);
    expect(await cancelled.importOpenSshFile('ana@finance')).toBeNull();
    expect(await cancelled.status()).toEqual({ storage: 'none', keys: [] });
  });

  it.each([
    ['too large', picked('huge', new Uint8Array(MAX_PRIVATE_KEY_TEXT + 1)), /huge is too large/],
    ['not text', picked('blob', new Uint8Array([0xff, 0xfe, 0xc3, 0x28])), /blob is not a text file/],
    ['not a key', picked('notes.txt', new TextEncoder().encode('hello\n')), /not an OpenSSH private key/],
  ])('refuses a file that is %s', async (_what, file, message) => {
    const signing = createWebSigning(memorySigningKeyStore(), undefined, async () => file);
    await expect(signing.importOpenSshFile('ana@finance')).rejects.toThrow(message);
    expect((await signing.status()).keys).toHaveLength(0);
  });

  it('checks the identity before opening any dialog', async () => {
    const open = vi.fn(async () => null);
    const signing = createWebSigning(memorySigningKeyStore(), undefined, open);
    await expect(signing.importOpenSshFile('ana *')).rejects.toThrow();
    expect(open).not.toHaveBeenCalled();
  });
});
