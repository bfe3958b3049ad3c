/**
 * `reconcile` on big inputs: the job log and the ledger are each cut in two at a row boundary and
 * the halves read at once, one in a worker thread (same process) and one in this thread, each with
 * the importer's pipeline and a PolicyCollector of its own; this thread merges what they kept. The result is the one a
 * single reader gives: every row is still validated and counted, a repeat of a key across the
 * two halves is found by comparing their duplicate indexes, and whatever the halves cannot decide
 * alone (a cut inside a quoted cell, a key whose repeat across the halves differs, an unreadable
 * file) makes this thread read that file again in one piece, which also gives its exact error.
 */
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { SupportRequest } from '../shared/domain/records';
import { PolicyCollector, type CollectorReach } from '../shared/policy/indexes';
import { KeyIndex, detachedCopy } from '../shared/reading/index';
import {
  planParts,
  readPart,
  type CollectedKind,
  type FilePart,
  type PartResult,
  type ReadOptionsCli,
} from './reconcile-parts';

export type ToWorker =
  | { type: 'init'; reach: CollectorReach; options: ReadOptionsCli }
  | { type: 'ledger-of-jobs'; jobIds: readonly string[] }
  | { type: 'read'; part: FilePart };

export type ToMain =
  { type: 'ready' } | { type: 'done'; result: PartResult } | { type: 'failed'; message: string };

/** Reads one part at a time: in a worker thread, or in this one. */
interface PartReader {
  send(message: ToWorker): void;
  read(part: FilePart): Promise<PartResult>;
  stop(): Promise<void>;
}

/** One worker thread and the one part it is reading. */
class ReadWorker implements PartReader {
  private readonly worker: Worker;
  private waiting: { resolve: (result: PartResult) => void; reject: (error: Error) => void } | null = null;
  private failure: Error | null = null;

  constructor() {
    // No inherited loader flags (a test runner's would load the worker in its own way): the boot
    // file runs the worker bundled. V8 flags such as --max-semi-space-size are the process's anyway.
    this.worker = new Worker(join(__dirname, 'reconcile-worker.mjs'), { execArgv: [] });
    this.worker.on('message', (message: ToMain) => {
      const waiting = this.waiting;
      if (message.type === 'ready' || !waiting) return;
      this.waiting = null;
      if (message.type === 'done') waiting.resolve(message.result);
      else waiting.reject(new Error(message.message));
    });
    const fail = (error: Error): void => {
      this.failure = error;
      this.waiting?.reject(error);
      this.waiting = null;
    };
    this.worker.on('error', fail);
    this.worker.on('exit', (code) => fail(new Error(`reconcile worker stopped (exit code ${code})`)));
  }

  send(message: ToWorker): void {
    if (!this.failure) this.worker.postMessage(message);
  }

  read(part: FilePart): Promise<PartResult> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      this.waiting = { resolve, reject };
      this.worker.postMessage({ type: 'read', part } satisfies ToWorker);
    });
  }

  async stop(): Promise<void> {
    this.worker.removeAllListeners('exit');
    await this.worker.terminate();
  }
}

/**
 * This thread reads the other half meanwhile: it is idle otherwise, and its code is already
 * compiled and warm from reading the requests. A second worker cost more CPU than it saved wall
 * time on this 2-core machine (its start, its own cold code, another heap to collect).
 */
class LocalReader implements PartReader {
  private reach: CollectorReach | null = null;
  private options: ReadOptionsCli = { timeZone: 'UTC', dateOrder: 'mdy' };
  private ledgerOfJobs: readonly string[] = [];

  send(message: ToWorker): void {
    if (message.type === 'init') {
      this.reach = message.reach;
      this.options = message.options;
    } else if (message.type === 'ledger-of-jobs') this.ledgerOfJobs = message.jobIds;
  }

  read(part: FilePart): Promise<PartResult> {
    if (!this.reach) return Promise.reject(new Error('LocalReader: read before init'));
    const collector = PolicyCollector.forReach(this.reach, detachedCopy);
    if (part.kind === 'ledger') collector.keepLedgerOfJobs(this.ledgerOfJobs);
    return readPart(part, this.options, collector);
  }

  async stop(): Promise<void> {}
}

export interface ParallelOptions {
  /** Files at least this long are cut in two (tests set it low). */
  minSplitBytes: number;
  /** Filled in as files are read: what was cut, and what had to be read again in one piece. */
  stats?: ParallelStats;
}

export interface ParallelStats {
  cutFiles: string[];
  readAgain: string[];
}

/** A part's result, or why it has none. */
type Outcome = { ok: true; result: PartResult } | { ok: false };

export class ParallelReader {
  private readonly workers: PartReader[] = [new ReadWorker(), new LocalReader()];

  constructor(
    private readonly options: ReadOptionsCli,
    private readonly parallel: ParallelOptions,
  ) {}

  /** Hands the workers what decides which rows to keep (see CollectorReach). */
  start(reach: CollectorReach): void {
    for (const worker of this.workers) worker.send({ type: 'init', reach, options: this.options });
  }

  async stop(): Promise<void> {
    await Promise.all(this.workers.map((worker) => worker.stop()));
  }

