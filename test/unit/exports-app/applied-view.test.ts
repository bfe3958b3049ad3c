import { describe, expect, it } from 'vitest';
import { appliedByBatch, restoreGroups } from '../../../renderer/features/exports/applied-view';
import { groupKey } from '../../../renderer/data/row-blocks';
import type { LedgerEntry } from '@shared/domain/records';
import { buildCreditbackBatch } from '@shared/export';

const signer = { identity: 'ana@finance', key: `SHA256:${'A'.repeat(43)}` };

async function batchOf(jobs: string[], createdAt: string) {
  const built = await buildCreditbackBatch({
    decisions: jobs.map((job, i) => ({
      requestId: `R-${job}`,
      outcome: i % 2 ? 'rerun' : 'credit_back',
      accountEmail: 'ana@example.com',
      jobId: job,
      credits: 10,
      decidedBy: 'ana@finance',
      approvedBy: null,
      decidedAt: createdAt,
      rule: 9,
      reason: 'platform_failure',
      fourEyes: false,
    })),
    signer,
    policySettingsSha256: 'a'.repeat(64),
    exportedKeys: new Set(),
    previous: null,
    createdAt: new Date(createdAt),
  });
  return built.batch!;
}

function restore(entryId: string, reference: string): LedgerEntry {
  return {
    entryId,
    accountEmail: 'ana@example.com',
    createdAt: 0,
    type: 'restore',
    credits: 10,
    jobId: '',
    amountMinor: null,
    currency: '',
    reference,
    description: '',
  };
}

describe('the applied loop on the Exports page', () => {
  it('reads each item by its account and by its job, once per group', () => {
    const groups = restoreGroups(
      [
        { account_email: 'a@x.test', job_id: 'j1' },
        { account_email: 'a@x.test', job_id: 'j2' },
      ],
      groupKey,
    );
    expect(groups).toContain(groupKey.ledgerByAccount('a@x.test'));
    expect(groups).toContain(groupKey.ledgerByJob('j1'));
    expect(groups).toContain(groupKey.ledgerByJob('j2'));
    expect(new Set(groups).size).toBe(groups.length);
  });

  it('counts applied, missing and applied twice per batch, and flags overdue missing items', async () => {
    const first = await batchOf(['j1', 'j2', 'j3'], '2026-11-01T10:00:00.000Z');
    const second = await batchOf(['j4', 'j5'], '2026-11-24T10:00:00.000Z');
    const [k1, k2] = first.items.map((i) => i.idempotency_key);
    const [k4] = second.items.map((i) => i.idempotency_key);
    const restores = [
      restore('le_1', k1!),
      restore('le_1', k1!), // the same row read from two groups
      restore('le_2', k2!.toUpperCase()),
      restore('le_3', k2!),
      restore('le_4', k4!),
    ];
    const reports = appliedByBatch([first, second], restores, {
      overdueDays: 7,
      now: new Date('2026-11-26T10:00:00.000Z'),
    });
    expect(reports.get(first.batch_id)!.report.counts).toEqual({ applied: 1, missing: 1, applied_twice: 1 });
    expect(reports.get(first.batch_id)!.overdue).toBe(1);
    expect(reports.get(second.batch_id)!.report.counts).toEqual({ applied: 1, missing: 1, applied_twice: 0 });
    expect(reports.get(second.batch_id)!.overdue).toBe(0);
    const none = appliedByBatch([first], [], { overdueDays: null, now: new Date('2030-01-01') });
    expect(none.get(first.batch_id)!.overdue).toBe(0);
  });
});
