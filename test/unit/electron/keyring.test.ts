import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkSshSig, parseSshSig } from '@shared/signing';
import { Keyring } from '../../../electron/main/keyring/keyring';
import { safeStorageBox } from '../../../electron/main/keyring/secret-box';
import { UserFacingError } from '../../../electron/main/user-facing-error';

const FIXTURES = resolve(__dirname, '../../fixtures/electron');
const fixture = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');
const NAMESPACE = 'creditback-batch@review-desk';

/** Stands in for Electron's safeStorage: reversible, and visibly not the plain text. */
function fakeSafeStorage(options: { available?: boolean; backend?: 'basic_text' | 'gnome_libsecret' } = {}) {
  const state = { available: options.available ?? true, backend: options.backend ?? 'gnome_libsecret' };
  const MAGIC = 'sealed:';
  return {
    state,
    isEncryptionAvailable: () => state.available,
    getSelectedStorageBackend: () => state.backend,
    encryptString: (text: string) => Buffer.from(MAGIC + Buffer.from(text).toString('hex')),
    decryptString: (sealed: Buffer) => {
      const text = sealed.toString();
      if (!text.startsWith(MAGIC)) throw new Error('not sealed by this keychain');
      return Buffer.from(text.slice(MAGIC.length), 'hex').toString();
    },
  };
}

function keyring(storage = fakeSafeStorage(), platform = 'linux') {
  const path = join(mkdtempSync(join(tmpdir(), 'review-desk-keyring-')), 'keyring.json');
  let clock = Date.parse('2026-11-25T10:00:00.000Z');
  const ring = new Keyring({
    path,
    box: safeStorageBox(storage, platform),
    now: () => new Date((clock += 60_000)),
  });
  return { ring, path, storage };
}

async function verifies(armored: string, data: Uint8Array): Promise<boolean> {
  return (await checkSshSig(parseSshSig(armored), data)).ok;
}

describe('keyring: generate and sign', () => {
  it('generates an Ed25519 key sealed with safeStorage; the file never holds it in clear', async () => {
    const { ring, path } = keyring();
    expect(await ring.status()).toEqual({ storage: 'none', keys: [] });
    const status = await ring.generate('ana@finance');
    expect(status.storage).toBe('safe-storage');
    expect(status.keys).toHaveLength(1);
    const [key] = status.keys;
    expect(key).toMatchObject({ identity: 'ana@finance', active: true });
    expect(key!.openssh).toMatch(/^ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI[A-Za-z0-9+/]+ ana@finance$/);
    expect(key!.fingerprint).toMatch(/^SHA256:[A-Za-z0-9+/]{43}$/);
    const file = readFileSync(path, 'utf8');
    expect(file).not.toContain('OPENSSH PRIVATE KEY');
    expect(file).toContain('"storage": "safe-storage"');
    expect(statSync(path).mode & 0o077).toBe(0);
    expect(JSON.stringify(status)).not.toMatch(/PRIVATE|secret/);
  });

  it('signs SSHSIG with the active key, verifiable by its listed public key', async () => {
    const { ring } = keyring();
    const { keys } = await ring.generate('ana@finance');
    const data = new TextEncoder().encode('{"format":"review-desk/creditback-batch@1"}\n');
    const armored = await ring.sign(NAMESPACE, data);
    expect(armored).toMatch(/^-----BEGIN SSH SIGNATURE-----\n[\s\S]+\n-----END SSH SIGNATURE-----\n$/);
    const signature = parseSshSig(armored);
    expect(signature.namespace).toBe(NAMESPACE);
    expect(await verifies(armored, data)).toBe(true);
    expect(await verifies(armored, new TextEncoder().encode('tampered'))).toBe(false);
    const check = await checkSshSig(signature, data);
    expect(check.ok && Buffer.from(check.publicKey).toString('base64')).toBe(
      Buffer.from(keys[0]!.openssh.split(' ')[1]!, 'base64').subarray(-32).toString('base64'),
    );
  });

  it('refuses to sign without a key, with a message for the reviewer', async () => {
    const { ring } = keyring();
    await expect(ring.sign(NAMESPACE, new Uint8Array([1]))).rejects.toBeInstanceOf(UserFacingError);
  });
});

