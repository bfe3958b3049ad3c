import type { ReadProblem } from '../../shared/reading';
import type { ReviewDeskDb } from '../data/db';
import type { ImportBatch, RowBlock } from '../data/import-records';

/** One flush of a jobs or ledger import: its blocks, problems and batch progress, atomically. */
export interface BlockFlush {
  batchId: string;
  blocks: RowBlock[];
  problems: ReadProblem[];
  patch: Partial<ImportBatch>;
}

export type BlockStore = (flush: BlockFlush) => Promise<void>;

/** Writes a flush in one transaction, so the database never holds rows the batch does not count. */
export function storeBlocksIn(db: ReviewDeskDb): BlockStore {
  return async ({ batchId, blocks, problems, patch }) => {
    await db.transaction('rw', [db.rowBlocks, db.importProblems, db.importBatches], async () => {
      if (blocks.length > 0) await db.rowBlocks.bulkAdd(blocks);
      if (problems.length > 0) await db.importProblems.add({ batchId, problems });
      await db.importBatches.update(batchId, patch);
    });
  };
}

/** The buffers a flush can hand to another thread without copying. */
export function transferablesOf(flush: BlockFlush): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>();
  for (const block of flush.blocks) {
    for (const array of [block.text, block.lens, block.nums])
      if (array.buffer instanceof ArrayBuffer) buffers.add(array.buffer);
  }
  return [...buffers];
}

type StoreReply = { id: number; error: string | null };

/**
 * Flushes written by a worker of their own. Handing a block to IndexedDB costs the calling
 * thread about 7 ms per MB (serialising and sending it to the browser process): on the parsing
 * thread that was a quarter of a large import. The blocks' buffers are transferred, not copied.
 */
export function storeBlocksOnThread(): { store: BlockStore; stop(): void } {
  const worker = new Worker(new URL('./block-store.worker.ts', import.meta.url), { type: 'module' });
  const waiting = new Map<number, { resolve(): void; reject(error: Error): void }>();
  let next = 1;
  const failAll = (message: string) => {
    for (const w of waiting.values()) w.reject(new Error(message));
    waiting.clear();
  };
  worker.onmessage = (event: MessageEvent<StoreReply>) => {
    const { id, error } = event.data;
    const w = waiting.get(id);
    waiting.delete(id);
    if (error === null) w?.resolve();
    else w?.reject(new Error(error));
  };
  worker.onerror = (event) => failAll(event.message || 'the row writer stopped');
  return {
    store: (flush) =>
      new Promise<void>((resolve, reject) => {
        const id = next++;
        waiting.set(id, { resolve, reject });
        worker.postMessage({ id, flush }, transferablesOf(flush));
      }),
    stop: () => {
      worker.terminate();
      failAll('the import stopped');
    },
  };
}
