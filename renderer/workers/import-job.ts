import type { ImportKind } from '../../shared/domain/records';
import { ReadError, createRecordReader, type ColumnMapping, type HeaderInfo } from '../../shared/reading';
import { appendAudit } from '../data/audit';
import { batchTables, deleteBatchRows } from '../data/batch-rows';
import { db } from '../data/db';
import {
  batchCountsOf,
  type BatchCounts,
  type ImportBatch,
  type ImportSettings,
} from '../data/import-records';
import { BatchWriter, BlockWriter, RecordWriter } from './batch-writer';
import { chunksOf, type ByteSource } from './byte-source';
import type { FileMeta, ImportOutcome, ImportProgress, ReadChoices } from './import-protocol';
import { readOptionsFrom } from './read-options';
import { isBlockKind, loadStoredKeys } from './stored-keys';
import { rowsDb } from './rows-db';
import { storeBlocksOnThread } from './block-store';
import { fileHasher } from './file-hasher';
import { blockFlushBytes } from './flush-policy';

const CHUNK_BYTES = 4 * 1024 * 1024;
/**
 * The reader gets a chunk in pieces: a piece's records are packed and dead before the next
 * garbage collection of the young generation, whereas a whole chunk's (25,000 rows) outlived it
 * and were copied into the old generation, only to be collected there later at a higher cost.
 */
const PIECE_BYTES = 256 * 1024;
/** Other kinds are written every 5,000 rows; jobs and ledger rows, see blockFlushBytes. */
const FLUSH_RECORD_ROWS = 5_000;
const PROGRESS_MS = 200;
/**
 * The first flush comes after a second, whatever its size: stored rows show at once, and an
 * interrupted import has something to resume.
 */
const FIRST_FLUSH_MS = 1_000;

export interface ImportRequest {
  batchId: string;
  file: FileMeta;
  choices: ReadChoices;
  actor: string;
  resume: boolean;
}

export interface ImportControl {
  cancelled: boolean;
  progress(p: ImportProgress): void;
}

const ZERO: BatchCounts = { rows: 0, accepted: 0, rejected: 0, duplicates: 0, warnings: 0, skipped: 0 };

export async function runImport(
  source: ByteSource,
  request: ImportRequest,
  control: ImportControl,
): Promise<ImportOutcome> {
  const { batchId } = request;
  return navigator.locks.request(`import:${batchId}`, async () => {
    const started = performance.now();
    try {
      await openBatch(request);
      return await readAndWrite(source, request, control, started);
    } catch (error) {
      await discardBatch(batchId, 'failed', request.actor);
      const message = error instanceof Error ? error.message : String(error);
      return {
        status: 'failed',
        batchId,
        message: error instanceof ReadError ? message : `${request.file.name}: ${message}`,
      };
    }
  });
}

async function openBatch(request: ImportRequest): Promise<void> {
  const settings = settingsFrom(request.choices, null);
  await db.transaction('rw', batchTables(db), async () => {
    if (request.resume) await deleteBatchRows(db, request.batchId);
    const batch: ImportBatch = {
      id: request.batchId,
      fileName: request.file.name,
      size: request.file.size,
      lastModified: request.file.lastModified,
      sha256: '',
      kind: settings.kind,
      settings,
      counts: { ...ZERO },
      stored: 0,
      startedAt: Date.now(),
      endedAt: null,
      importedBy: request.actor,
      status: 'running',
      note: request.resume ? 'resumed: read again from the start' : '',
    };
    await db.importBatches.put(batch);
  });
}

