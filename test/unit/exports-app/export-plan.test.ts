import { describe, expect, it } from 'vitest';
import { idempotencyKey } from '@shared/policy/idempotency';
import type { ExportedItemRow } from '../../../renderer/data/export-records';
import {
  alreadyExportedReason,
  exportCandidates,
  planBatch,
  toExportable,
} from '../../../renderer/features/exports/export-plan';
import { utf8 } from '@shared/signing';
import { decision } from './decisions';

const signer = { identity: 'ana@finance', key: `SHA256:${'A'.repeat(43)}` };
const createdAt = new Date('2026-11-26T09:00:00.000Z');

function plan(
  decisions: ReturnType<typeof decision>[],
  exported: ExportedItemRow[] = [],
  extra: Partial<Parameters<typeof planBatch>[0]> = {},
) {
  return planBatch({
    decisions,
    exported: new Map(exported.map((row) => [row.idempotencyKey, row])),
    signer,
    previous: null,
    createdAt,
    ...extra,
  });
}

describe('the next batch, planned from stored decisions', () => {
  it('takes approved credit-backs and re-runs, counts credits of credit-backs only', async () => {
    const { plan: p, batch } = await plan([
      decision({ requestId: 'R1', credits: 40 }),
      decision({ requestId: 'R2', outcome: 'rerun', credits: 25, reason: 'quality_rerun', rule: 5 }),
      decision({ requestId: 'R3', outcome: 'deny_no_charge', credits: null }),
      decision({ requestId: 'R4', state: 'exported', batchId: '2026-11-25-0001' }),
    ]);
    expect(p.items.map((i) => i.request_id)).toEqual(['R1', 'R2']);
    expect(p.totals).toEqual({ items: 2, credits: 40, reruns: 1 });
    expect(batch?.signer).toEqual(signer);
    expect(batch?.policy_settings_sha256).toBe('a'.repeat(64));
    expect(batch?.batch_id).toBe('2026-11-26-0001');
  });

  it('lists a four_eyes decision without a second reviewer as blocked, with the reason', async () => {
    const { plan: p } = await plan([
      decision({ requestId: 'R1', flags: ['four_eyes'], state: 'decided', credits: 900 }),
      decision({ requestId: 'R2', flags: ['four_eyes'], approvedBy: 'ben@finance', credits: 900 }),
    ]);
    expect(p.items.map((i) => i.request_id)).toEqual(['R2']);
    expect(p.items[0]!.approved_by).toBe('ben@finance');
    expect(p.blocked).toHaveLength(1);
    expect(p.blocked[0]!.requestId).toBe('R1');
    expect(p.blocked[0]!.message).toMatch(/second reviewer other than ana@finance/);
  });

  it('never plans a generation already exported, by any request, and says where it went', async () => {
    const key = await idempotencyKey('R1@example.com', 'job_R1');
    const earlier: ExportedItemRow = {
      idempotencyKey: key,
      batchId: '2026-11-20-0001',
      requestId: 'R0',
      accountEmail: 'r1@example.com',
      jobId: 'job_R1',
      remedy: 'credit_back',
      credits: 10,
      exportedBy: 'ben@finance',
      exportedAt: '2026-11-20T12:00:00.000Z',
    };
    const { plan: p, batch } = await plan([decision({ requestId: 'R1' })], [earlier]);
    expect(batch).toBeNull();
    expect(p.items).toEqual([]);
    expect(p.alreadyExported).toHaveLength(1);
    expect(alreadyExportedReason(p.alreadyExported[0]!)).toBe(
      'Job job_R1 was already exported through request R0 in batch 2026-11-20-0001 by ben@finance on 2026-11-20: a generation is compensated once, by any batch or reviewer.',
    );
  });

  it('keeps two requests for one generation out of the same batch', async () => {
    const { plan: p } = await plan([
      decision({ requestId: 'R1', accountEmail: 'x@example.com', jobId: 'job_1' }),
      decision({
        requestId: 'R2',
        accountEmail: 'X@Example.com',
        jobId: 'job_1',
        decidedAt: '2026-11-25T11:00:00.000Z',
      }),
    ]);
    expect(p.items.map((i) => i.request_id)).toEqual(['R1']);
    expect(p.invalid.map((r) => [r.requestId, r.code])).toEqual([['R2', 'twice_in_batch']]);
  });

  it('gives an override the rule of the suggestion it overrode', async () => {
    const override = decision({
      requestId: 'R1',
      rule: null,
      reason: 'reviewer_override',
      suggestedOutcome: 'deny_subjective',
    });
    expect(toExportable(override).rule).toBe(0);
    const without = await plan([override]);
    expect(without.plan.invalid[0]!.message).toMatch(/rule must be 1 to 9/);
    const { plan: p } = await plan([override], [], { suggestedRules: new Map([['R1', 3]]) });
    expect(p.items[0]).toMatchObject({ rule: 3, reason: 'reviewer_override' });
  });

  it('puts decisions made under other settings in a later batch of their own', async () => {
    const { plan: p, batch } = await plan([
      decision({ requestId: 'R1', decidedAt: '2026-11-25T09:00:00.000Z' }),
      decision({ requestId: 'R2', settingsSha256: 'b'.repeat(64) }),
    ]);
    expect(p.items.map((i) => i.request_id)).toEqual(['R1']);
    expect(p.deferred.map((d) => d.requestId)).toEqual(['R2']);
    expect(batch?.policy_settings_sha256).toBe('a'.repeat(64));
  });

  it('chains to the previous batch and numbers within the day', async () => {
    const previousText = '{"batch":"previous"}\n';
    const { batch } = await plan([decision({ requestId: 'R1' })], [], {
      previous: { bytes: utf8(previousText), batchId: '2026-11-26-0003' },
    });
    expect(batch?.batch_id).toBe('2026-11-26-0004');
    expect(batch?.previous_batch_sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('orders candidates by decision time, then request id', () => {
    const picked = exportCandidates([
      decision({ requestId: 'B', decidedAt: '2026-11-25T10:00:00.000Z' }),
      decision({ requestId: 'A', decidedAt: '2026-11-25T10:00:00.000Z' }),
      decision({ requestId: 'C', decidedAt: '2026-11-24T10:00:00.000Z' }),
    ]);
    expect(picked.map((d) => d.requestId)).toEqual(['C', 'A', 'B']);
  });
});
