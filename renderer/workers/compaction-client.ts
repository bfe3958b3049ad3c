import Dexie from 'dexie';
import { importRunning } from '../data/compaction';
import { db } from '../data/db';
import { suggestionsAreCurrent } from '../data/suggestions';
import type { CompactionReply } from './compaction-protocol';

/**
 * Starts the background compaction of landed imports (renderer/data/compaction.ts) a moment
 * after the imports change, and once after the app starts (a copy a closed window left half
 * done). Reads fall back to the import's blocks until a batch's copy is whole, so nothing waits
 * for it. It waits for the suggestions to be current first: both read and write the same
 * store, and a reviewer waits for the suggestions, not for this. Call once at start.
 */
const SUGGESTIONS_POLL_MS = 2000;
/** A suggestions run that never settles (an error, say) does not hold the compaction forever. */
const SUGGESTIONS_WAIT_MAX_MS = 5 * 60_000;
let worker: Worker | null = null;
let watching = false;
let timer: ReturnType<typeof setTimeout> | null = null;

function start(): Worker {
  if (worker) return worker;
  worker = new Worker(new URL('./compaction.worker.ts', import.meta.url), {
    type: 'module',
    name: 'compaction',
  });
  worker.onmessage = (event: MessageEvent<CompactionReply>) => {
    const reply = event.data;
    if (reply.type === 'batch')
      console.info(
        `compaction: ${reply.kind} batch ${reply.batchId} ${reply.outcome} in ${Math.round(reply.ms)} ms`,
      );
    else if (reply.type === 'error') console.error(`compaction: ${reply.message}`);
  };
  return worker;
}

function compactSoon(delayMs: number, waitingSince = Date.now()): void {
  if (timer) clearTimeout(timer);
  timer = setTimeout(() => {
    timer = null;
    // A running import changes its batch at every flush: it starts this again once it lands.
    void importRunning(db)
      .catch(() => false)
      .then(async (importing) => {
        if (importing) return;
        const current = await suggestionsAreCurrent().catch(() => true);
        if (!current && Date.now() - waitingSince < SUGGESTIONS_WAIT_MAX_MS)
          compactSoon(SUGGESTIONS_POLL_MS, waitingSince);
        else start().postMessage({ type: 'run' });
      });
  }, delayMs);
}

export function watchCompaction(): void {
  if (watching || typeof Worker === 'undefined') return;
  watching = true;
  Dexie.on('storagemutated', (parts) => {
    if (Object.keys(parts).some((key) => key.includes('/importBatches/'))) compactSoon(1500);
  });
  compactSoon(3000);
}