describe('keyring: import', () => {
  it("imports an ssh-keygen key; ssh-keygen's own fingerprint and verify agree", async () => {
    const { ring } = keyring();
    const status = await ring.importOpenSsh(fixture('reviewer-ed25519'), 'ana@finance');
    expect(status.keys[0]!.fingerprint).toBe(fixture('reviewer-ed25519.fingerprint').trim());
    expect(status.keys[0]!.openssh.split(' ').slice(0, 2)).toEqual(
      fixture('reviewer-ed25519.pub').split(' ').slice(0, 2),
    );
    const data = new TextEncoder().encode('batch\n');
    const armored = await ring.sign(NAMESPACE, data);
    expect(await verifies(armored, data)).toBe(true);
    // .ci/run installs openssh-client; elsewhere the check against the desk's own verifier above stands.
    if (spawnSync('ssh-keygen', ['-V']).error) return;
    const dir = mkdtempSync(join(tmpdir(), 'review-desk-verify-'));
    writeFileSync(join(dir, 'allowed_signers'), `ana@finance ${status.keys[0]!.openssh}\n`);
    writeFileSync(join(dir, 'batch.sig'), armored);
    const output = execFileSync(
      'ssh-keygen',
      [
        '-Y',
        'verify',
        '-f',
        join(dir, 'allowed_signers'),
        '-I',
        'ana@finance',
        '-n',
        NAMESPACE,
        '-s',
        join(dir, 'batch.sig'),
      ],
      { input: data },
    ).toString();
    expect(output).toContain('Good "creditback-batch@review-desk" signature for ana@finance');
  });

  it.each([
    ['a passphrase-protected key', 'encrypted-ed25519', /passphrase/],
    ['an ECDSA key', 'ecdsa-key', /only Ed25519/],
  ])('refuses %s with a clear message and stores nothing', async (_what, name, message) => {
    const { ring, path } = keyring();
    const attempt = ring.importOpenSsh(fixture(name), 'ana@finance');
    await expect(attempt).rejects.toBeInstanceOf(UserFacingError);
    await expect(attempt).rejects.toThrow(message);
    expect(existsSync(path)).toBe(false);
  });

  it('refuses text that is no key at all', async () => {
    const { ring } = keyring();
    await expect(ring.importOpenSsh('ssh-ed25519 AAAA ana@finance', 'ana')).rejects.toThrow(
      /not an OpenSSH private key/,
    );
  });
});

describe('keyring: rotation', () => {
  it('keeps retired public keys listed after the active one; signing uses the new key', async () => {
    const { ring } = keyring();
    const first = (await ring.generate('ana@finance')).keys[0]!;
    await ring.importOpenSsh(fixture('reviewer-ed25519'), 'ana@finance');
    const status = await ring.generate('ana@finance-2027');
    expect(status.keys.map((key) => [key.identity, key.active])).toEqual([
      ['ana@finance-2027', true],
      ['ana@finance', false],
      ['ana@finance', false],
    ]);
    expect(status.keys[2]!.fingerprint).toBe(first.fingerprint);
    expect(status.keys.map((key) => key.createdAt)).toEqual(
      [...status.keys.map((key) => key.createdAt)].sort().reverse(),
    );
    const armored = await ring.sign(NAMESPACE, new Uint8Array([1, 2, 3]));
    const check = await checkSshSig(parseSshSig(armored), new Uint8Array([1, 2, 3]));
    const activeRaw = Buffer.from(status.keys[0]!.openssh.split(' ')[1]!, 'base64').subarray(-32);
    expect(check.ok && Buffer.from(check.publicKey).equals(activeRaw)).toBe(true);
  });

  it('re-importing a retired key makes it active again, listed once', async () => {
    const { ring } = keyring();
    await ring.importOpenSsh(fixture('reviewer-ed25519'), 'ana@finance');
    await ring.generate('ana@finance');
    const status = await ring.importOpenSsh(fixture('reviewer-ed25519'), 'ana@finance');
    expect(status.keys.map((key) => key.active)).toEqual([true, false]);
    expect(status.keys[0]!.fingerprint).toBe(fixture('reviewer-ed25519.fingerprint').trim());
  });

  it('survives a restart: a new Keyring on the same file sees the same keys', async () => {
    const { ring, path, storage } = keyring();
    await ring.generate('ana@finance');
    const before = await ring.generate('ana@finance-2');
    const reopened = new Keyring({ path, box: safeStorageBox(storage, 'linux') });
    expect(await reopened.status()).toEqual(before);
    const data = new Uint8Array([9]);
    expect(await verifies(await reopened.sign(NAMESPACE, data), data)).toBe(true);
  });

  it('two rotations at once leave exactly one active key', async () => {
    const { ring } = keyring();
    await Promise.all([ring.generate('a@x'), ring.generate('b@x'), ring.generate('c@x')]);
    const { keys } = await ring.status();
    expect(keys).toHaveLength(3);
    expect(keys.filter((key) => key.active)).toHaveLength(1);
  });
});