async function readAndWrite(
  source: ByteSource,
  request: ImportRequest,
  control: ImportControl,
  started: number,
): Promise<ImportOutcome> {
  const { batchId } = request;
  const reader = createRecordReader({
    ...readOptionsFrom(request.choices, request.file.name),
    keepExtraColumns: request.choices.kind !== 'jobs' && request.choices.kind !== 'ledger',
    maxReportedProblems: 100,
    hexFingerprints: false,
  });
  const hasher = fileHasher();
  const counts = { ...ZERO };
  // Held in an object: the closures below assign them, which plain `let` narrowing would miss.
  const state: { writer: BatchWriter | null; settings: ImportSettings | null; stopStore: () => void } = {
    writer: null,
    settings: null,
    stopStore: () => undefined,
  };
  try {
    let inFlight: Promise<void> = Promise.resolve();
    let bytesRead = 0;
    let lastProgress = 0;
    let lastFlush = performance.now();
    // Where the time goes, shown with the outcome and printed by the benchmark.
    const phases = { read: 0, hash: 0, parse: 0, group: 0, pack: 0, waitForDisk: 0, hashWait: 0, finish: 0 };
    const timed = <T>(phase: keyof typeof phases, work: () => T): T => {
      const t = performance.now();
      const out = work();
      phases[phase] += performance.now() - t;
      return out;
    };

    const ensureWriter = async (header: HeaderInfo) => {
      state.settings = settingsFrom(request.choices, header);
      const kind = header.kind;
      if (isBlockKind(kind)) {
        const storedKeys = await loadStoredKeys(rowsDb(), kind, batchId);
        const thread = storeBlocksOnThread();
        state.stopStore = thread.stop;
        state.writer = new BlockWriter(rowsDb(), batchId, kind, storedKeys, thread.store);
      } else {
        state.writer = new RecordWriter(rowsDb(), batchId, kind);
      }
    };
    const tally = (batch: ReturnType<typeof reader.push>) => {
      counts.accepted += batch.records.length;
      for (const p of batch.problems) {
        if (p.severity === 'error') counts.rejected++;
        else if (p.severity === 'duplicate') counts.duplicates++;
        else if (p.severity === 'skipped') counts.skipped++;
        else counts.warnings++;
      }
      counts.rows = counts.accepted + counts.rejected + counts.duplicates + counts.skipped;
    };
    const patch = (): Partial<ImportBatch> => ({
      counts: adjusted(counts, state.writer),
      ...(state.settings ? { kind: state.settings.kind, settings: state.settings } : {}),
    });
    const flushIfFull = async (last: boolean) => {
      const writer = state.writer;
      if (!writer) return;
      const full =
        writer instanceof BlockWriter
          ? writer.bufferedBytes >= blockFlushBytes(writer.packedBytes, bytesRead, source.size)
          : writer.buffered >= FLUSH_RECORD_ROWS;
      if (
        !last &&
        !full &&
        (writer.buffered === 0 || writer.cross.stored > 0 || performance.now() - lastFlush < FIRST_FLUSH_MS)
      )
        return;
      lastFlush = performance.now();
      // One flush in flight: parsing the next rows overlaps the commit of the previous ones.
      const t = performance.now();
      await inFlight;
      phases.waitForDisk += performance.now() - t;
      // The synchronous part of a flush packs the rows (jobs and ledger) or stores them (others).
      inFlight = timed('pack', () => writer.flush(patch(), last)).then(() => report(true));
      if (last) {
        const w = performance.now();
        await inFlight;
        phases.waitForDisk += performance.now() - w;
      }
    };
    const report = (always = false) => {
      const now = performance.now();
      if (!always && now - lastProgress < PROGRESS_MS) return;
      lastProgress = now;
      const seconds = (now - started) / 1000;
      const rate = seconds > 0 ? counts.rows / seconds : 0;
      const bytesPerSec = seconds > 0 ? bytesRead / seconds : 0;
      control.progress({
        batchId,
        bytesRead,
        totalBytes: source.size,
        rows: counts.rows,
        stored: state.writer?.cross.stored ?? 0,
        rowsPerSec: Math.round(rate),
        etaSec: bytesPerSec > 0 ? Math.max(0, (source.size - bytesRead) / bytesPerSec) : null,
      });
    };

    let readFrom = performance.now();
    for await (const chunk of chunksOf(source, CHUNK_BYTES)) {
      phases.read += performance.now() - readFrom;
      if (control.cancelled) break;
      bytesRead += chunk.length;
      for (let at = 0; at < chunk.length; at += PIECE_BYTES) {
        const batch = timed('parse', () => reader.push(chunk.subarray(at, at + PIECE_BYTES)));
        if (!state.writer && reader.header) await ensureWriter(reader.header);
        tally(batch);
        timed('group', () => state.writer?.add(batch.records));
        state.writer?.addProblems(batch.problems);
      }
      // Once the header is read the reader has decoded these bytes and keeps none of them.
      timed('hash', () => hasher.update(chunk, reader.header !== null));
      await flushIfFull(false);
      report();
      readFrom = performance.now();
    }
    if (control.cancelled) {
      await inFlight.catch(() => undefined);
      await discardBatch(batchId, 'cancelled', request.actor);
      return { status: 'cancelled', batchId };
    }
    const last = reader.finish();
    if (!state.writer && reader.header) await ensureWriter(reader.header);
    const activeWriter = state.writer as BatchWriter | null;
    if (!activeWriter) throw new ReadError('no-header', `${request.file.name}: the file has no header line`);
    activeWriter.add(last.records);
    activeWriter.addProblems(last.problems);
    Object.assign(counts, batchCountsOf(last.report));
    await flushIfFull(true);
    const finishFrom = performance.now();
    // Cancel pressed while the last rows were being written still wins: the batch is not yet complete.
    if (control.cancelled) {
      await discardBatch(batchId, 'cancelled', request.actor);
      return { status: 'cancelled', batchId };
    }
    const hashFrom = performance.now();
    const sha256 = await hasher.digest();
    phases.hashWait = performance.now() - hashFrom;
    const finalSettings = state.settings ?? settingsFrom(request.choices, reader.header);

    const earlier = await db.importBatches
      .where('sha256')
      .equals(sha256)
      .filter((b) => b.id !== batchId && b.status === 'complete')
      .first();
    if (earlier && activeWriter.cross.stored === 0) {
      await db.transaction('rw', batchTables(db), async () => {
        await deleteBatchRows(db, batchId);
        await db.importBatches.delete(batchId);
      });
      return {
        status: 'already-imported',
        batchId,
        previousBatchId: earlier.id,
        previousAt: earlier.startedAt,
      };
    }
    const finalCounts = adjusted(counts, activeWriter);
    await db.transaction('rw', db.importBatches, db.audit, async () => {
      await db.importBatches.update(batchId, {
        sha256,
        kind: finalSettings.kind,
        settings: finalSettings,
        counts: finalCounts,
        stored: activeWriter.cross.stored,
        endedAt: Date.now(),
        status: 'complete',
      });
      await appendAudit({
        actor: request.actor,
        action: 'import',
        subject: `batch:${batchId}`,
        before: null,
        after: {
          fileName: request.file.name,
          size: request.file.size,
          sha256,
          kind: finalSettings.kind,
          counts: finalCounts,
          resumed: request.resume,
        },
      });
    });
    report();
    phases.finish = performance.now() - finishFrom;
    return {
      status: 'complete',
      batchId,
      counts: finalCounts,
      settings: finalSettings,
      ms: performance.now() - started,
      phases: Object.fromEntries(Object.entries(phases).map(([k, v]) => [k, Math.round(v)])),
    };
  } finally {
    state.stopStore();
    hasher.stop();
  }
}

