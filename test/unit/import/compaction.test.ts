import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sampleJob, sampleLedgerEntry } from './sample-rows';
import type { Job, LedgerEntry } from '@shared/domain/records';
import { batchTables, deleteBatchRows } from '../../../renderer/data/batch-rows';
import {
  batchesToCompact,
  blocksForKey,
  compactBatch,
  compactLandedBatches,
  COMPACTION_FAMILIES,
} from '../../../renderer/data/compaction';
import { ReviewDeskDb } from '../../../renderer/data/db';
import type { BatchStatus, ImportBatch, RowBlock } from '../../../renderer/data/import-records';
import { packJob, packLedger, RowPacker, unpackRows } from '../../../renderer/data/packed-rows';
import { accountJobs, jobLedger } from '../../../renderer/data/review-queries';
import { BUCKETS, bucketOf, groupKey } from '../../../renderer/data/row-blocks';

let database: ReviewDeskDb;
let names = 0;

beforeEach(() => {
  database = new ReviewDeskDb(`compaction-test-${names++}`);
});
afterEach(async () => {
  await database.delete();
});

function batch(id: string, kind: 'jobs' | 'ledger', status: BatchStatus, startedAt: number): ImportBatch {
  return { id, kind, status, startedAt, fileName: `${id}.csv`, stored: 0 } as ImportBatch;
}

const emails = Array.from({ length: 30 }, (_, i) => `creator${i}@example.com`);

function jobsOf(prefix: string, count: number): Job[] {
  return Array.from({ length: count }, (_, i) => ({
    ...sampleJob,
    jobId: `${prefix}${i}`,
    accountEmail: emails[(i * 7) % emails.length]!,
    accountEmailRaw: emails[(i * 7) % emails.length]!,
    createdAt: 1_000_000 + ((i * 37) % 500) * 60_000,
  }));
}

/** Stores rows the way the import does: one block per account bucket per flush. */
async function importJobs(batchId: string, jobs: readonly Job[], flushes = 2): Promise<void> {
  const blocks: RowBlock[] = [];
  for (let flush = 0; flush < flushes; flush++) {
    const packers = new Map<number, RowPacker>();
    jobs.forEach((job, i) => {
      if (i % flushes !== flush) return;
      const bucket = bucketOf(job.accountEmail);
      const packer = packers.get(bucket) ?? new RowPacker();
      packers.set(bucket, packer);
      packJob(packer, job);
    });
    for (const [bucket, packer] of packers)
      blocks.push({ g: groupKey.jobsByAccountBucket(bucket), b: batchId, ...packer.pack() });
  }
  await database.rowBlocks.bulkAdd(blocks);
}

async function importLedger(batchId: string, entries: readonly LedgerEntry[]): Promise<void> {
  const packers = new Map<number, RowPacker>();
  for (const entry of entries) {
    const bucket = bucketOf(entry.jobId);
    const packer = packers.get(bucket) ?? new RowPacker();
    packers.set(bucket, packer);
    packLedger(packer, entry);
  }
  await database.rowBlocks.bulkAdd(
    [...packers].map(([bucket, packer]) => ({
      g: groupKey.ledgerByJobBucket(bucket),
      b: batchId,
      ...packer.pack(),
    })),
  );
}

async function everyAccountsJobs(): Promise<Job[][]> {
  return Promise.all(emails.map((email) => accountJobs(database, email)));
}

/** Rows of the batch's compacted copy, counted. */
async function compactedRows(batchId: string): Promise<number> {
  const blocks = await database.rowBlocks.where('g').between('jobs.c.', 'jobs.c.\uffff').toArray();
  return blocks.filter((b) => b.b === batchId).reduce((sum, b) => sum + unpackRows(b.g, b).length, 0);
}

