import { stat, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { ImportKind, RecordByKind, SupportRequest } from '../../shared/domain/records';
import { PolicyCollector } from '../../shared/policy/indexes';
import { prepareSettings, suggestAll } from '../../shared/policy/engine';
import { DEFAULT_SETTINGS } from '../../shared/policy/settings';
import { outcomeSummary, suggestionsCsv } from '../../shared/policy/suggestions-csv';
import { ReadError, createRecordReader, detachedCopy, isValidTimeZone } from '../../shared/reading/index';
import type { DateOrder } from '../../shared/reading/timestamps';
import { EXIT_OK, UsageError, type CliIo, type Command, type ParsedArgs } from '../command';
import { fileChunks } from '../node-files';

export interface ReconcileFiles {
  jobs: string[];
  ledger: string[];
  payments: string[];
  requests: string[];
  outages: string[];
}

export interface ReadOptionsCli {
  timeZone: string;
  dateOrder: DateOrder;
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
 * Generated and exported logs run 100 to 190 bytes a row: guessing on the long side means at most
 * one growth of the reader's duplicate index instead of ten, without sizing it far too big.
 */
const BYTES_PER_ROW_GUESS = 160;

/** Streams one file through the importer's pipeline, handing each record on as it comes. */
async function readKind<K extends ImportKind>(
  kind: K,
  path: string,
  options: ReadOptionsCli,
  take: (record: RecordByKind[K]) => void,
): Promise<number> {
  // An unreadable file is reported by fileChunks below, with its usual message.
  const bytes = await stat(path).then(
    (info) => info.size,
    () => 0,
  );
  try {
    const reader = createRecordReader<K>({
      kind,
      fileName: path,
      timeZone: options.timeZone,
      dateOrder: options.dateOrder,
      hexFingerprints: false,
      expectedRows: Math.floor(bytes / BYTES_PER_ROW_GUESS),
    });
    for await (const chunk of fileChunks(path)) {
      for (const accepted of reader.push(chunk).records) take(accepted.record);
    }
    const last = reader.finish();
    for (const accepted of last.records) take(accepted.record);
    return last.report.rejected;
  } catch (error) {
    if (error instanceof ReadError) throw new UsageError(error.message);
    throw error;
  }
}

/**
 * Reads the requests, then streams jobs, ledger, payments and outages into a PolicyCollector,
 * which keeps only the rows a request can reach: a million-row job log is read, not held.
 */
export async function readPolicyIndexes(
  files: ReconcileFiles,
  options: ReadOptionsCli,
): Promise<ReadPolicyIndexesResult> {
  const rejected: Record<ImportKind, number> = { jobs: 0, ledger: 0, payments: 0, requests: 0, outages: 0 };
  const requests: SupportRequest[] = [];
  for (const path of files.requests)
    rejected.requests += await readKind('requests', path, options, (r) => requests.push(detachedCopy(r)));
  // The CLI runs under the default settings, so only jobs inside their windows need keeping.
  const collector = new PolicyCollector(requests, DEFAULT_SETTINGS.windowHours, detachedCopy);
  for (const path of files.jobs)
    rejected.jobs += await readKind('jobs', path, options, (r) => collector.addJob(r));
  for (const path of files.ledger) {
    rejected.ledger += await readKind('ledger', path, options, (r) => collector.addLedgerEntry(r));
  }
  for (const path of files.payments) {
    rejected.payments += await readKind('payments', path, options, (r) => collector.addPayment(r));
  }
  for (const path of files.outages)
    rejected.outages += await readKind('outages', path, options, (r) => collector.addOutage(r));
  return { collector, rejected };
}
