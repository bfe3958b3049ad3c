import type { ImportKind, Job, LedgerEntry, RecordByKind } from '../../shared/domain/records';
import { isFailure } from '../../shared/outages';
import type { AcceptedRecord, ReadProblem } from '../../shared/reading';
import type { ReviewDeskDb } from '../data/db';
import type { ImportBatch, RowBlock } from '../data/import-records';
import type { BlockStore } from './block-store';
import { packDirectory, packJob, packLedger, RowPacker } from '../data/packed-rows';
import { HOUR_MS, bucketOf, groupKey, idBucketOf } from '../data/row-blocks';

/**
 * Failures by hour are written with the last flush, or once this many bytes of them wait: a
 * flush of a month of jobs otherwise writes 720 small hour blocks, and IndexedDB stores small
 * values at several times the CPU per byte of large ones. Until then the hours of a running
 * import are missing from the failure chart, as the rest of it is missing from everything.
 */
const HOUR_FLUSH_BYTES = 32 * 1024 * 1024;

/** Problems kept per batch for the error report; the counts stay exact beyond it. */
const MAX_STORED_PROBLEMS = 100_000;

const KEY_FIELD: Record<ImportKind, string> = {
  jobs: 'job_id',
  ledger: 'entry_id',
  payments: 'payment_id',
  requests: 'request_id',
  outages: 'incident_id',
};

export interface CrossBatchCounts {
  /** Rows already stored by another batch with the same content: flagged, not stored again. */
  duplicates: number;
  /** Rows whose key another batch stored with different content: error rows. */
  conflicts: number;
  stored: number;
}

/**
 * Buffers accepted rows and writes them, with the problems and the batch's progress, in one
 * transaction per flush, so the database never holds rows the batch record does not count.
 */
export abstract class BatchWriter {
  readonly cross: CrossBatchCounts = { duplicates: 0, conflicts: 0, stored: 0 };
  protected problems: ReadProblem[] = [];
  private storedProblems = 0;
  abstract readonly buffered: number;

  constructor(
    protected readonly db: ReviewDeskDb,
    protected readonly batchId: string,
    protected readonly kind: ImportKind,
  ) {}

  abstract add(records: AcceptedRecord<ImportKind>[]): void;

  addProblems(problems: ReadProblem[]): void {
    for (const p of problems) this.keepProblem(p);
  }

  protected keepProblem(problem: ReadProblem): void {
    if (this.storedProblems >= MAX_STORED_PROBLEMS) return;
    this.storedProblems++;
    this.problems.push(problem);
  }

  protected storedDuplicate(line: number, key: string): void {
    this.cross.duplicates++;
    this.keepProblem({
      severity: 'duplicate',
      line,
      column: KEY_FIELD[this.kind],
      value: key,
      reason: 'already imported with identical content by an earlier batch: not stored twice',
    });
  }

  protected storedConflict(line: number, key: string): void {
    this.cross.conflicts++;
    this.keepProblem({
      severity: 'error',
      line,
      column: KEY_FIELD[this.kind],
      value: key,
      reason: `${KEY_FIELD[this.kind]} ${key} is already stored by an earlier batch with different content`,
    });
  }

  /** Writes what is buffered, the problems and `patch` of the batch record, atomically. */
  /** `last`: nothing more will be added, so nothing may stay buffered. */
  abstract flush(patch: Partial<ImportBatch>, last: boolean): Promise<void>;

  protected takeProblems(): ReadProblem[] {
    const problems = this.problems;
    this.problems = [];
    return problems;
  }
}

/**
 * Jobs and ledger rows, packed into the groups review reads (see row-blocks.ts). Groups are held
 * by bucket number and named only when written: building three group names per row was a tenth
 * of a large import's time.
 */