describe('compaction of landed imports', () => {
  it('gives the same jobs and ledger rows, from small blocks only', async () => {
    const jobs = jobsOf('job_', 400);
    await database.importBatches.bulkAdd([
      batch('imp-1', 'jobs', 'complete', 1),
      batch('imp-2', 'ledger', 'complete', 2),
    ]);
    await importJobs('imp-1', jobs);
    const entries = jobs.slice(0, 50).flatMap((job, i) => [
      { ...sampleLedgerEntry, entryId: `L${i}a`, jobId: job.jobId, createdAt: 5 },
      { ...sampleLedgerEntry, entryId: `L${i}b`, jobId: job.jobId, createdAt: 3 },
    ]);
    await importLedger('imp-2', entries);
    const before = await everyAccountsJobs();
    const ledgerBefore = await jobLedger(database, 'job_7');
    expect(before.flat()).toHaveLength(400);
    expect(ledgerBefore.map((e) => e.entryId)).toEqual(['L7b', 'L7a']);

    expect(await compactLandedBatches(database)).toBe('done');
    expect(await batchesToCompact(database)).toEqual([]);
    expect(await everyAccountsJobs()).toEqual(before);
    expect(await jobLedger(database, 'job_7')).toEqual(ledgerBefore);
    const read = await blocksForKey(database, COMPACTION_FAMILIES.jobs, emails[3]!);
    expect(read.length).toBeGreaterThan(0);
    for (const block of read) expect(block.g).toBe(groupKey.compactJobsByAccount(emails[3]!));
  });

  it('survives a crash mid-way: a partial copy is ignored, and the next run neither loses nor doubles rows', async () => {
    const jobs = jobsOf('job_', 300);
    await database.importBatches.add(batch('imp-1', 'jobs', 'complete', 1));
    await importJobs('imp-1', jobs, 3);
    const before = await everyAccountsJobs();

    let buckets = 0;
    const crash = () => {
      if (++buckets > BUCKETS / 2) throw new Error('the window closed');
      return false;
    };
    await expect(compactBatch(database, 'imp-1', COMPACTION_FAMILIES.jobs, crash)).rejects.toThrow();
    expect(await compactedRows('imp-1')).toBeGreaterThan(0);
    for (const email of emails)
      for (const block of await blocksForKey(database, COMPACTION_FAMILIES.jobs, email))
        expect(block.g).toBe(groupKey.jobsByAccount(email));
    expect(await everyAccountsJobs()).toEqual(before);

    // Stopped between buckets (an import started), then taken up where it stopped.
    buckets = 0;
    const progress = new Map<string, number>();
    const stopAfter10 = () => ++buckets > 11;
    expect(await compactBatch(database, 'imp-1', COMPACTION_FAMILIES.jobs, stopAfter10, progress)).toBe(
      'stopped',
    );
    expect(progress.get('imp-1')).toBe(10);
    buckets = 0;
    expect(await compactLandedBatches(database, () => (buckets++, false), undefined, progress)).toBe('done');
    expect(buckets).toBe(2 + BUCKETS - 10);
    expect(progress.size).toBe(0);
    // And once more from the start, as a new session would.
    expect(await compactBatch(database, 'imp-1', COMPACTION_FAMILIES.jobs)).toBe('done');
    expect(await compactedRows('imp-1')).toBe(300);
    expect(await database.rowBlocks.where('g').equals('compacted').count()).toBe(1);
    expect(await everyAccountsJobs()).toEqual(before);
  });

  it('goes with its batch on Undo, also when the batch is undone during the compaction', async () => {
    await database.importBatches.bulkAdd([
      batch('imp-1', 'jobs', 'complete', 1),
      batch('imp-2', 'jobs', 'complete', 2),
    ]);
    await importJobs('imp-1', jobsOf('old_', 100));
    await importJobs('imp-2', jobsOf('new_', 100));
    await compactBatch(database, 'imp-1', COMPACTION_FAMILIES.jobs);

    const undo = async (id: string) =>
      database.transaction('rw', batchTables(database), async () => {
        await deleteBatchRows(database, id);
        await database.importBatches.update(id, { status: 'undone' });
      });
    let buckets = 0;
    const undoneMidway = async () => {
      if (++buckets === 20) await undo('imp-2');
      return false;
    };
    expect(await compactBatch(database, 'imp-2', COMPACTION_FAMILIES.jobs, undoneMidway)).toBe('gone');
    expect(await database.rowBlocks.where('b').equals('imp-2').count()).toBe(0);
    expect((await everyAccountsJobs()).flat().every((job) => job.jobId.startsWith('old_'))).toBe(true);

    await undo('imp-1');
    expect(await database.rowBlocks.count()).toBe(0);
    expect((await everyAccountsJobs()).flat()).toEqual([]);
  });

  it('reads batches not yet compacted from their import blocks, and the earlier batch wins a shared id', async () => {
    const email = emails[0]!;
    const first = {
      ...sampleJob,
      jobId: 'job_same',
      accountEmail: email,
      accountEmailRaw: email,
      status: 'failed' as const,
    };
    const second = { ...first, status: 'succeeded' as const };
    const other = { ...first, jobId: 'job_other', createdAt: first.createdAt + 1 };
    await database.importBatches.bulkAdd([
      batch('imp-1', 'jobs', 'complete', 1),
      batch('imp-2', 'jobs', 'running', 2),
    ]);
    await importJobs('imp-1', [first], 1);
    await importJobs('imp-2', [second, other], 1);
    const before = await accountJobs(database, email);
    expect(before.map((j) => `${j.jobId}:${j.status}`)).toEqual(['job_same:failed', 'job_other:failed']);

    // Only the landed batch is compacted; the running one is read as the import wrote it.
    expect((await batchesToCompact(database)).map((b) => b.id)).toEqual(['imp-1']);
    await compactLandedBatches(database);
    expect(await accountJobs(database, email)).toEqual(before);

    // It lands, is compacted too, and still the first import's row wins.
    await database.importBatches.update('imp-2', { status: 'complete' });
    await compactLandedBatches(database);
    const read = await blocksForKey(database, COMPACTION_FAMILIES.jobs, email);
    expect(read.map((b) => b.b)).toEqual(['imp-1', 'imp-2']);
    expect(await accountJobs(database, email)).toEqual(before);
  });
});
