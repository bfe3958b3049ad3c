import { storeBlocksIn, type BlockFlush } from './block-store';
import { rowsDb } from './rows-db';

/** Writes an import's row blocks to IndexedDB, off the thread that parses the file. */
interface StoreScope {
  postMessage(message: { id: number; error: string | null }): void;
  onmessage: ((event: MessageEvent<{ id: number; flush: BlockFlush }>) => void) | null;
}
const scope = self as unknown as StoreScope;
const store = storeBlocksIn(rowsDb());

scope.onmessage = (event) => {
  const { id, flush } = event.data;
  store(flush).then(
    () => scope.postMessage({ id, error: null }),
    (error: unknown) =>
      scope.postMessage({ id, error: error instanceof Error ? error.message : String(error) }),
  );
};
