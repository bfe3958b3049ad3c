import { describe, expect, it } from 'vitest';
import { buildCreditbackBatch } from '@shared/export/build-batch';
import { serializeBatch } from '@shared/export/batch-format';
import { nextBatchId } from '@shared/export/batch-id';
import { sha256Hex, utf8 } from '@shared/signing/bytes';
import { CREATED_AT, SETTINGS_SHA, decision } from './fixtures';

const signer = { identity: 'ana@finance', key: 'SHA256:' + 'A'.repeat(43) };

function build(decisions = [decision()], extra: Partial<Parameters<typeof buildCreditbackBatch>[0]> = {}) {
  return buildCreditbackBatch({
    decisions,
    signer,
    policySettingsSha256: SETTINGS_SHA,
    exportedKeys: new Set(),
    previous: null,
    createdAt: CREATED_AT,
    ...extra,
  });
}

describe('the credit-back batch', () => {
  it('serializes in the spec key order, 2-space indent, trailing LF', async () => {
    const { batch } = await build();
    const text = serializeBatch(batch!);
    expect(text.endsWith('}\n')).toBe(true);
    expect(text).not.toContain('\r');
    const keyLines = text
      .split('\n')
      .filter((l) => /^ {2}"/.test(l))
      .map((l) => l.trim().split('"')[1]);
    expect(keyLines).toEqual([
      'format',
      'batch_id',
      'created_at',
      'signer',
      'previous_batch_sha256',
      'policy_settings_sha256',
      'items',
      'totals',
    ]);
    expect(text).toContain('\n    {\n      "idempotency_key": ');
    expect(text).toContain(
      '"approved_by": null,\n      "decided_at": "2026-11-25T20:11:09.000Z",\n      "rule": 9,',
    );
  });

  it('computes the idempotency key from the lower-cased email and job id', async () => {
    const { batch } = await build();
    expect(batch!.items[0]!.idempotency_key).toBe(
      await sha256Hex(utf8('creditback@1\nuser@example.com\njob_8f2')),
    );
  });

  it('keeps credit_back and rerun, sums credit_back credits only and counts reruns', async () => {
    const { batch, refused } = await build([
      decision(),
      decision({ requestId: 'REQ-2', jobId: 'job_2', outcome: 'rerun', credits: 25 }),
      decision({ requestId: 'REQ-3', jobId: 'job_3', outcome: 'deny_subjective' }),
      decision({ requestId: 'REQ-4', jobId: 'job_4', credits: 7 }),
    ]);
    expect(refused).toEqual([]);
    expect(batch!.items.map((i) => [i.request_id, i.remedy])).toEqual([
      ['REQ-1042', 'credit_back'],
      ['REQ-2', 'rerun'],
      ['REQ-4', 'credit_back'],
    ]);
    expect(batch!.totals).toEqual({ items: 3, credits: 47, reruns: 1 });
  });

  it('refuses four_eyes items without a distinct second reviewer', async () => {
    const { batch, refused } = await build([
      decision({ fourEyes: true }),
      decision({ requestId: 'REQ-2', jobId: 'job_2', fourEyes: true, approvedBy: 'ANA@finance ' }),
      decision({ requestId: 'REQ-3', jobId: 'job_3', fourEyes: true, approvedBy: 'bob@finance' }),
    ]);
    expect(refused.map((r) => [r.requestId, r.code])).toEqual([
      ['REQ-1042', 'four_eyes_unapproved'],
      ['REQ-2', 'four_eyes_unapproved'],
    ]);
    expect(refused[0]!.message).toMatch(/needs a second reviewer other than ana@finance/);
    expect(batch!.items.map((i) => [i.request_id, i.approved_by])).toEqual([['REQ-3', 'bob@finance']]);
  });

  it('refuses generations already exported, whatever the remedy, and a generation twice in one batch', async () => {
    const first = await build();
    const exportedKeys = new Set(first.batch!.items.map((i) => i.idempotency_key));
    const { batch, refused } = await build(
      [
        decision({ requestId: 'REQ-9', outcome: 'rerun', accountEmail: ' user@EXAMPLE.com' }),
        decision({ requestId: 'REQ-10', jobId: 'job_10' }),
        decision({ requestId: 'REQ-11', jobId: 'job_10' }),
      ],
      { exportedKeys },
    );
    expect(refused.map((r) => [r.requestId, r.code])).toEqual([
      ['REQ-9', 'already_exported'],
      ['REQ-11', 'twice_in_batch'],
    ]);
    expect(batch!.items.map((i) => i.request_id)).toEqual(['REQ-10']);
  });

  it('returns no batch when nothing can go out, and refuses invalid fields with the reason', async () => {
    const { batch, refused } = await build([
      decision({ credits: -3 }),
      decision({ requestId: 'R2', jobId: '' }),
    ]);
    expect(batch).toBeNull();
    expect(refused.map((r) => r.code)).toEqual(['invalid', 'invalid']);
    expect(refused[0]!.message).toMatch(/credits must be a whole number/);
  });

  it('chains to the previous batch by the SHA-256 of its bytes and numbers batches per day', async () => {
    const first = (await build()).batch!;
    const firstBytes = utf8(serializeBatch(first));
    const second = (
      await build([decision({ jobId: 'job_2' })], {
        previous: { bytes: firstBytes, batchId: first.batch_id },
      })
    ).batch!;
    expect(first.previous_batch_sha256).toBeNull();
    expect(first.batch_id).toBe('2026-11-25-0001');
    expect(second.batch_id).toBe('2026-11-25-0002');
    expect(second.previous_batch_sha256).toBe(await sha256Hex(firstBytes));
    expect(nextBatchId(new Date('2026-11-26T00:00:01Z'), '2026-11-25-0007')).toBe('2026-11-26-0001');
    expect(nextBatchId(new Date('2026-11-26T00:00:01Z'), '2026-11-26-0041')).toBe('2026-11-26-0042');
  });

  it('chains the same way from a stored hash of the previous batch as from its bytes', async () => {
    const first = (await build()).batch!;
    const sha256 = await sha256Hex(utf8(serializeBatch(first)));
    const second = (
      await build([decision({ jobId: 'job_2' })], { previous: { sha256, batchId: first.batch_id } })
    ).batch!;
    expect(second.batch_id).toBe('2026-11-25-0002');
    expect(second.previous_batch_sha256).toBe(sha256);
  });
});