export class BlockWriter extends BatchWriter {
  private byAccount = new Map<number, RowPacker>();
  private byJob = new Map<number, RowPacker>();
  private byId = new Map<number, RowPacker>();
  private byHour = new Map<number, { failures: RowPacker; total: number }>();
  private count = 0;
  private flushedBytes = 0;

  constructor(
    db: ReviewDeskDb,
    batchId: string,
    kind: 'jobs' | 'ledger',
    private readonly storedKeys: Map<string, number>,
    private readonly store: BlockStore,
  ) {
    super(db, batchId, kind);
  }

  get buffered(): number {
    return this.count;
  }

  /** Bytes of every row packed so far, written or not. */
  get packedBytes(): number {
    return this.flushedBytes + this.bufferedBytes;
  }

  /** Bytes the buffered rows will take once packed. */
  get bufferedBytes(): number {
    let bytes = 0;
    for (const packers of [this.byAccount, this.byJob, this.byId])
      for (const packer of packers.values()) bytes += packer.size;
    return bytes + this.hourBytes();
  }

  add(records: AcceptedRecord<ImportKind>[]): void {
    for (const accepted of records) {
      const fingerprint = accepted.fingerprintValue;
      if (this.storedKeys.size > 0) {
        const earlier = this.storedKeys.get(accepted.key);
        if (earlier !== undefined) {
          if (earlier === fingerprint) this.storedDuplicate(accepted.line, accepted.key);
          else this.storedConflict(accepted.line, accepted.key);
          continue;
        }
      }
      this.count++;
      if (this.kind === 'jobs') this.addJob(accepted.record as unknown as Job, fingerprint);
      else this.addLedger(accepted.record as unknown as LedgerEntry, fingerprint);
    }
  }

  private addJob(job: Job, fingerprint: number): void {
    const account = bucketOf(job.accountEmail);
    packJob(packerOf(this.byAccount, account), job);
    packDirectory(packerOf(this.byId, idBucketOf(job.jobId)), job.jobId, fingerprint, account);
    const hourStart = Math.floor(job.createdAt / HOUR_MS) * HOUR_MS;
    let hour = this.byHour.get(hourStart);
    if (!hour) {
      hour = { failures: new RowPacker(), total: 0 };
      this.byHour.set(hourStart, hour);
    }
    hour.total++;
    if (isFailure(job)) packJob(hour.failures, job);
  }

  private addLedger(entry: LedgerEntry, fingerprint: number): void {
    const account = bucketOf(entry.accountEmail);
    packLedger(packerOf(this.byAccount, account), entry);
    if (entry.jobId !== '') packLedger(packerOf(this.byJob, bucketOf(entry.jobId)), entry);
    packDirectory(packerOf(this.byId, idBucketOf(entry.entryId)), entry.entryId, fingerprint, account);
  }

  /**
   * The blocks of everything added since the last flush, the failures by hour only when asked;
   * the packers are kept for the next.
   */
  private takeBlocks(withHours: boolean): RowBlock[] {
    const blocks: RowBlock[] = [];
    const b = this.batchId;
    const named = (packers: Map<number, RowPacker>, name: (bucket: number) => string) => {
      for (const [bucket, packer] of packers) {
        if (packer.count === 0) continue;
        blocks.push({ g: name(bucket), b, ...packer.pack() });
        packer.reset();
      }
    };
    if (this.kind === 'jobs') {
      named(this.byAccount, groupKey.jobsByAccountBucket);
      named(this.byId, groupKey.jobsByIdBucket);
      for (const [hourStart, hour] of withHours ? this.byHour : []) {
        if (hour.total === 0) continue;
        blocks.push({ g: groupKey.jobsHour(hourStart), b, ...hour.failures.pack(), total: hour.total });
        hour.failures.reset();
        hour.total = 0;
      }
    } else {
      named(this.byAccount, groupKey.ledgerByAccountBucket);
      named(this.byJob, groupKey.ledgerByJobBucket);
      named(this.byId, groupKey.ledgerByIdBucket);
    }
    return blocks;
  }

