import { describe, expect, it } from 'vitest';
import { appliedReport } from '@shared/export/applied-report';
import { buildCreditbackBatch } from '@shared/export/build-batch';
import type { LedgerEntry } from '@shared/domain/records';
import { CREATED_AT, SETTINGS_SHA, decision } from './fixtures';

function restore(entryId: string, reference: string, type: LedgerEntry['type'] = 'restore'): LedgerEntry {
  return {
    entryId,
    accountEmail: 'user@example.com',
    createdAt: Date.parse('2026-11-26T10:00:00Z'),
    type,
    credits: 40,
    jobId: '',
    amountMinor: null,
    currency: '',
    reference,
    description: '',
  };
}

describe('the applied report', () => {
  it('marks each item applied, missing or applied_twice by restore rows carrying its key', async () => {
    const { batch } = await buildCreditbackBatch({
      decisions: [
        decision({ jobId: 'a' }),
        decision({ jobId: 'b', requestId: 'R-b' }),
        decision({ jobId: 'c', requestId: 'R-c', outcome: 'rerun' }),
      ],
      signer: { identity: 'ana@finance', key: 'SHA256:x' },
      policySettingsSha256: SETTINGS_SHA,
      exportedKeys: new Set(),
      previous: null,
      createdAt: CREATED_AT,
    });
    const [a, b, c] = batch!.items.map((i) => i.idempotency_key) as [string, string, string];
    const ledger = [
      restore('le_1', a),
      restore('le_2', ` ${c.toUpperCase()} `),
      restore('le_3', c),
      restore('le_3', c), // the same row from an overlapping ledger export
      restore('le_4', b, 'adjustment'),
      restore('le_5', 'unrelated'),
    ];
    const report = appliedReport(batch!, ledger, { overdueDays: 3, now: new Date('2026-12-01T00:00:00Z') });
    expect(report.items.map((i) => [i.job_id, i.status, i.restore_entries, i.overdue])).toEqual([
      ['a', 'applied', ['le_1'], false],
      ['b', 'missing', [], true],
      ['c', 'applied_twice', ['le_2', 'le_3'], false],
    ]);
    expect(report.counts).toEqual({ applied: 1, missing: 1, applied_twice: 1 });
    const early = appliedReport(batch!, ledger, { overdueDays: 3, now: new Date('2026-11-27T00:00:00Z') });
    expect(early.items[1]!.overdue).toBe(false);
  });
});