  /**
   * Reads every file of one kind into `collector` and returns the rejected rows. For the ledger,
   * call shareKeptJobs first: each worker must keep the rows of every job kept so far.
   */
  async readKind(kind: CollectedKind, paths: readonly string[], collector: PolicyCollector): Promise<number> {
    const files = await Promise.all(
      paths.map((path) => planParts(kind, path, this.options, this.parallel.minSplitBytes)),
    );
    const outcomes = await this.readAll(files.flat());
    let rejected = 0;
    let at = 0;
    for (const parts of files) {
      const results = outcomes.slice(at, at + parts.length);
      at += parts.length;
      const merged = mergeParts(parts, results);
      const path = (parts[0] as FilePart).path;
      if (parts.length > 1) this.parallel.stats?.cutFiles.push(path);
      if (merged) {
        for (const result of merged) {
          collector.absorb(result.summary);
          addRecords(collector, result);
          rejected += result.rejected;
        }
      } else {
        // Read here in one piece: the exact result, or the exact error.
        this.parallel.stats?.readAgain.push(path);
        const whole: FilePart = { kind, path, range: null, continuation: null, hasNext: false };
        rejected += (await readPart(whole, this.options, collector)).rejected;
      }
    }
    return rejected;
  }

  shareKeptJobs(collector: PolicyCollector): void {
    const jobIds = collector.keptJobs().map((job) => job.jobId);
    for (const worker of this.workers) worker.send({ type: 'ledger-of-jobs', jobIds });
  }

  /** Each worker takes the next part as soon as it is free. */
  private async readAll(parts: readonly FilePart[]): Promise<Outcome[]> {
    const outcomes: Outcome[] = new Array(parts.length);
    let next = 0;
    const drain = async (worker: PartReader): Promise<void> => {
      while (next < parts.length) {
        const index = next++;
        outcomes[index] = await worker.read(parts[index] as FilePart).then(
          (result): Outcome => ({ ok: true, result }),
          (): Outcome => ({ ok: false }),
        );
      }
    };
    await Promise.all(this.workers.map(drain));
    return outcomes;
  }
}

function addRecords(collector: PolicyCollector, result: PartResult): void {
  for (const job of result.jobs) collector.addJob(job);
  for (const entry of result.ledger) collector.addLedgerEntry(entry);
  for (const payment of result.payments) collector.addPayment(payment);
  for (const outage of result.outages) collector.addOutage(outage);
}

/**
 * The results of a file's parts, as one reader of the whole file would have them, or null when
 * they cannot be merged: a part failed, a cut was not at a row boundary, or a key of a later
 * part appeared in an earlier one with other content (the later row is then rejected, and rows
 * after it were judged against the wrong first row). A key repeated with the same content is a
 * duplicate: its later record is dropped here, as the reader would have dropped it.
 */
function mergeParts(parts: readonly FilePart[], outcomes: readonly Outcome[]): PartResult[] | null {
  const results: PartResult[] = [];
  for (const [i, outcome] of outcomes.entries()) {
    if (!outcome.ok) return null;
    if ((parts[i] as FilePart).hasNext && !outcome.result.atRowBoundary) return null;
    results.push(outcome.result);
  }
  if (results.length < 2) return results;
  const earlier: KeyIndex[] = [];
  for (const result of results) {
    const keys = result.keys;
    if (!keys) return null;
    const index = KeyIndex.fromState(keys);
    let conflict = false;
    let repeats = false;
    for (const before of earlier) {
      before.forEachSharedKey(index, (entry, otherEntry) => {
        repeats = true;
        if (before.fingerprintOf(entry) !== index.fingerprintOf(otherEntry)) conflict = true;
      });
    }
    if (conflict) return null;
    if (repeats) dropRepeats(result, earlier);
    earlier.push(index);
  }
  return results;
}

/** Drops the kept records whose key an earlier part already had (identical: checked before). */
function dropRepeats(result: PartResult, earlier: readonly KeyIndex[]): void {
  const fresh = (key: string): boolean => earlier.every((index) => index.indexOf(key) === -1);
  result.jobs = result.jobs.filter((job) => fresh(job.jobId));
  result.ledger = result.ledger.filter((entry) => fresh(entry.entryId));
  result.payments = result.payments.filter((payment) => fresh(payment.paymentId));
  result.outages = result.outages.filter((outage) => fresh(outage.incidentId));
}

/** Reads requests here, the rest as in readPolicyIndexes, with the big files in two workers. */
export async function readInParallel(
  files: {
    jobs: readonly string[];
    ledger: readonly string[];
    payments: readonly string[];
    outages: readonly string[];
  },
  options: ReadOptionsCli,
  parallel: ParallelOptions,
  readRequests: () => Promise<SupportRequest[]>,
  windowHours: number | null,
  readSmall: (kind: 'payments' | 'outages', collector: PolicyCollector) => Promise<number>,
): Promise<{ collector: PolicyCollector; rejected: Record<CollectedKind, number> }> {
  // Started first: the threads load their code while this one reads the requests.
  const reader = new ParallelReader(options, parallel);
  try {
    const requests = await readRequests();
    const collector = new PolicyCollector(requests, windowHours, detachedCopy);
    const reach = collector.reach();
    reader.start(reach);
    const rejected: Record<CollectedKind, number> = { jobs: 0, ledger: 0, payments: 0, outages: 0 };
    rejected.jobs = await reader.readKind('jobs', files.jobs, collector);
    reader.shareKeptJobs(collector);
    // Payments and outages are small: read here while the workers read the ledger. Their errors
    // wait for the ledger's, which a one-thread read would have met first.
    const small = (async () => {
      const side = PolicyCollector.forReach(reach, detachedCopy);
      const payments = await readSmall('payments', side);
      const outages = await readSmall('outages', side);
      return { side, payments, outages };
    })();
    small.catch(() => undefined);
    rejected.ledger = await reader.readKind('ledger', files.ledger, collector);
    const { side, payments, outages } = await small;
    collector.absorb(side.summary());
    for (const payment of side.keptPayments()) collector.addPayment(payment);
    for (const outage of side.keptOutages()) collector.addOutage(outage);
    rejected.payments = payments;
    rejected.outages = outages;
    return { collector, rejected };
  } finally {
    await reader.stop();
  }
}
