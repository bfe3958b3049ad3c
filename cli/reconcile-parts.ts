import { open, stat } from 'node:fs/promises';
import type { ImportKind, Job, LedgerEntry, Outage, Payment } from '../shared/domain/records';
import type { CollectorSummary, PolicyCollector } from '../shared/policy/indexes';
import {
  ReadError,
  createRecordReader,
  type KeyIndexState,
  type ReadContinuation,
  type ReadOptions,
  type TextEncodingName,
  type UnsettledRepeat,
} from '../shared/reading/index';
import type { DateOrder } from '../shared/reading/timestamps';
import { UsageError } from './command';
import { fileChunks } from './node-files';

export interface ReadOptionsCli {
  timeZone: string;
  dateOrder: DateOrder;
}

/** Kinds whose records a PolicyCollector takes. */
export type CollectedKind = Exclude<ImportKind, 'requests'>;

/** A byte range of one input file, read on its own (in a worker thread, for the big files). */
export interface FilePart {
  kind: CollectedKind;
  path: string;
  /** Null: the whole file, from its start to its end. */
  range: { start: number; end: number } | null;
  /** Set for a part after the first: the file's header, as its first part's reader saw it. */
  continuation: (ReadContinuation & { encoding: TextEncodingName }) | null;
  /** More parts of the same file follow this one. */
  hasNext: boolean;
}

/** What reading one part gave: the kept records, what the other rows taught, and the counts. */
export interface PartResult {
  rejected: number;
  summary: CollectorSummary;
  jobs: Job[];
  ledger: LedgerEntry[];
  payments: Payment[];
  outages: Outage[];
  /** The part's natural keys (null for a whole file), to find repeats across parts. */
  keys: KeyIndexState | null;
  /** For a part with a next one: its bytes ended on a row boundary (else the split was wrong). */
  atRowBoundary: boolean;
}

/**
 * Generated and exported logs run 100 to 190 bytes a row: guessing on the long side means at most
 * one growth of the reader's duplicate index instead of ten, without sizing it far too big.
 */
const BYTES_PER_ROW_GUESS = 160;

/** Streams one part through the importer's pipeline into the collector. */
export async function readPart(
  part: FilePart,
  options: ReadOptionsCli,
  collector: PolicyCollector,
): Promise<PartResult> {
  // An unreadable file is reported by fileChunks below, with its usual message.
  const bytes = part.range
    ? part.range.end - part.range.start
    : await stat(part.path).then(
        (info) => info.size,
        () => 0,
      );
  const take = takerFor(part.kind, collector);
  try {
    const reader = createRecordReader({
      ...partReading(part, options),
      expectedRows: Math.floor(bytes / BYTES_PER_ROW_GUESS),
      // Parts of a file read apart compare fingerprints of all their keys (see mergeParts).
      lazyFingerprints: part.range === null,
    });
    for await (const chunk of fileChunks(part.path, part.range)) {
      for (const accepted of reader.push(chunk).records) take(accepted.record as AnyRecord);
    }
    const atRowBoundary = reader.atRowBoundary;
    const last = reader.finish();
    for (const accepted of last.records) take(accepted.record as AnyRecord);
    const unsettled = last.report.unsettled;
    return {
      rejected:
        last.report.rejected + (unsettled.length ? await conflictsAmong(part, options, unsettled) : 0),
      summary: collector.summary(),
      jobs: part.kind === 'jobs' ? collector.keptJobs() : [],
      ledger: collector.keptLedger(),
      payments: collector.keptPayments(),
      outages: collector.keptOutages(),
      keys: part.range ? reader.keyIndex.toState() : null,
      atRowBoundary,
    };
  } catch (error) {
    if (error instanceof ReadError) throw new UsageError(error.message);
    throw error;
  }
}

type AnyRecord = Job | LedgerEntry | Payment | Outage;

/** What every reading of a part is told: the file, its settings and, after a cut, its header. */
function partReading(part: FilePart, options: ReadOptionsCli): ReadOptions {
  return {
    kind: part.kind,
    fileName: part.path,
    timeZone: options.timeZone,
    dateOrder: options.dateOrder,
    hexFingerprints: false,
    encoding: part.continuation?.encoding,
    continuation: part.continuation ?? undefined,
  };
}

/**
 * How many of the repeats left unsettled by lazy fingerprints conflict with their key's first
 * row: the file is read again, mapping only those first rows. Only a file with repeats pays it.
 */
