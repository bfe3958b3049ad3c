import { decodeBase64, encodeBase64, wrapLines } from './base64';
import { asBufferSource, concatBytes, equalBytes, fromUtf8, utf8 } from './bytes';
import { ED25519_KEY_TYPE, ED25519_PUBLIC_KEY_LENGTH, ed25519PublicKeyBlob } from './public-key';
import { SshReader, SshWireError, SshWriter } from './ssh-wire';

/**
 * OpenSSH's private key container (PROTOCOL.key, "openssh-key-v1"), for unencrypted Ed25519
 * keys only: what `ssh-keygen -t ed25519 -N ''` writes.
 */
const BEGIN = '-----BEGIN OPENSSH PRIVATE KEY-----';
const END = '-----END OPENSSH PRIVATE KEY-----';
const AUTH_MAGIC = utf8('openssh-key-v1\0');
/** Unencrypted keys pad the private section to this block size. */
const BLOCK_SIZE = 8;
/** RFC 8410 PKCS#8 prefix for an Ed25519 private key; the 32-byte seed follows. */
const PKCS8_ED25519_PREFIX = new Uint8Array([
  0x30, 0x2e, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x04, 0x22, 0x04, 0x20,
]);

export class PrivateKeyError extends Error {}

export interface Ed25519KeyPair {
  privateKey: CryptoKey;
  /** The raw 32-byte public key. */
  publicKey: Uint8Array;
  comment: string;
}

export interface ImportOptions {
  /** False lets the browser shell keep a key whose private half can never be read back. */
  extractable?: boolean;
}

export async function parseOpenSshPrivateKey(
  text: string,
  options: ImportOptions = {},
): Promise<Ed25519KeyPair> {
  const { seed, publicKey, comment } = decodeOpenSshPrivateKey(text);
  const privateKey = await importEd25519Seed(seed, options.extractable ?? false);
  await assertKeysBelongTogether(privateKey, publicKey);
  return { privateKey, publicKey, comment };
}

/** A seed that does not derive the stored public key would make signatures nobody can verify. */
async function assertKeysBelongTogether(privateKey: CryptoKey, publicKey: Uint8Array): Promise<void> {
  const probe = utf8('review-desk key check');
  const subtle = globalThis.crypto.subtle;
  const signature = await subtle.sign({ name: 'Ed25519' }, privateKey, asBufferSource(probe));
  const verifyKey = await subtle.importKey('raw', asBufferSource(publicKey), { name: 'Ed25519' }, false, [
    'verify',
  ]);
  if (!(await subtle.verify({ name: 'Ed25519' }, verifyKey, signature, asBufferSource(probe)))) {
    throw new PrivateKeyError('damaged private key: the secret does not match the public key');
  }
}

interface DecodedPrivateKey {
  seed: Uint8Array;
  publicKey: Uint8Array;
  comment: string;
}

export function decodeOpenSshPrivateKey(text: string): DecodedPrivateKey {
  const trimmed = text.replace(/\r\n?/g, '\n').trim();
  if (trimmed.startsWith('-----BEGIN ') && !trimmed.startsWith(BEGIN)) {
    const kind = /^-----BEGIN ([A-Z0-9 ]+)-----/.exec(trimmed)?.[1] ?? 'unknown';
    throw new PrivateKeyError(
      `this is a "${kind}" PEM file, not an OpenSSH private key; convert it with ssh-keygen -p -f <file> (OpenSSH format is the default)`,
    );
  }
  if (!trimmed.startsWith(BEGIN) || !trimmed.endsWith(END)) {
    throw new PrivateKeyError(`not an OpenSSH private key (expected "${BEGIN}" … "${END}")`);
  }
  const body = trimmed.slice(BEGIN.length, trimmed.length - END.length).replace(/\s+/g, '');
  let data: Uint8Array;
  try {
    data = decodeBase64(body);
  } catch (error) {
    throw new PrivateKeyError(`the private key's base64 is damaged: ${(error as Error).message}`, {
      cause: error,
    });
  }
  try {
    return decodeContainer(data);
  } catch (error) {
    if (error instanceof SshWireError) throw new PrivateKeyError(`damaged private key: ${error.message}`);
    throw error;
  }
}

