import type { ImportKind, Job, LedgerEntry, RecordByKind } from '../../shared/domain/records';
import { isFailure } from '../../shared/outages';
import type { AcceptedRecord, ReadProblem } from '../../shared/reading';
import type { ReviewDeskDb } from '../data/db';
import type { ImportBatch, RowBlock } from '../data/import-records';
import { HOUR_MS, groupKey, jobToTuple, ledgerToTuple, type DirectoryTuple } from '../data/row-blocks';

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

  /** Writes what is buffered and `patch` of the batch record, atomically. */
  async flush(patch: Partial<ImportBatch>): Promise<void> {
    const problems = this.problems;
    this.problems = [];
    const { db } = this;
    await db.transaction(
      'rw',
      [db.rowBlocks, db.payments, db.requests, db.outages, db.importProblems, db.importBatches],
      async () => {
        await this.writeRows();
        if (problems.length > 0) await db.importProblems.add({ batchId: this.batchId, problems });
        await db.importBatches.update(this.batchId, { ...patch, stored: this.cross.stored });
      },
    );
  }

  protected abstract writeRows(): Promise<void>;
}

/** Jobs and ledger rows: compact tuples into the groups review reads (see row-blocks.ts). */
export class BlockWriter extends BatchWriter {
  private groups = new Map<string, unknown[][]>();
  private hourTotals = new Map<number, number>();
  private count = 0;

  constructor(
    db: ReviewDeskDb,
    batchId: string,
    kind: 'jobs' | 'ledger',
    private readonly storedKeys: Map<string, number>,
  ) {
    super(db, batchId, kind);
  }

  get buffered(): number {
    return this.count;
  }

  private push(group: string, row: unknown[]): void {
    const rows = this.groups.get(group);
    if (rows) rows.push(row);
    else this.groups.set(group, [row]);
  }

  add(records: AcceptedRecord<ImportKind>[]): void {
    for (const accepted of records) {
      const fingerprint = parseInt(accepted.fingerprint, 16);
      const earlier = this.storedKeys.get(accepted.key);
      if (earlier !== undefined) {
        if (earlier === fingerprint) this.storedDuplicate(accepted.line, accepted.key);
        else this.storedConflict(accepted.line, accepted.key);
        continue;
      }
      this.count++;
      if (this.kind === 'jobs') this.addJob(accepted.record as unknown as Job, fingerprint);
      else this.addLedger(accepted.record as unknown as LedgerEntry, fingerprint);
    }
  }

  private addJob(job: Job, fingerprint: number): void {
    const tuple = jobToTuple(job);
    this.push(groupKey.jobsByAccount(job.accountEmail), tuple);
    this.push(groupKey.jobsById(job.jobId), [
      job.jobId,
      fingerprint,
      job.accountEmail,
    ] satisfies DirectoryTuple);
    const hour = Math.floor(job.createdAt / HOUR_MS) * HOUR_MS;
    this.hourTotals.set(hour, (this.hourTotals.get(hour) ?? 0) + 1);
    const hourGroup = groupKey.jobsHour(hour);
    if (isFailure(job)) this.push(hourGroup, tuple);
    else if (!this.groups.has(hourGroup)) this.groups.set(hourGroup, []);
  }

  private addLedger(entry: LedgerEntry, fingerprint: number): void {
    const tuple = ledgerToTuple(entry);
    this.push(groupKey.ledgerByAccount(entry.accountEmail), tuple);
    if (entry.jobId !== '') this.push(groupKey.ledgerByJob(entry.jobId), tuple);
    this.push(groupKey.ledgerById(entry.entryId), [
      entry.entryId,
      fingerprint,
      entry.accountEmail,
    ] satisfies DirectoryTuple);
  }

  protected async writeRows(): Promise<void> {
    if (this.count === 0 && this.groups.size === 0) return;
    const blocks: RowBlock[] = [];
    for (const [g, rows] of this.groups) {
      const block: RowBlock = { g, b: this.batchId, rows };
      if (g.startsWith('jobs.h.')) block.total = this.hourTotals.get(Number(g.slice(7))) ?? 0;
      blocks.push(block);
    }
    const written = this.count;
    this.groups = new Map();
    this.hourTotals = new Map();
    this.count = 0;
    await this.db.rowBlocks.bulkAdd(blocks);
    this.cross.stored += written;
  }
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

  protected async writeRows(): Promise<void> {
    const pending = this.pending;
    this.pending = [];
    if (pending.length === 0) return;
    const table = this.table();
    const existing = (await table.bulkGet(pending.map((p) => p.key))) as ({ h: number } | undefined)[];
    const rows: object[] = [];
    pending.forEach((accepted, i) => {
      const fingerprint = parseInt(accepted.fingerprint, 16);
      const stored = existing[i];
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
