import { decodeBase64, encodeBase64, wrapLines } from './base64';
import { asBufferSource, utf8 } from './bytes';
import {
  ED25519_KEY_TYPE,
  ED25519_SIGNATURE_LENGTH,
  ed25519PublicKeyBlob,
  parsePublicKeyBlob,
} from './public-key';
import { verifyEd25519, type Ed25519Signer } from './signer';
import { SshReader, SshWireError, SshWriter } from './ssh-wire';

/** OpenSSH signatures, PROTOCOL.sshsig in openssh-portable. */
const MAGIC = utf8('SSHSIG');
const VERSION = 1;
const BEGIN = '-----BEGIN SSH SIGNATURE-----';
const END = '-----END SSH SIGNATURE-----';
/** ssh-keygen wraps the armored base64 at 70 columns. */
const ARMOR_WIDTH = 70;

export type SshSigHash = 'sha256' | 'sha512';
const WEBCRYPTO_HASH: Record<SshSigHash, string> = { sha256: 'SHA-256', sha512: 'SHA-512' };

export interface SshSignature {
  version: number;
  publicKeyBlob: Uint8Array;
  namespace: string;
  reserved: Uint8Array;
  hashAlgorithm: string;
  signatureAlgorithm: string;
  signature: Uint8Array;
}

/** Why a signature could not be read; each code has its own message for the user. */
export type SshSigFormatCode = 'bad_armor' | 'bad_encoding' | 'bad_magic' | 'bad_version' | 'bad_structure';

export class SshSigFormatError extends Error {
  constructor(
    readonly code: SshSigFormatCode,
    message: string,
  ) {
    super(message);
  }
}

async function digest(hash: SshSigHash, data: Uint8Array): Promise<Uint8Array> {
  return new Uint8Array(await globalThis.crypto.subtle.digest(WEBCRYPTO_HASH[hash], asBufferSource(data)));
}

/** The bytes the Ed25519 key actually signs: the preamble, namespace, hash name and H(message). */
function signedData(namespace: string, hash: string, messageDigest: Uint8Array): Uint8Array {
  return new SshWriter().raw(MAGIC).string(namespace).string('').string(hash).string(messageDigest).bytes();
}

export async function signSshSig(
  data: Uint8Array,
  namespace: string,
  signer: Ed25519Signer,
  hash: SshSigHash = 'sha512',
): Promise<string> {
  if (!namespace) throw new Error('an SSHSIG namespace must not be empty');
  const toSign = signedData(namespace, hash, await digest(hash, data));
  const raw = await signer.sign(toSign);
  if (raw.length !== ED25519_SIGNATURE_LENGTH) {
    throw new Error(`the signer returned ${raw.length} bytes, not a 64-byte Ed25519 signature`);
  }
  const blob = new SshWriter()
    .raw(MAGIC)
    .uint32(VERSION)
    .string(ed25519PublicKeyBlob(signer.publicKey))
    .string(namespace)
    .string('')
    .string(hash)
    .string(new SshWriter().string(ED25519_KEY_TYPE).string(raw).bytes())
    .bytes();
  return armorSshSig(blob);
}

export function armorSshSig(blob: Uint8Array): string {
  return [BEGIN, ...wrapLines(encodeBase64(blob), ARMOR_WIDTH), END, ''].join('\n');
}

export function parseSshSig(armored: string): SshSignature {
  const text = armored.replace(/\r\n?/g, '\n').trim();
  if (!text.startsWith(BEGIN) || !text.endsWith(END)) {
    throw new SshSigFormatError(
      'bad_armor',
      `the signature file is not an armored SSH signature (expected "${BEGIN}" … "${END}")`,
    );
  }
  let blob: Uint8Array;
  try {
    blob = decodeBase64(text.slice(BEGIN.length, text.length - END.length).replace(/\s+/g, ''));
  } catch (error) {
    throw new SshSigFormatError(
      'bad_encoding',
      `the signature's base64 is damaged: ${(error as Error).message}`,
    );
  }
  if (blob.length < MAGIC.length || MAGIC.some((byte, i) => blob[i] !== byte)) {
    throw new SshSigFormatError('bad_magic', 'the signature does not start with the SSHSIG preamble');
  }
  try {
    const reader = new SshReader(blob.subarray(MAGIC.length), 'signature');
    const version = reader.uint32();
    if (version !== VERSION) {
      throw new SshSigFormatError(
        'bad_version',
        `the signature has SSHSIG version ${version}; only version 1 is known`,
      );
    }
    const publicKeyBlob = reader.string();
    const namespace = reader.text();
    const reserved = reader.string();
    const hashAlgorithm = reader.text();
    const inner = new SshReader(reader.string(), 'signature value');
    reader.end();
    const signatureAlgorithm = inner.text();
    const signature = inner.string();
    inner.end();
    return { version, publicKeyBlob, namespace, reserved, hashAlgorithm, signatureAlgorithm, signature };
  } catch (error) {
    if (error instanceof SshWireError) {
      throw new SshSigFormatError('bad_structure', `the signature is damaged: ${error.message}`);
    }
    throw error;
  }
}

export type SshSigCheck =
  | { ok: true; publicKey: Uint8Array; hash: SshSigHash }
  | {
      ok: false;
      code: 'unsupported_key' | 'unsupported_hash' | 'bad_signature';
      message: string;
      publicKey: Uint8Array | null;
    };

/**
 * Checks the cryptography only, over the namespace the signature names; whether that namespace
 * is the expected one, and who may sign, are separate checks so each failure says its own cause.
 */
export async function checkSshSig(signature: SshSignature, data: Uint8Array): Promise<SshSigCheck> {
  let key;
  try {
    key = parsePublicKeyBlob(signature.publicKeyBlob);
  } catch (error) {
    return {
      ok: false,
      code: 'unsupported_key',
      message: `the signing key inside the signature is damaged: ${(error as Error).message}`,
      publicKey: null,
    };
  }
  const publicKey = key.ed25519;
  if (!publicKey || signature.signatureAlgorithm !== ED25519_KEY_TYPE) {
    return {
      ok: false,
      code: 'unsupported_key',
      message: `the file is signed with a ${key.keyType} key (${signature.signatureAlgorithm}); only ssh-ed25519 signatures are accepted`,
      publicKey: null,
    };
  }
  const hash = signature.hashAlgorithm;
  if (hash !== 'sha512' && hash !== 'sha256') {
    return {
      ok: false,
      code: 'unsupported_hash',
      message: `the signature uses hash "${hash}"; only sha512 and sha256 are defined for SSHSIG`,
      publicKey,
    };
  }
  const toVerify = signedData(signature.namespace, hash, await digest(hash, data));
  const valid =
    signature.signature.length === ED25519_SIGNATURE_LENGTH &&
    (await verifyEd25519(publicKey, signature.signature, toVerify));
  if (!valid) {
    return {
      ok: false,
      code: 'bad_signature',
      message: 'the signature does not match the file: the file or its signature was changed after signing',
      publicKey,
    };
  }
  return { ok: true, publicKey, hash };
}