describe('keyring: plain-text fallback', () => {
  it('stores in plain text and says so when the OS offers no encryption', async () => {
    const { ring, path } = keyring(fakeSafeStorage({ available: false }));
    const status = await ring.generate('ana@finance');
    expect(status.storage).toBe('plaintext');
    expect(readFileSync(path, 'utf8')).toContain('OPENSSH PRIVATE KEY');
    const data = new Uint8Array([1]);
    expect(await verifies(await ring.sign(NAMESPACE, data), data)).toBe(true);
  });

  it("treats Linux's basic_text backend (a fixed, public password) as plain text", async () => {
    const { ring } = keyring(fakeSafeStorage({ backend: 'basic_text' }), 'linux');
    expect((await ring.generate('ana@finance')).storage).toBe('plaintext');
    const mac = keyring(fakeSafeStorage({ backend: 'basic_text' }), 'darwin');
    expect((await mac.ring.generate('ana@finance')).storage).toBe('safe-storage');
  });

  it('seals plain-text keys once encryption becomes available', async () => {
    const storage = fakeSafeStorage({ available: false });
    const { ring, path } = keyring(storage);
    await ring.generate('ana@finance');
    storage.state.available = true;
    expect((await ring.status()).storage).toBe('safe-storage');
    expect(readFileSync(path, 'utf8')).not.toContain('OPENSSH PRIVATE KEY');
  });

  it('explains when a sealed key cannot be opened because the keychain went away', async () => {
    const storage = fakeSafeStorage();
    const { ring, path } = keyring(storage);
    await ring.generate('ana@finance');
    storage.state.available = false;
    const reopened = new Keyring({ path, box: safeStorageBox(storage, 'linux') });
    const attempt = reopened.sign(NAMESPACE, new Uint8Array([1]));
    await expect(attempt).rejects.toBeInstanceOf(UserFacingError);
    await expect(attempt).rejects.toThrow(/keychain/);
  });
});

describe('keyring: a damaged or tampered file', () => {
  it('refuses a file that is not a keyring, and never overwrites it', async () => {
    const { ring, path } = keyring();
    writeFileSync(path, '{"keys": "nope"}');
    await expect(ring.status()).rejects.toBeInstanceOf(UserFacingError);
    await expect(ring.status()).rejects.toThrow(/damaged/);
    await expect(ring.generate('ana@finance')).rejects.toThrow(/damaged/);
    expect(readFileSync(path, 'utf8')).toBe('{"keys": "nope"}');
  });

  it('refuses to sign when the listed public key was swapped for another', async () => {
    const { ring, path } = keyring();
    await ring.generate('ana@finance');
    const data = JSON.parse(readFileSync(path, 'utf8')) as { keys: { fingerprint: string }[] };
    data.keys[0]!.fingerprint = fixture('reviewer-ed25519.fingerprint').trim();
    writeFileSync(path, JSON.stringify(data));
    await expect(ring.sign(NAMESPACE, new Uint8Array([1]))).rejects.toThrow(/does not match/);
  });
});