async function conflictsAmong(
  part: FilePart,
  options: ReadOptionsCli,
  unsettled: readonly UnsettledRepeat[],
): Promise<number> {
  const reader = createRecordReader({
    ...partReading(part, options),
    onlyLines: new Set(unsettled.map((repeat) => repeat.firstLine)),
  });
  const fingerprints = new Map<number, number>();
  for await (const chunk of fileChunks(part.path, part.range)) {
    for (const accepted of reader.push(chunk).records)
      fingerprints.set(accepted.line, accepted.fingerprintValue);
  }
  for (const accepted of reader.finish().records) fingerprints.set(accepted.line, accepted.fingerprintValue);
  return unsettled.filter((repeat) => fingerprints.get(repeat.firstLine) !== repeat.fingerprint).length;
}

function takerFor(kind: CollectedKind, collector: PolicyCollector): (record: AnyRecord) => void {
  switch (kind) {
    case 'jobs':
      return (record) => collector.addJob(record as Job);
    case 'ledger':
      return (record) => collector.addLedgerEntry(record as LedgerEntry);
    case 'payments':
      return (record) => collector.addPayment(record as Payment);
    default:
      return (record) => collector.addOutage(record as Outage);
  }
}

/**
 * An LF that is probably a row break, not one inside a quoted cell: the first whose line before
 * and line after (both whole in `bytes`) each hold an even number of quotes; else the first LF;
 * -1 when there is none. Only a guess: the reader of the first part checks it.
 */
export function likelyRowBreak(bytes: Uint8Array): number {
  const first = bytes.indexOf(10);
  if (first === -1) return -1;
  let start = first + 1;
  let end = bytes.indexOf(10, start);
  let before = -1;
  while (end !== -1) {
    const quotes = countQuotes(bytes, start, end);
    if (before !== -1 && before % 2 === 0 && quotes % 2 === 0) return start - 1;
    before = quotes;
    start = end + 1;
    end = bytes.indexOf(10, start);
  }
  return first;
}

function countQuotes(bytes: Uint8Array, start: number, end: number): number {
  let count = 0;
  for (let i = start; i < end; i++) if (bytes[i] === 34) count++;
  return count;
}

/** Where a file may be cut in two: bytes read from its middle, looking for a row break. */
const SPLIT_SEARCH_BYTES = 1 << 16;
/** The header is read from this much of the file's start before deciding to cut it. */
const HEAD_BYTES = 1 << 20;

/**
 * The parts to read a file in: two when it is at least `minSplitBytes` long and plain enough to
 * cut (a CSV with LF or CRLF rows in UTF-8 or Windows-1252), else the whole file. The cut is just
 * after an LF in the middle; if that LF was inside a quoted cell, the first part does not end on
 * a row boundary, and the caller reads the file again in one piece (see PartResult).
 */
export async function planParts(
  kind: CollectedKind,
  path: string,
  options: ReadOptionsCli,
  minSplitBytes: number,
): Promise<FilePart[]> {
  const whole: FilePart[] = [{ kind, path, range: null, continuation: null, hasNext: false }];
  const size = await stat(path).then(
    (info) => (info.isFile() ? info.size : 0),
    () => 0,
  );
  if (size < minSplitBytes || size <= HEAD_BYTES) return whole;
  const handle = await open(path, 'r').catch(() => null);
  if (!handle) return whole;
  try {
    const head = new Uint8Array(HEAD_BYTES);
    const { bytesRead } = await handle.read(head, 0, HEAD_BYTES, 0);
    const reader = createRecordReader({
      kind,
      fileName: path,
      timeZone: options.timeZone,
      dateOrder: options.dateOrder,
    });
    try {
      reader.push(head.subarray(0, bytesRead));
    } catch {
      return whole; // the one-piece read reports it
    }
    const info = reader.header;
    const lineEnding = info?.lineEnding;
    if (
      !info?.mapping ||
      (lineEnding !== 'lf' && lineEnding !== 'crlf') ||
      (info.encoding !== 'utf-8' && info.encoding !== 'windows-1252')
    ) {
      return whole;
    }
    const middle = Math.floor(size / 2);
    const around = new Uint8Array(SPLIT_SEARCH_BYTES);
    const found = await handle.read(around, 0, SPLIT_SEARCH_BYTES, middle);
    const lf = likelyRowBreak(around.subarray(0, found.bytesRead));
    const cut = middle + lf + 1;
    // A UTF-8 BOM right after the cut would be dropped by the second part's decoder.
    const bom = around[lf + 1] === 0xef && around[lf + 2] === 0xbb && around[lf + 3] === 0xbf;
    if (lf === -1 || cut >= size || bom) return whole;
    return [
      { kind, path, range: { start: 0, end: cut }, continuation: null, hasNext: true },
      {
        kind,
        path,
        range: { start: cut, end: size },
        continuation: {
          headers: info.mapping.headers,
          delimiter: info.delimiter,
          lineEnding,
          encoding: info.encoding,
        },
        hasNext: false,
      },
    ];
  } finally {
    await handle.close();
  }
}
