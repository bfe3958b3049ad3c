import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

/**
 * SHA-256 in its three uses. WebCrypto's digest is asynchronous and needs the whole input at
 * once: awaiting it inside an IndexedDB transaction lets the transaction commit early, a 2 GB
 * import cannot hold its file whole, and 10,000 item keys pay its per-call cost 10,000 times.
 * So the synchronous and incremental forms use @noble/hashes (audited, pure JS).
 */
export function sha256HexSync(text: string): string {
  return bytesToHex(sha256(utf8ToBytes(text)));
}

export function sha256BytesHexSync(bytes: Uint8Array): string {
  return bytesToHex(sha256(bytes));
}

/** Incremental: the import worker hashes each chunk as it streams by. */
export class Sha256 {
  private readonly hash = sha256.create();

  update(data: Uint8Array): this {
    this.hash.update(data);
    return this;
  }

  hex(): string {
    return bytesToHex(this.hash.digest());
  }
}

/** Lower-case hex SHA-256 of a text's UTF-8 bytes, with WebCrypto (Node, browser, worker). */
export async function sha256Hex(text: string): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', utf8ToBytes(text));
  return bytesToHex(new Uint8Array(digest));
}
