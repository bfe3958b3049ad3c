/**
 * A reconcile worker thread: reads the file parts it is sent into a PolicyCollector of its own
 * and posts back the kept records and counts (see reconcile-workers.ts for the other side).
 */
import { parentPort } from 'node:worker_threads';
import { PolicyCollector, type CollectorReach } from '../shared/policy/indexes';
import { detachedCopy } from '../shared/reading/index';
import { readPart, type FilePart, type ReadOptionsCli } from './reconcile-parts';
import type { ToMain, ToWorker } from './reconcile-workers';

let reach: CollectorReach = { windowMs: null, accounts: [], windows: [], namedIds: [] };
let options: ReadOptionsCli = { timeZone: 'UTC', dateOrder: 'mdy' };
let ledgerOfJobs: readonly string[] = [];

const port = parentPort;
if (!port) throw new Error('reconcile-worker runs as a worker thread');

async function read(part: FilePart): Promise<void> {
  // A collector per part: a part whose result is thrown away (see reconcile-workers) leaves nothing.
  const collector = PolicyCollector.forReach(reach, detachedCopy);
  if (part.kind === 'ledger') collector.keepLedgerOfJobs(ledgerOfJobs);
  try {
    const result = await readPart(part, options, collector);
    const keys = result.keys;
    const transfer = keys
      ? [keys.hashes, keys.lines, keys.fingerprints].map((array) => array.buffer as ArrayBuffer)
      : [];
    port!.postMessage({ type: 'done', result } satisfies ToMain, transfer);
  } catch (error) {
    port!.postMessage({
      type: 'failed',
      message: String((error as Error).message ?? error),
    } satisfies ToMain);
  }
}

port.on('message', (message: ToWorker) => {
  switch (message.type) {
    case 'init':
      reach = message.reach;
      options = message.options;
      break;
    case 'ledger-of-jobs':
      ledgerOfJobs = message.jobIds;
      break;
    case 'read':
      void read(message.part);
      break;
  }
});
port.postMessage({ type: 'ready' } satisfies ToMain);
