import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

/**
 * Synchronous SHA-256. WebCrypto's digest is asynchronous, and awaiting it inside an IndexedDB
 * transaction lets the transaction commit early; the audit chain hashes inside transactions.
 */
export function sha256HexSync(text: string): string {
  return bytesToHex(sha256(utf8ToBytes(text)));
}
