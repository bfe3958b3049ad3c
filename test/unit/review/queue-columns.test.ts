import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FLAGS, OUTCOMES } from '@shared/policy/types';
import type { QueueBase } from '@shared/review/queue';
import { queueBasesOf, queueColumns } from '@shared/review/queue-columns';

const base: fc.Arbitrary<QueueBase> = fc.record({
  requestId: fc.string(),
  accountEmail: fc.string(),
  receivedAt: fc.integer({ min: 0, max: 4_102_444_800_000 }),
  jobId: fc.option(fc.string(), { nil: null }),
  suggestedOutcome: fc.constantFrom(...OUTCOMES),
  credits: fc.option(fc.integer({ min: 0, max: 1_000_000 }), { nil: null }),
  amountMinor: fc.option(fc.integer({ min: -1_000_000, max: 1_000_000 }), { nil: null }),
  currency: fc.option(fc.constantFrom('EUR', 'USD'), { nil: null }),
  flags: fc.uniqueArray(fc.constantFrom(...FLAGS), { maxLength: 3 }),
  outageIds: fc.array(fc.string(), { maxLength: 3 }),
  newEvidence: fc.boolean(),
});

describe('queue columns (the worker → page reply)', () => {
  it('give back every row exactly, nulls, zeros and lists included', () => {
    fc.assert(
      fc.property(fc.array(base, { maxLength: 40 }), (rows) => {
        expect(queueBasesOf(structuredClone(queueColumns(rows)))).toEqual(rows);
      }),
    );
  });

  it('keep flag and outage lists only for the rows that have any', () => {
    const plain: QueueBase = {
      requestId: 'REQ-1',
      accountEmail: 'ana@example.com',
      receivedAt: 0,
      jobId: null,
      suggestedOutcome: 'deny_subjective',
      credits: 0,
      amountMinor: null,
      currency: null,
      flags: [],
      outageIds: [],
      newEvidence: false,
    };
    const flagged: QueueBase = { ...plain, requestId: 'REQ-2', flags: ['outage'], outageIds: ['INC-7'] };
    const columns = queueColumns([plain, flagged, plain]);
    expect(columns.lists).toEqual([{ row: 1, flags: ['outage'], outageIds: ['INC-7'] }]);
    expect(queueBasesOf(columns)[0]?.credits).toBe(0);
  });
});
