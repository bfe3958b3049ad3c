import { afterAll, describe, expect, it } from 'vitest';
import { createWebSigning, memorySigningKeyStore } from '../../../renderer/bridge/web-signing';
import { BATCH_NAMESPACE } from '@shared/export';
import {
  allowedSignersLine,
  parseAllowedSigners,
  parseOpenSshPublicKeyLine,
  utf8,
  verifySshSignature,
} from '@shared/signing';
import { keygenEd25519, keygenVerify, TempDir } from '../signing/ssh-keygen-tool';

const dir = new TempDir();
afterAll(() => dir.remove());

function clock(start: string) {
  let t = new Date(start).getTime();
  return () => new Date((t += 60_000));
}

function allowedLineFor(openssh: string, identity: string): string {
  const key = parseOpenSshPublicKeyLine(openssh).ed25519!;
  return allowedSignersLine(identity, key);
}

describe('browser-shell signing keys', () => {
  it('has no key and refuses to sign before one is set up', async () => {
    const signing = createWebSigning(memorySigningKeyStore());
    expect(await signing.status()).toEqual({ storage: 'none', keys: [] });
    await expect(signing.sign(BATCH_NAMESPACE, utf8('x'))).rejects.toThrow(/Settings → Keys/);
  });

  it('generates a non-extractable key whose signatures ssh-keygen accepts', async () => {
    const store = memorySigningKeyStore();
    const signing = createWebSigning(store);
    const status = await signing.generate('  ana@finance ');
    expect(status.storage).toBe('webcrypto');
    expect(status.keys).toHaveLength(1);
    const [key] = status.keys;
    expect(key!.identity).toBe('ana@finance');
    expect(key!.active).toBe(true);
    expect(key!.openssh).toMatch(/^ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI\S+ ana@finance$/);
    expect(key!.fingerprint).toMatch(/^SHA256:[A-Za-z0-9+/]{43}$/);
    const [stored] = await store.list();
    expect(stored!.privateKey.extractable).toBe(false);

    const data = utf8('{"batch":1}\n');
    const signature = await signing.sign(BATCH_NAMESPACE, data);
    const allowed = allowedLineFor(key!.openssh, 'ana@finance');
    const byKeygen = keygenVerify(dir, {
      allowedSigners: `${allowed}\n`,
      identity: 'ana@finance',
      namespace: BATCH_NAMESPACE,
      signature,
      data,
    });
    expect(byKeygen.status, byKeygen.stderr).toBe(0);
    const byDesk = await verifySshSignature({
      data,
      signatureText: signature,
      allowedSigners: parseAllowedSigners(allowed),
      namespace: BATCH_NAMESPACE,
      identity: 'ana@finance',
    });
    expect(byDesk.valid).toBe(true);
    expect(byDesk.fingerprint).toBe(key!.fingerprint);
  });

  it('rejects an identity that cannot be an allowed_signers principal', async () => {
    const signing = createWebSigning(memorySigningKeyStore());
    await expect(signing.generate('ana finance')).rejects.toThrow(/no spaces/);
    await expect(signing.generate('')).rejects.toThrow(/Enter an identity/);
    expect((await signing.status()).keys).toEqual([]);
  });

  it('imports an ssh-keygen key non-extractable and signs as that key', async () => {
    const made = keygenEd25519(dir, 'imported', 'laptop');
    const store = memorySigningKeyStore();
    const signing = createWebSigning(store);
    const status = await signing.importOpenSsh(made.privateText, 'ben@finance');
    const [key] = status.keys;
    expect(key!.openssh.split(' ').slice(0, 2)).toEqual(made.publicLine.split(' ').slice(0, 2));
    expect((await store.list())[0]!.privateKey.extractable).toBe(false);

    const data = utf8('request_id\nREQ-1\n');
    const signature = await signing.sign('decision-export@review-desk', data);
    const publicKeyOnly = made.publicLine.split(' ').slice(0, 2).join(' ');
    const byKeygen = keygenVerify(dir, {
      allowedSigners: `ben@finance ${publicKeyOnly}\n`,
      identity: 'ben@finance',
      namespace: 'decision-export@review-desk',
      signature,
      data,
    });
    expect(byKeygen.status, byKeygen.stderr).toBe(0);
  });

  it('refuses an encrypted key, naming the fix', async () => {
    const signing = createWebSigning(memorySigningKeyStore());
    const made = keygenEd25519(dir, 'to-encrypt', 'x');
    const { spawnSync } = await import('node:child_process');
    spawnSync('ssh-keygen', ['-q', '-p', '-P', '', '-N', 'secret', '-f', made.privatePath]);
    const encrypted = dir.read('to-encrypt');
    await expect(signing.importOpenSsh(encrypted, 'ana@finance')).rejects.toThrow(/passphrase/);
    await expect(signing.importOpenSsh('hello', 'ana@finance')).rejects.toThrow(/not an OpenSSH private key/);
  });

  it('rotates: a new key becomes active and the old ones stay listed, newest first', async () => {
    const store = memorySigningKeyStore();
    const signing = createWebSigning(store, clock('2026-11-25T10:00:00Z'));
    const first = (await signing.generate('ana@finance')).keys[0]!;
    const second = (await signing.generate('ana@finance')).keys[0]!;
    const third = await signing.generate('ana@finance');
    expect(third.keys.map((k) => k.active)).toEqual([true, false, false]);
    expect(third.keys.slice(1).map((k) => k.fingerprint)).toEqual([second.fingerprint, first.fingerprint]);

    const signature = await signing.sign(BATCH_NAMESPACE, utf8('x'));
    const oldOnly = parseAllowedSigners(allowedLineFor(first.openssh, 'ana@finance'));
    const check = await verifySshSignature({
      data: utf8('x'),
      signatureText: signature,
      allowedSigners: oldOnly,
      namespace: BATCH_NAMESPACE,
      identity: 'ana@finance',
    });
    expect(check.valid).toBe(false);
  });

  it('re-importing a retired key brings it back instead of listing it twice', async () => {
    const made = keygenEd25519(dir, 'again', 'x');
    const signing = createWebSigning(memorySigningKeyStore(), clock('2026-11-25T10:00:00Z'));
    const imported = (await signing.importOpenSsh(made.privateText, 'ana@finance')).keys[0]!;
    await signing.generate('ana@finance');
    const back = await signing.importOpenSsh(made.privateText, 'ana@finance');
    expect(back.keys).toHaveLength(2);
    expect(back.keys[0]!.fingerprint).toBe(imported.fingerprint);
    expect(back.keys[0]!.active).toBe(true);
    expect(back.keys[1]!.active).toBe(false);
  });
});
