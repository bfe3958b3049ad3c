/// <reference lib="webworker" />
import {
  compactLandedBatches,
  importRunning,
  type CompactionOutcome,
  type CompactionProgress,
} from '../data/compaction';
import type { ReviewDeskDb } from '../data/db';
import type { CompactionReply, CompactionRequest } from './compaction-protocol';
import { rowsDb } from './rows-db';

/**
 * Compacts landed imports in the background (renderer/data/compaction.ts). It works only while
 * no import runs: a run stops between buckets when one starts, and is asked again when the
 * imports change. One tab at a time holds the lock; another tab's request is simply skipped.
 */
const scope = self as unknown as DedicatedWorkerGlobalScope;
// Relaxed durability, as the import's rows: a copy lost to a power cut is made again (no marker).
const db: ReviewDeskDb = rowsDb();
let running = false;
/** Where stopped runs left off, so that imports one after another do not restart a batch's copy. */
const progress: CompactionProgress = new Map();
let again = false;

function post(reply: CompactionReply): void {
  scope.postMessage(reply);
}

async function runOnce(): Promise<CompactionOutcome | 'busy'> {
  return navigator.locks.request('review-desk:compaction', { ifAvailable: true }, async (lock) => {
    if (!lock) return 'busy';
    return compactLandedBatches(
      db,
      () => importRunning(db),
      (batch, outcome, ms) => post({ type: 'batch', batchId: batch.id, kind: batch.kind, outcome, ms }),
      progress,
    );
  });
}

async function run(): Promise<void> {
  if (running) {
    again = true;
    return;
  }
  running = true;
  try {
    do {
      again = false;
      post({ type: 'done', outcome: await runOnce() });
    } while (again);
  } catch (error) {
    post({ type: 'error', message: error instanceof Error ? error.message : String(error) });
  } finally {
    running = false;
  }
}

scope.onmessage = (event: MessageEvent<CompactionRequest>) => {
  if (event.data.type === 'run') void run();
};