function decodeContainer(data: Uint8Array): DecodedPrivateKey {
  if (!equalBytes(data.subarray(0, AUTH_MAGIC.length), AUTH_MAGIC)) {
    throw new PrivateKeyError('not an openssh-key-v1 private key (bad magic)');
  }
  const reader = new SshReader(data.subarray(AUTH_MAGIC.length), 'private key');
  const cipher = reader.text();
  const kdf = reader.text();
  reader.string(); // kdf options
  if (cipher !== 'none' || kdf !== 'none') {
    throw new PrivateKeyError(
      `the private key is encrypted with a passphrase (cipher ${cipher}); remove it with ssh-keygen -p -N '' -f <file>, or generate one with ssh-keygen -t ed25519 -N ''`,
    );
  }
  const count = reader.uint32();
  if (count !== 1) throw new PrivateKeyError(`the file holds ${count} keys; expected exactly one`);
  const publicBlob = reader.string();
  const keyType = new SshReader(publicBlob, 'public key').text();
  if (keyType !== ED25519_KEY_TYPE) {
    throw new PrivateKeyError(
      `the key is of type ${keyType}; only Ed25519 keys are supported (ssh-keygen -t ed25519)`,
    );
  }
  const section = reader.string();
  reader.end();
  if (section.length % BLOCK_SIZE !== 0) {
    throw new PrivateKeyError('damaged private key: the private section is not padded to a block');
  }
  const inner = new SshReader(section, 'private section');
  if (inner.uint32() !== inner.uint32()) {
    throw new PrivateKeyError('damaged private key: check integers differ');
  }
  const innerType = inner.text();
  if (innerType !== ED25519_KEY_TYPE) {
    throw new PrivateKeyError(`damaged private key: private part is ${innerType}, not ssh-ed25519`);
  }
  const publicKey = inner.string();
  const secret = inner.string();
  const comment = fromUtf8(inner.string());
  if (publicKey.length !== ED25519_PUBLIC_KEY_LENGTH || secret.length !== 64) {
    throw new PrivateKeyError('damaged private key: wrong Ed25519 key sizes');
  }
  if (
    !equalBytes(secret.subarray(32), publicKey) ||
    !equalBytes(ed25519PublicKeyBlob(publicKey), publicBlob)
  ) {
    throw new PrivateKeyError('damaged private key: the public and private parts do not belong together');
  }
  const padding = inner.raw(inner.remaining);
  for (let i = 0; i < padding.length; i++) {
    if (padding[i] !== i + 1) throw new PrivateKeyError('damaged private key: bad padding');
  }
  return { seed: new Uint8Array(secret.subarray(0, 32)), publicKey: new Uint8Array(publicKey), comment };
}

export async function importEd25519Seed(seed: Uint8Array, extractable: boolean): Promise<CryptoKey> {
  const pkcs8 = concatBytes(PKCS8_ED25519_PREFIX, seed);
  return globalThis.crypto.subtle.importKey(
    'pkcs8',
    asBufferSource(pkcs8),
    { name: 'Ed25519' },
    extractable,
    ['sign'],
  );
}

export async function generateEd25519KeyPair(
  options: ImportOptions & { comment?: string } = {},
): Promise<Ed25519KeyPair> {
  const pair = (await globalThis.crypto.subtle.generateKey(
    { name: 'Ed25519' },
    options.extractable ?? false,
    ['sign', 'verify'],
  )) as CryptoKeyPair;
  const publicKey = new Uint8Array(await globalThis.crypto.subtle.exportKey('raw', pair.publicKey));
  return { privateKey: pair.privateKey, publicKey, comment: options.comment ?? '' };
}

/** The 32-byte seed of an extractable Ed25519 private key. */
export async function exportEd25519Seed(privateKey: CryptoKey): Promise<Uint8Array> {
  if (!privateKey.extractable) {
    throw new PrivateKeyError('this private key was created non-extractable and cannot be saved');
  }
  const pkcs8 = new Uint8Array(await globalThis.crypto.subtle.exportKey('pkcs8', privateKey));
  if (
    pkcs8.length !== PKCS8_ED25519_PREFIX.length + 32 ||
    !equalBytes(pkcs8.subarray(0, PKCS8_ED25519_PREFIX.length), PKCS8_ED25519_PREFIX)
  ) {
    throw new PrivateKeyError('unexpected PKCS#8 encoding of an Ed25519 key');
  }
  return pkcs8.slice(PKCS8_ED25519_PREFIX.length);
}

/**
 * Writes the key the way `ssh-keygen -N ''` does, so the same file works with ssh-keygen.
 * `checkInt` is random by default; tests pass one to get stable bytes.
 */
export async function serializeOpenSshPrivateKey(
  pair: Ed25519KeyPair,
  checkInt: number = globalThis.crypto.getRandomValues(new Uint32Array(1))[0]!,
): Promise<string> {
  const seed = await exportEd25519Seed(pair.privateKey);
  return encodeOpenSshPrivateKey(seed, pair.publicKey, pair.comment, checkInt);
}

export function encodeOpenSshPrivateKey(
  seed: Uint8Array,
  publicKey: Uint8Array,
  comment: string,
  checkInt: number,
): string {
  const section = new SshWriter()
    .uint32(checkInt)
    .uint32(checkInt)
    .string(ED25519_KEY_TYPE)
    .string(publicKey)
    .string(concatBytes(seed, publicKey))
    .string(comment)
    .bytes();
  const padLength = (BLOCK_SIZE - (section.length % BLOCK_SIZE)) % BLOCK_SIZE;
  const padding = Uint8Array.from({ length: padLength }, (_, i) => i + 1);
  const data = new SshWriter()
    .raw(AUTH_MAGIC)
    .string('none')
    .string('none')
    .string('')
    .uint32(1)
    .string(ed25519PublicKeyBlob(publicKey))
    .string(concatBytes(section, padding))
    .bytes();
  return [BEGIN, ...wrapLines(encodeBase64(data), 70), END, ''].join('\n');
}
