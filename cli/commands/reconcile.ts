import { stat, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { ImportKind, SupportRequest } from '../../shared/domain/records';
import { PolicyCollector } from '../../shared/policy/indexes';
import { prepareSettings, suggestAll } from '../../shared/policy/engine';
import { DEFAULT_SETTINGS } from '../../shared/policy/settings';
import { outcomeSummary, suggestionsCsv } from '../../shared/policy/suggestions-csv';
import { ReadError, createRecordReader, detachedCopy, isValidTimeZone } from '../../shared/reading/index';
import { EXIT_OK, UsageError, type CliIo, type Command, type ParsedArgs } from '../command';
import { fileChunks } from '../node-files';
import { readPart, type CollectedKind, type ReadOptionsCli } from '../reconcile-parts';
import { readInParallel, type ParallelStats } from '../reconcile-workers';

export type { ReadOptionsCli } from '../reconcile-parts';

export interface ReconcileFiles {
  jobs: string[];
  ledger: string[];
  payments: string[];
  requests: string[];
  outages: string[];
}

export interface ReadPolicyIndexesResult {
  /** Call finish() for the indexes the rules run over. */
  collector: PolicyCollector;
  /** Rejected rows per kind, for the summary line; `inspect` shows them in detail. */
  rejected: Record<ImportKind, number>;
}

export const reconcileCommand: Command = {
  name: 'reconcile',
  summary: 'apply the policy rules to the requests and write the suggestions file',
  usage:
    'reconcile --jobs F [--jobs F…] [--ledger F…] [--payments F…] --requests F [--outages F…] [--timezone Z] [--date-order mdy|dmy] --out FILE',
  options: {
    jobs: { type: 'string', multiple: true },
    ledger: { type: 'string', multiple: true },
    payments: { type: 'string', multiple: true },
    requests: { type: 'string', multiple: true },
    outages: { type: 'string', multiple: true },
    timezone: { type: 'string' },
    'date-order': { type: 'string' },
    out: { type: 'string' },
  },
  async run(args: ParsedArgs, io: CliIo): Promise<number> {
    const { files, out, read } = parseReconcileArgs(args);
    const { collector, rejected } = await readPolicyIndexes(files, read);
    const suggestions = await suggestAll(collector.finish(), await prepareSettings());
    try {
      await writeFile(out, suggestionsCsv(suggestions), 'utf8');
    } catch (error) {
      throw new UsageError(`cannot write ${out}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
    }
    const rejectedParts = Object.entries(rejected)
      .filter(([, count]) => count > 0)
      .map(([kind, count]) => `${kind} ${count}`);
    const note = rejectedParts.length ? ` (rows rejected: ${rejectedParts.join(', ')}; see inspect)` : '';
    io.stdout(`${outcomeSummary(suggestions)}${note}\n`);
    return EXIT_OK;
  },
};

function paths(args: ParsedArgs, name: keyof ReconcileFiles): string[] {
  const value = args.values[name];
  if (value === undefined) return [];
  return (Array.isArray(value) ? value : [value]).map(String);
}

export function parseReconcileArgs(args: ParsedArgs): {
  files: ReconcileFiles;
  out: string;
  read: ReadOptionsCli;
} {
  if (args.positionals.length) throw new UsageError(`unexpected argument ${args.positionals[0]}`);
  const files: ReconcileFiles = {
    jobs: paths(args, 'jobs'),
    ledger: paths(args, 'ledger'),
    payments: paths(args, 'payments'),
    requests: paths(args, 'requests'),
    outages: paths(args, 'outages'),
  };
  if (files.jobs.length === 0) throw new UsageError('--jobs is required');
  if (files.requests.length === 0) throw new UsageError('--requests is required');
  const out = args.values.out;
  if (typeof out !== 'string' || out === '') throw new UsageError('--out FILE is required');
  const inputs = Object.values(files).flat();
  if (inputs.some((input) => resolve(input) === resolve(out))) {
    throw new UsageError('--out names an input file; reconcile never changes its inputs');
  }
  const zone = args.values.timezone ?? 'UTC';
  if (typeof zone !== 'string' || !isValidTimeZone(zone))
    throw new UsageError(`--timezone: unknown time zone ${String(zone)}`);
  const order = args.values['date-order'] ?? 'mdy';
  if (order !== 'mdy' && order !== 'dmy') throw new UsageError('--date-order must be mdy or dmy');
  return { files, out, read: { timeZone: zone, dateOrder: order } };
}

/**
 * Reading the job log and the ledger in two halves at once (one in a worker thread, see
 * reconcile-workers.ts) is off by default: on this project's 2-core machine, shared with other
 * work, it measured slower than one thread in bench:reconcile (21.9 s against 15.1 s wall, 20.2 s
 * against 14.3 s CPU, load 3.6-5.3): two busy threads each ran about 1.5 times slower. Pass
 * `parallelMinBytes` to use it from that many bytes of job log and ledger on.
 */
const PARALLEL_MIN_BYTES = Number.POSITIVE_INFINITY;
/** Each job log or ledger file of at least this size is cut in two for the two threads. */
const SPLIT_MIN_BYTES = 8 << 20;

export interface ReadPolicyIndexesOptions {
  /** Use the worker threads from this many bytes of job log and ledger on (tests set it to 0). */
  parallelMinBytes?: number;
  splitMinBytes?: number;
  /** Filled in by the parallel read (see ParallelStats). */
  stats?: ParallelStats;
}

/** Streams one file through the importer's pipeline into the collector; returns the rejected rows. */
async function readKind(
  kind: CollectedKind,
  path: string,
  options: ReadOptionsCli,
  collector: PolicyCollector,
): Promise<number> {
  const part = { kind, path, range: null, continuation: null, hasNext: false };
  return (await readPart(part, options, collector)).rejected;
}

/**
 * Every request is kept, so its cells stay slices of the text they were cut from: that text is
 * held once, the size of the file. Copying each record's strings (detachedCopy, as the collector
 * does for the few rows it keeps of each chunk) cost about a third of reading the requests.
 */
async function readRequests(
  paths: readonly string[],
  options: ReadOptionsCli,
): Promise<{ requests: SupportRequest[]; rejected: number }> {
  const requests: SupportRequest[] = [];
  let rejected = 0;
  for (const path of paths) {
    try {
      const reader = createRecordReader<'requests'>({
        kind: 'requests',
        fileName: path,
        timeZone: options.timeZone,
        dateOrder: options.dateOrder,
        hexFingerprints: false,
      });
      for await (const chunk of fileChunks(path)) {
        for (const accepted of reader.push(chunk).records) requests.push(accepted.record);
      }
      const last = reader.finish();
      for (const accepted of last.records) requests.push(accepted.record);
      rejected += last.report.rejected;
    } catch (error) {
      if (error instanceof ReadError) throw new UsageError(error.message);
      throw error;
    }
  }
  return { requests, rejected };
}

/**
 * Reads the requests, then streams jobs, ledger, payments and outages into a PolicyCollector,
 * which keeps only the rows a request can reach: a million-row job log is read, not held.
 */
export async function readPolicyIndexes(
  files: ReconcileFiles,
  options: ReadOptionsCli,
  how: ReadPolicyIndexesOptions = {},
): Promise<ReadPolicyIndexesResult> {
  let rejectedRequests = 0;
  const requestsOf = async (): Promise<SupportRequest[]> => {
    const read = await readRequests(files.requests, options);
    rejectedRequests = read.rejected;
    return read.requests;
  };
  // The CLI runs under the default settings, so only jobs inside their windows need keeping.
  const windowHours = DEFAULT_SETTINGS.windowHours;
  const bigBytes = await totalBytes([...files.jobs, ...files.ledger]);
  if (bigBytes >= (how.parallelMinBytes ?? PARALLEL_MIN_BYTES)) {
    const { collector, rejected } = await readInParallel(
      files,
      options,
      { minSplitBytes: how.splitMinBytes ?? SPLIT_MIN_BYTES, stats: how.stats },
      requestsOf,
      windowHours,
      async (kind, collector) => {
        let count = 0;
        for (const path of files[kind]) count += await readKind(kind, path, options, collector);
        return count;
      },
    );
    // In the one-thread order: the summary line lists the kinds in this order.
    return {
      collector,
      rejected: {
        jobs: rejected.jobs,
        ledger: rejected.ledger,
        payments: rejected.payments,
        requests: rejectedRequests,
        outages: rejected.outages,
      },
    };
  }
  const requests = await requestsOf();
  const rejected: Record<ImportKind, number> = {
    jobs: 0,
    ledger: 0,
    payments: 0,
    requests: rejectedRequests,
    outages: 0,
  };
  const collector = new PolicyCollector(requests, windowHours, detachedCopy);
  for (const kind of ['jobs', 'ledger', 'payments', 'outages'] as const) {
    for (const path of files[kind]) rejected[kind] += await readKind(kind, path, options, collector);
  }
  return { collector, rejected };
}

async function totalBytes(paths: readonly string[]): Promise<number> {
  let sum = 0;
  for (const path of paths)
    sum += await stat(path).then(
      (info) => info.size,
      () => 0,
    );
  return sum;
}
