import { describe, expect, it } from 'vitest';
import {
  decodeBase64,
  encodeBase64,
  encodeOpenSshPrivateKey,
  generateEd25519KeyPair,
  parseOpenSshPrivateKey,
  serializeOpenSshPrivateKey,
  signSshSig,
  utf8,
  webCryptoSigner,
} from '@shared/signing';

function rearmor(text: string, edit: (blob: Uint8Array) => Uint8Array): string {
  const body = text
    .split('\n')
    .filter((l) => l && !l.startsWith('-----'))
    .join('');
  const blob = edit(decodeBase64(body));
  const lines = encodeBase64(blob).match(/.{1,70}/g)!;
  return ['-----BEGIN OPENSSH PRIVATE KEY-----', ...lines, '-----END OPENSSH PRIVATE KEY-----', ''].join(
    '\n',
  );
}

describe('OpenSSH private keys', () => {
  it('round-trips a generated key, non-extractable on import unless asked', async () => {
    const pair = await generateEd25519KeyPair({ extractable: true, comment: 'ana@finance' });
    const text = await serializeOpenSshPrivateKey(pair, 0x01020304);
    expect(text.split('\n').every((l) => l.length <= 70)).toBe(true);
    const back = await parseOpenSshPrivateKey(text);
    expect(back.privateKey.extractable).toBe(false);
    expect(back.publicKey).toEqual(pair.publicKey);
    expect(back.comment).toBe('ana@finance');
    const data = utf8('x');
    expect(await signSshSig(data, 'ns', webCryptoSigner(back.privateKey, back.publicKey))).toBe(
      await signSshSig(data, 'ns', webCryptoSigner(pair.privateKey, pair.publicKey)),
    );
    expect((await parseOpenSshPrivateKey(text, { extractable: true })).privateKey.extractable).toBe(true);
  });

  it('gives a clear error for encrypted keys, other key types, other PEM files and damage', async () => {
    const pair = await generateEd25519KeyPair({ extractable: true });
    const text = await serializeOpenSshPrivateKey(pair, 7);
    const encrypted = rearmor(text, (blob) => {
      const out = new Uint8Array(blob.length + 6);
      out.set(blob.subarray(0, 15));
      out.set([0, 0, 0, 10], 15);
      out.set(utf8('aes256-ctr'), 19);
      out.set(blob.subarray(23), 29);
      return out;
    });
    await expect(parseOpenSshPrivateKey(encrypted)).rejects.toThrow(
      /encrypted with a passphrase \(cipher aes256-ctr\)/,
    );
    await expect(
      parseOpenSshPrivateKey('-----BEGIN RSA PRIVATE KEY-----\nAAAA\n-----END RSA PRIVATE KEY-----\n'),
    ).rejects.toThrow(/"RSA PRIVATE KEY" PEM file/);
    await expect(parseOpenSshPrivateKey('ssh-ed25519 AAAA')).rejects.toThrow(/not an OpenSSH private key/);
    const rsaTyped = rearmor(text, (blob) => {
      const copy = new Uint8Array(blob);
      // magic (15), cipher, kdf, kdf options, key count, public blob length: the key type follows.
      copy.set(utf8('ssh-rsa0000'), 15 + 8 + 8 + 4 + 4 + 4 + 4);
      return copy;
    });
    await expect(parseOpenSshPrivateKey(rsaTyped)).rejects.toThrow(/type ssh-rsa0000; only Ed25519/);
    const seed = new Uint8Array(32).fill(9);
    const mismatched = encodeOpenSshPrivateKey(seed, pair.publicKey, '', 1);
    await expect(parseOpenSshPrivateKey(mismatched)).rejects.toThrow(/secret does not match the public key/);
    const truncated = rearmor(text, (blob) => blob.subarray(0, 100));
    await expect(parseOpenSshPrivateKey(truncated)).rejects.toThrow(/damaged private key/);
  });
});