  async flush(patch: Partial<ImportBatch>, last: boolean): Promise<void> {
    const stored = this.cross.stored + this.count;
    const hourBytes = this.hourBytes();
    const withHours = last || hourBytes >= HOUR_FLUSH_BYTES;
    this.flushedBytes += withHours ? this.bufferedBytes : this.bufferedBytes - hourBytes;
    const blocks = this.takeBlocks(withHours);
    this.count = 0;
    await this.store({
      batchId: this.batchId,
      blocks,
      problems: this.takeProblems(),
      patch: { ...patch, stored },
    });
    this.cross.stored = stored;
  }

  private hourBytes(): number {
    let bytes = 0;
    for (const hour of this.byHour.values()) bytes += hour.failures.size;
    return bytes;
  }
}

function packerOf(packers: Map<number, RowPacker>, bucket: number): RowPacker {
  let packer = packers.get(bucket);
  if (!packer) {
    packer = new RowPacker();
    packers.set(bucket, packer);
  }
  return packer;
}

type RowKind = 'payments' | 'requests' | 'outages';

/** Payments, requests and outages: one record per row, checked against what is stored. */
export class RecordWriter extends BatchWriter {
  private pending: AcceptedRecord<ImportKind>[] = [];

  get buffered(): number {
    return this.pending.length;
  }

  add(records: AcceptedRecord<ImportKind>[]): void {
    for (const r of records) this.pending.push(r);
  }

  async flush(patch: Partial<ImportBatch>): Promise<void> {
    const { db } = this;
    await db.transaction('rw', [this.table(), db.importProblems, db.importBatches], async () => {
      await this.writeRows();
      // Taken after the rows: writing them finds the rows another batch already stored.
      const problems = this.takeProblems();
      if (problems.length > 0) await db.importProblems.add({ batchId: this.batchId, problems });
      await db.importBatches.update(this.batchId, { ...patch, stored: this.cross.stored });
    });
  }

  private async writeRows(): Promise<void> {
    const pending = this.pending;
    this.pending = [];
    if (pending.length === 0) return;
    const table = this.table();
    const existing = await this.storedFingerprints(pending.map((p) => p.key));
    const rows: object[] = [];
    pending.forEach((accepted) => {
      const fingerprint = accepted.fingerprintValue;
      const stored = existing.get(accepted.key);
      if (stored) {
        if (stored.h === fingerprint) this.storedDuplicate(accepted.line, accepted.key);
        else this.storedConflict(accepted.line, accepted.key);
        return;
      }
      rows.push(this.storedRow(accepted.record as RecordByKind[RowKind], fingerprint));
    });
    await (table as { bulkAdd(rows: object[]): Promise<unknown> }).bulkAdd(rows);
    this.cross.stored += rows.length;
  }

  /**
   * The fingerprints of the keys already stored. One read of every stored key, then a get only
   * for the keys found: a get per pending row is one IndexedDB request each, and nearly every row
   * of an import is new.
   */
  private async storedFingerprints(keys: string[]): Promise<Map<string, { h: number }>> {
    const table = this.table();
    const storedKeys = new Set<string>(await table.toCollection().primaryKeys());
    const found = keys.filter((key) => storedKeys.has(key));
    if (found.length === 0) return new Map();
    const rows = (await table.bulkGet(found)) as ({ h: number } | undefined)[];
    return new Map(found.flatMap((key, i) => (rows[i] ? [[key, rows[i]] as const] : [])));
  }

  private table() {
    const kind = this.kind as RowKind;
    return kind === 'payments' ? this.db.payments : kind === 'requests' ? this.db.requests : this.db.outages;
  }

  private storedRow(record: RecordByKind[RowKind], fingerprint: number): object {
    const row: Record<string, unknown> = { ...record, b: this.batchId, h: fingerprint };
    if (this.kind === 'requests') row.state = 'open';
    return row;
  }
}
