import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sampleJob, sampleLedgerEntry } from './sample-rows';
import type { Job } from '@shared/domain/records';
import {
  RowPacker,
  packDirectory,
  packJob,
  packLedger,
  packLegacyBlock,
  packTuples,
  unpackRows,
  type PackedRows,
} from '../../../renderer/data/packed-rows';
import {
  bucketOf,
  jobToTuple,
  ledgerToTuple,
  tupleToJob,
  tupleToLedger,
} from '../../../renderer/data/row-blocks';

const job = sampleJob;

const entry = sampleLedgerEntry;

/** What IndexedDB would store and give back: a structured clone. */
function stored(packed: PackedRows): PackedRows {
  return structuredClone(packed);
}

describe('packed rows', () => {
  it('give back the jobs they were packed from, field for field', () => {
    const packer = new RowPacker();
    const plain: Job = {
      ...job,
      accountEmailRaw: job.accountEmail,
      delivered: true,
      creditsCharged: 10,
      startedAt: 5,
    };
    packJob(packer, job);
    packJob(packer, plain);
    const rows = unpackRows('jobs.a.0001', stored(packer.pack()));
    expect(rows.map((row) => tupleToJob(row as ReturnType<typeof jobToTuple>))).toEqual([job, plain]);
    expect(rows[0]).toEqual(jobToTuple(job));
  });

  it('give back ledger entries and directory rows', () => {
    const ledger = new RowPacker();
    packLedger(ledger, entry);
    expect(
      tupleToLedger(unpackRows('ledger.j.0003', ledger.pack())[0] as ReturnType<typeof ledgerToTuple>),
    ).toEqual(entry);
    const directory = new RowPacker();
    packDirectory(directory, 'job_1', 2 ** 53 - 1, 511);
    packDirectory(directory, 'job_2', 0, 0);
    expect(unpackRows('jobs.i.0001', directory.pack())).toEqual([
      ['job_1', 2 ** 53 - 1, 511],
      ['job_2', 0, 0],
    ]);
  });

  it('store text as UTF-8 bytes and every number in a typed array', () => {
    const packer = new RowPacker();
    packDirectory(packer, 'é', 1, 2);
    const packed = packer.pack();
    expect([...packed.text]).toEqual([0xc3, 0xa9]);
    expect(packed.lens).toBeInstanceOf(Uint8Array);
    expect([...packed.nums]).toEqual([1, 2]);
    expect(packed.n).toBe(1);
  });

  it('start again empty after a reset, keeping nothing of the rows before', () => {
    const packer = new RowPacker();
    packLedger(packer, entry);
    packer.pack();
    packer.reset();
    packLedger(packer, { ...entry, entryId: 'L2' });
    const rows = unpackRows('ledger.a.0001', packer.pack());
    expect(rows).toHaveLength(1);
    expect(rows[0]![0]).toBe('L2');
  });

  it('round-trip any text and any number, however long', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.string({ unit: 'grapheme', maxLength: 400 }), fc.maxSafeNat(), fc.string()), {
          maxLength: 50,
        }),
        (rows) => {
          const tuples = rows.map(([key, fingerprint, other]) => [key, fingerprint, bucketOf(other)]);
          expect(unpackRows('ledger.i.0001', stored(packTuples('ledger.i.0001', tuples)))).toEqual(tuples);
        },
      ),
    );
  });

  it('upgrade blocks stored as tuples, with directory rows naming the account', () => {
    const legacy: { g: string; rows?: unknown[][] } & Partial<PackedRows> = {
      g: 'jobs.i.0007',
      rows: [['job_1', 42, 'ana@example.com']],
    };
    packLegacyBlock(legacy, bucketOf);
    expect(legacy.rows).toBeUndefined();
    expect(unpackRows(legacy.g, legacy as PackedRows)).toEqual([['job_1', 42, bucketOf('ana@example.com')]]);

    const jobs: { g: string; rows?: unknown[][] } & Partial<PackedRows> = {
      g: 'jobs.a.0001',
      rows: [jobToTuple(job)],
    };
    packLegacyBlock(jobs, bucketOf);
    expect(tupleToJob(unpackRows(jobs.g, jobs as PackedRows)[0] as ReturnType<typeof jobToTuple>)).toEqual(
      job,
    );
  });

  it('refuse a group it does not know', () => {
    expect(() => unpackRows('payments.x', new RowPacker().pack())).toThrow(/unknown row group/);
  });
});

describe('a packed block', () => {
  it('is one buffer, and stays one buffer through a structured clone', () => {
    const packer = new RowPacker();
    packJob(packer, job);
    const packed = packer.pack();
    expect(packed.lens.buffer).toBe(packed.text.buffer);
    expect(packed.nums.buffer).toBe(packed.text.buffer);
    expect(packed.text.buffer.byteLength).toBe(
      packed.nums.byteLength + packed.lens.byteLength + packed.text.byteLength,
    );
    const copy = structuredClone(packed);
    expect(copy.text.buffer).toBe(copy.nums.buffer);
    expect(tupleToJob(unpackRows('jobs.a.0001', copy)[0] as ReturnType<typeof jobToTuple>)).toEqual(job);
  });
});

describe('a filtered read', () => {
  it('builds only the rows whose text field equals the value, in stored order', () => {
    const packer = new RowPacker();
    const accounts = ['ana@example.com', 'bo@example.com', 'ana@example.co', 'ana@example.com'];
    accounts.forEach((accountEmail, i) => packJob(packer, { ...job, jobId: `job_${i}`, accountEmail }));
    const packed = packer.pack();
    const rows = unpackRows('jobs.a.0001', packed, { field: 1, equals: 'ana@example.com' });
    expect(rows.map((row) => row[0])).toEqual(['job_0', 'job_3']);
    expect(rows[1]).toEqual(jobToTuple({ ...job, jobId: 'job_3', accountEmail: 'ana@example.com' }));
    expect(unpackRows('jobs.a.0001', packed, { field: 0, equals: 'job_2' })).toHaveLength(1);
    expect(unpackRows('jobs.a.0001', packed, { field: 0, equals: 'job_9' })).toEqual([]);
  });
});
