import { asBufferSource } from './bytes';

/**
 * Whatever holds a private key: a WebCrypto key here, the desktop main process behind IPC, or
 * a test double. SSHSIG code only ever sees this, so the key itself can stay where it lives.
 */
export interface Ed25519Signer {
  /** The raw 32-byte public key. */
  publicKey: Uint8Array;
  /** A raw 64-byte Ed25519 signature of `data`. */
  sign(data: Uint8Array): Promise<Uint8Array>;
}

export function webCryptoSigner(privateKey: CryptoKey, publicKey: Uint8Array): Ed25519Signer {
  return {
    publicKey,
    async sign(data) {
      return new Uint8Array(
        await globalThis.crypto.subtle.sign({ name: 'Ed25519' }, privateKey, asBufferSource(data)),
      );
    },
  };
}

export async function verifyEd25519(
  publicKey: Uint8Array,
  signature: Uint8Array,
  data: Uint8Array,
): Promise<boolean> {
  const subtle = globalThis.crypto.subtle;
  const key = await subtle.importKey('raw', asBufferSource(publicKey), { name: 'Ed25519' }, false, [
    'verify',
  ]);
  return subtle.verify({ name: 'Ed25519' }, key, asBufferSource(signature), asBufferSource(data));
}
