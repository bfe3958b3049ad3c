import { Sha256 } from '../../shared/reading';
import { chunksOf } from './byte-source';

/**
 * Hashes a picked file on its own thread while the import worker parses it: SHA-256 in
 * JavaScript was 2.4 s of a 1M-row import's critical path, and the machine has a second core.
 */
interface HashScope {
  postMessage(message: { sha256: string } | { error: string }): void;
  onmessage: ((event: MessageEvent<{ file: Blob }>) => void) | null;
}
const scope = self as unknown as HashScope;

scope.onmessage = (event) => {
  const { file } = event.data;
  const source = {
    size: file.size,
    read: async (offset: number, length: number) =>
      new Uint8Array(await file.slice(offset, offset + length).arrayBuffer()),
  };
  void (async () => {
    try {
      const sha = new Sha256();
      for await (const chunk of chunksOf(source, 4 * 1024 * 1024)) sha.update(chunk);
      scope.postMessage({ sha256: sha.hex() });
    } catch (error) {
      scope.postMessage({ error: error instanceof Error ? error.message : String(error) });
    }
  })();
};
