import { decodeBase64, encodeBase64 } from './base64';
import { sha256 } from './bytes';
import { SshReader, SshWriter } from './ssh-wire';

export const ED25519_KEY_TYPE = 'ssh-ed25519';
export const ED25519_PUBLIC_KEY_LENGTH = 32;
export const ED25519_SIGNATURE_LENGTH = 64;

/** The SSH public key blob: string "ssh-ed25519", string <32 bytes>. */
export function ed25519PublicKeyBlob(publicKey: Uint8Array): Uint8Array {
  assertPublicKeyLength(publicKey);
  return new SshWriter().string(ED25519_KEY_TYPE).string(publicKey).bytes();
}

export interface SshPublicKeyBlob {
  keyType: string;
  /** The raw 32-byte key for ssh-ed25519; null for any other type (kept only to name it). */
  ed25519: Uint8Array | null;
  blob: Uint8Array;
}

export function parsePublicKeyBlob(blob: Uint8Array): SshPublicKeyBlob {
  const reader = new SshReader(blob, 'public key');
  const keyType = reader.text();
  if (keyType !== ED25519_KEY_TYPE) return { keyType, ed25519: null, blob };
  const key = reader.string();
  reader.end();
  assertPublicKeyLength(key);
  return { keyType, ed25519: key, blob };
}

/** `ssh-ed25519 AAAA… comment`, the line of a `.pub` file. */
export function openSshPublicKeyLine(publicKey: Uint8Array, comment = ''): string {
  const line = `${ED25519_KEY_TYPE} ${encodeBase64(ed25519PublicKeyBlob(publicKey))}`;
  return comment ? `${line} ${comment}` : line;
}

export interface ParsedPublicKeyLine {
  keyType: string;
  blob: Uint8Array;
  ed25519: Uint8Array | null;
  comment: string;
}

/** Reads `<type> <base64> [comment]`; the type named in the text must match the blob's own. */
export function parseOpenSshPublicKeyLine(line: string): ParsedPublicKeyLine {
  const match = /^\s*(\S+)\s+(\S+)(?:\s+(.*?))?\s*$/.exec(line);
  if (!match) throw new Error('not an OpenSSH public key line (expected "<type> <base64> [comment]")');
  const keyType = match[1]!;
  let blob: Uint8Array;
  try {
    blob = decodeBase64(match[2]!);
  } catch (error) {
    throw new Error(`the public key's base64 is damaged: ${(error as Error).message}`, { cause: error });
  }
  const parsed = parsePublicKeyBlob(blob);
  if (parsed.keyType !== keyType) {
    throw new Error(`the key says "${keyType}" but its data is a "${parsed.keyType}" key`);
  }
  return { keyType, blob, ed25519: parsed.ed25519, comment: match[3] ?? '' };
}

/** `SHA256:<base64 without padding>` of the public key blob, exactly as `ssh-keygen -l` prints it. */
export async function fingerprintOfBlob(blob: Uint8Array): Promise<string> {
  return `SHA256:${encodeBase64(await sha256(blob), false)}`;
}

export async function ed25519Fingerprint(publicKey: Uint8Array): Promise<string> {
  return fingerprintOfBlob(ed25519PublicKeyBlob(publicKey));
}

function assertPublicKeyLength(key: Uint8Array): void {
  if (key.length !== ED25519_PUBLIC_KEY_LENGTH) {
    throw new Error(`an Ed25519 public key is 32 bytes, this one has ${key.length}`);
  }
}
