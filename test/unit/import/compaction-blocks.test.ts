import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sampleJob, sampleLedgerEntry } from './sample-rows';
import { COMPACTION_FAMILIES, compactBlocks } from '../../../renderer/data/compaction';
import type { RowBlock } from '../../../renderer/data/import-records';
import { packJob, packLedger, RowPacker, unpackRows } from '../../../renderer/data/packed-rows';
import { bucketOf, groupKey, ledgerToTuple, SUB_BUCKETS } from '../../../renderer/data/row-blocks';

const emails = Array.from({ length: 40 }, (_, i) => `creator${i}@example.com`);

function jobsBlock(rows: { email: string; createdAt: number; n: number }[]): RowBlock {
  const packer = new RowPacker();
  for (const { email, createdAt, n } of rows)
    packJob(packer, {
      ...sampleJob,
      jobId: `job_${n}`,
      accountEmail: email,
      accountEmailRaw: email,
      createdAt,
    });
  return { g: groupKey.jobsByAccountBucket(0), b: 'imp-1', ...packer.pack() };
}

const sortedTuples = (tuples: unknown[][]) => tuples.map((t) => JSON.stringify(t)).sort();

describe('compacting a bucket of an import', () => {
  it('keeps every row once, each in the small group of its account, under the batch id', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            email: fc.constantFrom(...emails),
            createdAt: fc.integer({ min: 0, max: 1e12 }),
          }),
          { minLength: 1, maxLength: 200 },
        ),
        fc.integer({ min: 1, max: 4 }),
        (rows, parts) => {
          const numbered = rows.map((row, n) => ({ ...row, n }));
          // The import writes a bucket as one block per flush.
          const blocks = Array.from({ length: parts }, (_, p) =>
            jobsBlock(numbered.filter((_, i) => i % parts === p)),
          );
          const compacted = compactBlocks(COMPACTION_FAMILIES.jobs, 'imp-1', blocks);
          const before = blocks.flatMap((block) => unpackRows(block.g, block));
          const after = compacted.flatMap((block) => unpackRows(block.g, block));
          expect(sortedTuples(after)).toEqual(sortedTuples(before));
          expect(new Set(compacted.map((block) => block.g)).size).toBe(compacted.length);
          for (const block of compacted) {
            expect(block.b).toBe('imp-1');
            const tuples = unpackRows(block.g, block);
            expect(block.n).toBe(tuples.length);
            for (const tuple of tuples)
              expect(block.g).toBe(groupKey.compactJobsByAccount(tuple[1] as string));
            // An account's rows together, oldest first.
            const keys = tuples.map((t) => `${t[1] as string}\n${String(t[3]).padStart(13, '0')}`);
            expect(keys).toEqual([...keys].sort());
          }
        },
      ),
    );
  });

  it('groups ledger rows by job, and keeps their fields', () => {
    const packer = new RowPacker();
    const entries = ['job_a', 'job_b', 'job_a'].map((jobId, i) => ({
      ...sampleLedgerEntry,
      entryId: `L${i}`,
      jobId,
      createdAt: 10 - i,
    }));
    for (const entry of entries) packLedger(packer, entry);
    const compacted = compactBlocks(COMPACTION_FAMILIES.ledger, 'imp-2', [
      { g: groupKey.ledgerByJobBucket(3), b: 'imp-2', ...packer.pack() },
    ]);
    const ofA = compacted.find((block) => block.g === groupKey.compactLedgerByJob('job_a'));
    expect(unpackRows(ofA!.g, ofA!, { field: 5, equals: 'job_a' })).toEqual([
      ledgerToTuple(entries[2]!),
      ledgerToTuple(entries[0]!),
    ]);
  });

  it('names groups inside the bucket the import used, so one bucket compacts in one step', () => {
    for (const email of emails) {
      const group = groupKey.compactJobsByAccount(email);
      expect(group.startsWith(COMPACTION_FAMILIES.jobs.compactPrefix(bucketOf(email)))).toBe(true);
      expect(Number(group.split('.').at(-1))).toBeLessThan(SUB_BUCKETS);
      // Outside the ranges that whole-store readers scan.
      expect(group < 'jobs.a.' || group > 'jobs.a.\uffff').toBe(true);
      expect(group < 'jobs.h.' || group > 'jobs.h.\uffff').toBe(true);
    }
    expect(groupKey.compactLedgerByJob('job_1') > 'ledger.a.\uffff').toBe(true);
    expect(groupKey.compactLedgerByJob('job_1') < 'ledger.i.').toBe(true);
  });
});