/** The reader's counts with the rows that turned out to be stored already by other batches. */
function adjusted(counts: BatchCounts, writer: BatchWriter | null): BatchCounts {
  if (!writer) return { ...counts };
  const { duplicates, conflicts } = writer.cross;
  return {
    ...counts,
    accepted: counts.accepted - duplicates - conflicts,
    duplicates: counts.duplicates + duplicates,
    rejected: counts.rejected + conflicts,
  };
}

/** The effective mapping: every header with the field it feeds, or null when ignored. */
function settingsFrom(choices: ReadChoices, header: HeaderInfo | null): ImportSettings {
  const mapping: Record<string, string | null> = {};
  const columns: ColumnMapping | null = header?.mapping ?? null;
  if (columns) {
    columns.headers.forEach((h) => (mapping[h] = null));
    for (const [field, column] of Object.entries(columns.fieldToColumn))
      mapping[columns.headers[column]!] = field;
  }
  return {
    kind: (header?.kind ?? choices.kind ?? 'jobs') as ImportKind,
    encoding: header?.encoding ?? choices.encoding ?? 'utf-8',
    delimiter: header?.delimiter ?? choices.delimiter ?? ',',
    dateOrder: choices.dateOrder,
    timeZone: choices.timeZone,
    mapping,
  };
}

/** Leaves nothing half-imported: the rows go; a cancelled batch stays listed, a failed one goes. */
async function discardBatch(batchId: string, why: 'cancelled' | 'failed', actor: string): Promise<void> {
  await db.transaction('rw', [...batchTables(db), db.audit], async () => {
    await deleteBatchRows(db, batchId);
    if (why === 'failed') {
      await db.importBatches.delete(batchId);
      return;
    }
    const batch = await db.importBatches.get(batchId);
    await db.importBatches.update(batchId, { status: 'cancelled', endedAt: Date.now(), stored: 0 });
    await appendAudit({
      actor,
      action: 'import.cancel',
      subject: `batch:${batchId}`,
      before: batch ? { status: batch.status, stored: batch.stored } : null,
      after: { status: 'cancelled', stored: 0 },
    });
  });
}
