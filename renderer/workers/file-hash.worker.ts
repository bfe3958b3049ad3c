import { Sha256 } from '../../shared/reading';

/**
 * Hashes the file being imported on its own thread: SHA-256 in JavaScript was 2.4 s of a 1M-row
 * import's parsing thread, and the machine has a second core. The import worker posts each chunk
 * as it reads it, so the file is read from disk only once.
 */
type HashMessage = { chunk: Uint8Array } | { done: true };
interface HashScope {
  postMessage(message: { sha256: string }): void;
  onmessage: ((event: MessageEvent<HashMessage>) => void) | null;
}
const scope = self as unknown as HashScope;
const sha = new Sha256();

scope.onmessage = (event) => {
  const message = event.data;
  if ('chunk' in message) sha.update(message.chunk);
  else scope.postMessage({ sha256: sha.hex() });
};
