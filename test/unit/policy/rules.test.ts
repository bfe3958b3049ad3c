import { describe, expect, it } from 'vitest';
import { reconcileRecords, type SuggestOptions } from '@shared/policy/engine';
import { idempotencyKey } from '@shared/policy/idempotency';
import type { PolicyData } from '@shared/policy/indexes';
import { DEFAULT_SETTINGS } from '@shared/policy/settings';
import type { Suggestion } from '@shared/policy/types';
import { DAY, EMAIL, HOUR, MINUTE, T0, data, entry, job, outage, payment, request } from './builders';

async function suggest(
  parts: Partial<PolicyData>,
  options: SuggestOptions = {},
): Promise<Map<string, Suggestion>> {
  const list = await reconcileRecords(data(parts), DEFAULT_SETTINGS, options);
  return new Map(list.map((s) => [s.requestId, s]));
}

async function one(parts: Partial<PolicyData>, options: SuggestOptions = {}): Promise<Suggestion> {
  const all = await suggest(parts, options);
  expect(all.size).toBe(1);
  return [...all.values()][0] as Suggestion;
}

const platformJob = job({ jobId: 'job_a', creditsCharged: 40 });

describe('rule 1: legal terms', () => {
  it('escalates when the message has a legal term, before any job is picked', async () => {
    const s = await one({
      jobs: [platformJob],
      requests: [request({ requestId: 'R1', message: 'My LAWYER will call' })],
    });
    expect([s.outcome, s.rule, s.reason, s.jobId]).toEqual(['escalate_legal', 1, 'legal_terms', null]);
    expect(s.evidence.legalTerm).toBe('LAWYER');
  });
  it('reads error_details too, and multi-word terms across any white space', async () => {
    const s = await one({
      requests: [request({ requestId: 'R1', errorDetails: 'filed in small\nclaims', message: '' })],
    });
    expect(s.outcome).toBe('escalate_legal');
  });
  it('decides before an unknown account', async () => {
    const s = await one({
      requests: [request({ requestId: 'R1', accountEmail: 'who@nowhere.test', message: 'chargeback!' })],
    });
    expect(s.rule).toBe(1);
  });
  it('matches whole words only', async () => {
    const s = await one({
      jobs: [platformJob],
      requests: [request({ requestId: 'R1', message: 'thanks for the courtesy, no attorneys here' })],
    });
    expect(s.outcome).not.toBe('escalate_legal');
  });
});

describe('rule 2: unknown account', () => {
  it('asks for information when no job, ledger row or payment carries the email', async () => {
    const s = await one({
      jobs: [platformJob],
      requests: [request({ requestId: 'R1', accountEmail: 'x@nowhere.test' })],
    });
    expect([s.outcome, s.rule, s.reason, s.jobId]).toEqual(['needs_info', 2, 'unknown_account', null]);
  });
  it('knows an account from a payment alone, and goes on to rule 3', async () => {
    const s = await one({
      payments: [payment({ paymentId: 'ch_1' })],
      requests: [request({ requestId: 'R1' })],
    });
    expect([s.rule, s.reason]).toEqual([3, 'no_job_in_window']);
  });
  it('knows an account from a ledger row alone', async () => {
    const s = await one({
      ledger: [entry({ entryId: 'le_1', type: 'purchase', credits: 100 })],
      requests: [request({ requestId: 'R1' })],
    });
    expect(s.rule).toBe(3);
  });
});

describe('rule 3: pick the job', () => {
  const near = job({ jobId: 'job_near', createdAt: T0 + MINUTE });
  const quoted = job({ jobId: 'job_quoted', createdAt: T0 - 20 * DAY });
  it('takes the job_id column first, even outside the window', async () => {
    const s = await one({
      jobs: [near, quoted],
      requests: [request({ requestId: 'R1', jobId: 'job_quoted' })],
    });
    expect([s.jobId, s.evidence.pickedBy]).toEqual(['job_quoted', 'job_id_column']);
  });
  it('ignores a quoted job of another account', async () => {
    const other = job({ jobId: 'job_other', accountEmail: 'bo@example.com' });
    const s = await one({
      jobs: [near, other],
      requests: [request({ requestId: 'R1', jobId: 'job_other' })],
    });
    expect([s.jobId, s.evidence.pickedBy]).toEqual(['job_near', 'window']);
  });
  it('then a token of error_details, before one of the message', async () => {
    const second = job({ jobId: 'job-second', createdAt: T0 - 30 * DAY });
    const s = await one({
      jobs: [near, quoted, second],
      requests: [
        request({ requestId: 'R1', errorDetails: 'failed: job-second.', message: 'see job_quoted' }),
      ],
    });
    expect([s.jobId, s.evidence.pickedBy]).toEqual(['job-second', 'text_token']);
  });
  it('in the window, ranks a job without usable output before a closer delivered one', async () => {
    const delivered = job({
      jobId: 'job_ok',
      createdAt: T0,
      status: 'succeeded',
      delivered: true,
      errorCode: '',
    });
    const failed = job({ jobId: 'job_bad', createdAt: T0 + 5 * HOUR });
    const s = await one({ jobs: [delivered, failed], requests: [request({ requestId: 'R1' })] });
    expect(s.jobId).toBe('job_bad');
    expect(s.evidence.candidates.map((c) => [c.jobId, c.usableOutput, c.distanceMs, c.rank])).toEqual([
      ['job_bad', false, 5 * HOUR, 1],
      ['job_ok', true, 0, 2],
    ]);
  });
  it('then the smallest |created_at − t|, on either side', async () => {
    const before = job({ jobId: 'job_b', createdAt: T0 - 2 * HOUR });
    const after = job({ jobId: 'job_a', createdAt: T0 + 3 * HOUR });
    const s = await one({ jobs: [after, before], requests: [request({ requestId: 'R1' })] });
    expect(s.jobId).toBe('job_b');
  });
  it('then the job whose error code the text mentions, case-insensitively', async () => {
    const a = job({ jobId: 'job_a', createdAt: T0 - HOUR, errorCode: 'GPU_OOM' });
    const b = job({ jobId: 'job_b', createdAt: T0 + HOUR, errorCode: 'NODE_PREEMPTED' });
    const s = await one({
      jobs: [a, b],
      requests: [request({ requestId: 'R1', errorDetails: 'node_preempted' })],
    });
    expect(s.jobId).toBe('job_b');
    expect(s.evidence.candidates.find((c) => c.jobId === 'job_b')?.codeMentioned).toBe(true);
  });
  it('then job_id ascending', async () => {
    const a = job({ jobId: 'job_b', createdAt: T0 + HOUR });
    const b = job({ jobId: 'job_a', createdAt: T0 - HOUR });
    const s = await one({ jobs: [a, b], requests: [request({ requestId: 'R1' })] });
    expect(s.jobId).toBe('job_a');
  });
  it('uses a window of t ± 6 h with both ends included', async () => {
    const edge = job({ jobId: 'job_edge', createdAt: T0 + 6 * HOUR });
    const s = await one({ jobs: [edge], requests: [request({ requestId: 'R1' })] });
    expect(s.jobId).toBe('job_edge');
    const outside = job({ jobId: 'job_out', createdAt: T0 - 6 * HOUR - 1 });
    const t = await one({ jobs: [outside], requests: [request({ requestId: 'R1' })] });
    expect([t.outcome, t.rule, t.reason, t.jobId]).toEqual(['needs_info', 3, 'no_job_in_window', null]);
  });
  it('uses received_at when the approximate time is empty', async () => {
    const j = job({ jobId: 'job_r', createdAt: T0 + DAY - 2 * HOUR });
    const s = await one({
      jobs: [j],
      requests: [request({ requestId: 'R1', approx: null, receivedAt: T0 + DAY })],
    });
    expect(s.jobId).toBe('job_r');
    expect(s.evidence.window?.fromReceivedAt).toBe(true);
  });
  it('widens a date-only day by 6 h on each side and ranks from its 12:00', async () => {
    // The day 2026-03-10 in Tokyo (UTC+9): [03-09T15:00Z, 03-10T15:00Z); noon = 03-10T03:00Z.
    const dayStart = Date.UTC(2026, 2, 9, 15);
    const approx = { t: dayStart + 12 * HOUR, dateOnly: true, dayStart, dayEnd: dayStart + DAY };
    const early = job({ jobId: 'job_early', createdAt: dayStart - 6 * HOUR });
    const late = job({ jobId: 'job_late', createdAt: dayStart + DAY + 6 * HOUR - 1 });
    const tooEarly = job({ jobId: 'job_too_early', createdAt: dayStart - 6 * HOUR - 1 });
    const tooLate = job({ jobId: 'job_too_late', createdAt: dayStart + DAY + 6 * HOUR });
    const s = await one({
      jobs: [early, late, tooLate, tooEarly],
      requests: [request({ requestId: 'R1', approx, timezone: 'Asia/Tokyo' })],
    });
    // 18 h − 1 ms from noon beats 18 h.
    expect(s.evidence.candidates.map((c) => [c.jobId, c.distanceMs])).toEqual([
      ['job_late', 18 * HOUR - 1],
      ['job_early', 18 * HOUR],
    ]);
    expect(s.jobId).toBe('job_late');
  });
  it('takes a job a reviewer re-picked, and recomputes', async () => {
    const other = job({
      jobId: 'job_other',
      createdAt: T0 + HOUR,
      status: 'succeeded',
      delivered: true,
      errorCode: '',
    });
    const s = await one(
      { jobs: [near, other], requests: [request({ requestId: 'R1' })] },
      { forcedJobIds: new Map([['R1', 'job_other']]) },
    );
    expect([s.jobId, s.evidence.pickedBy, s.outcome]).toEqual(['job_other', 'reviewer', 'deny_subjective']);
  });
});

describe('rule 4: billing error', () => {
  it('two or more deductions: credits are all but the largest', async () => {
    const ledger = [
      entry({ entryId: 'le_1', jobId: 'job_a', credits: -10 }),
      entry({ entryId: 'le_2', jobId: 'job_a', credits: -10 }),
      entry({ entryId: 'le_3', jobId: 'job_a', credits: -5 }),
    ];
    const s = await one({ jobs: [platformJob], ledger, requests: [request({ requestId: 'R1' })] });
    expect([s.outcome, s.rule, s.reason, s.credits, s.jobId]).toEqual([
      'billing_error_review',
      4,
      'double_deduction',
      15,
      'job_a',
    ]);
    expect(s.evidence.ledgerEntryIds).toEqual(['le_1', 'le_2', 'le_3']);
  });
  const pair = [
    payment({ paymentId: 'ch_1', createdAt: T0 - DAY }),
    payment({ paymentId: 'ch_2', createdAt: T0 - DAY + 10 * MINUTE }),
  ];
  it('a refund request with two equal Paid payments within 10 minutes: the later amount', async () => {
    const s = await one({
      jobs: [platformJob],
      payments: pair,
      requests: [request({ requestId: 'R1', requestedRemedy: 'refund' })],
    });
    expect([s.outcome, s.rule, s.reason, s.amountMinor, s.currency, s.credits]).toEqual([
      'billing_error_review',
      4,
      'duplicate_payment',
      1500,
      'USD',
      null,
    ]);
    expect(s.evidence.duplicatePaymentIds).toEqual(['ch_1', 'ch_2']);
  });
  it('only for a refund request', async () => {
    const s = await one({ jobs: [platformJob], payments: pair, requests: [request({ requestId: 'R1' })] });
    expect(s.outcome).toBe('credit_back');
  });
  it('not when one was refunded, the amounts or currencies differ, or they are 10 minutes apart', async () => {
    const refund = (payments: typeof pair) =>
      one({
        jobs: [platformJob],
        payments,
        requests: [request({ requestId: 'R1', requestedRemedy: 'refund' })],
      });
    const [a, b] = pair as [(typeof pair)[0], (typeof pair)[0]];
    expect((await refund([a, { ...b, amountRefundedMinor: 1500, status: 'Refunded' }])).rule).not.toBe(4);
    expect((await refund([a, { ...b, amountMinor: 4900 }])).rule).not.toBe(4);
    expect((await refund([a, { ...b, currency: 'EUR' }])).rule).not.toBe(4);
    expect((await refund([a, { ...b, createdAt: b.createdAt + 1 }])).rule).not.toBe(4);
    expect((await refund([a, { ...b, status: 'Failed' }])).rule).not.toBe(4);
    expect((await refund([a, { ...b, status: 'succeeded' }])).rule).toBe(4);
  });
});

describe('rule 5: usable output', () => {
  it('denies a delivered success', async () => {
    const ok = job({ jobId: 'job_ok', status: 'succeeded', delivered: true, errorCode: '' });
    const s = await one({ jobs: [ok], requests: [request({ requestId: 'R1' })] });
    expect([s.outcome, s.rule, s.reason, s.credits]).toEqual([
      'deny_subjective',
      5,
      'output_delivered',
      null,
    ]);
  });
  it('a success with output_delivered false did not deliver', async () => {
    const lost = job({
      jobId: 'job_lost',
      status: 'succeeded',
      delivered: false,
      errorCode: 'DELIVERY_FAILED',
    });
    const s = await one({ jobs: [lost], requests: [request({ requestId: 'R1' })] });
    expect([s.outcome, s.rule]).toEqual(['credit_back', 9]);
  });
});

describe('rule 6: cause', () => {
  const run = async (overrides: Parameters<typeof job>[0], outages = [] as ReturnType<typeof outage>[]) =>
    one({ jobs: [job(overrides)], outages, requests: [request({ requestId: 'R1' })] });
  it('a queued or running job is not finished', async () => {
    for (const status of ['queued', 'running'] as const) {
      const s = await run({ jobId: 'j', status, errorCode: '' });
      expect([s.outcome, s.rule, s.reason]).toEqual(['needs_info', 6, 'job_not_finished']);
    }
  });
  it('a customer code denies, case-insensitively', async () => {
    const s = await run({ jobId: 'j', errorCode: 'invalid_input' });
    expect([s.outcome, s.rule, s.reason, s.evidence.errorClass, s.evidence.errorClassBy]).toEqual([
      'deny_user_error',
      6,
      'customer_error',
      'customer',
      'code_table',
    ]);
  });
  it('a platform code is platform', async () => {
    const s = await run({ jobId: 'j', errorCode: 'WORKER_CRASH' });
    expect([s.outcome, s.evidence.errorClass, s.evidence.errorClassBy]).toEqual([
      'credit_back',
      'platform',
      'code_table',
    ]);
  });
  it('with no code, the message patterns decide', async () => {
    const p = await run({ jobId: 'j', errorCode: '', errorMessage: 'CUDA error: device lost' });
    expect([p.outcome, p.evidence.errorClassBy]).toEqual(['credit_back', 'message_pattern']);
    const c = await run({ jobId: 'j', errorCode: '', errorMessage: 'blocked by the NSFW filter' });
    expect([c.outcome, c.evidence.errorClassBy]).toEqual(['deny_user_error', 'message_pattern']);
    const u = await run({ jobId: 'j', errorCode: '', errorMessage: 'something went wrong' });
    expect([u.outcome, u.reason, u.evidence.errorClassBy]).toEqual([
      'needs_info',
      'cause_unverified',
      'none',
    ]);
  });
  it('timed_out and aborted are platform', async () => {
    for (const status of ['timed_out', 'aborted'] as const) {
      const s = await run({ jobId: 'j', status, errorCode: '' });
      expect([s.outcome, s.evidence.errorClassBy]).toEqual(['credit_back', 'status']);
    }
  });
  it('an unknown cause is platform when an outage listing the component or model overlaps the run', async () => {
    const unknown = { jobId: 'j', errorCode: '', completedAt: T0 + 10 * MINUTE };
    const byComponent = await run(unknown, [outage({ incidentId: 'INC-1', components: ['Render'] })]);
    expect([byComponent.outcome, byComponent.evidence.errorClassBy, byComponent.flags]).toEqual([
      'credit_back',
      'outage',
      ['outage'],
    ]);
    expect(byComponent.evidence.outageIds).toEqual(['INC-1']);
    const byModel = await run(unknown, [
      outage({ incidentId: 'INC-1', components: ['queue', 'vy-motion-2'] }),
    ]);
    expect(byModel.outcome).toBe('credit_back');
    const listsNone = await run(unknown, [outage({ incidentId: 'INC-1', components: [] })]);
    expect(listsNone.outcome).toBe('credit_back');
    const elsewhere = await run(unknown, [outage({ incidentId: 'INC-1', components: ['storage'] })]);
    expect([elsewhere.outcome, elsewhere.reason, elsewhere.flags]).toEqual([
      'needs_info',
      'cause_unverified',
      [],
    ]);
    const later = await run(unknown, [
      outage({ incidentId: 'INC-1', startedAt: T0 + 11 * MINUTE, resolvedAt: T0 + HOUR }),
    ]);
    expect(later.reason).toBe('cause_unverified');
    const touching = await run(unknown, [
      outage({ incidentId: 'INC-1', startedAt: T0 + 10 * MINUTE, resolvedAt: T0 + HOUR }),
    ]);
    expect(touching.outcome).toBe('credit_back');
  });
  it('an open outage runs until the newest timestamp in the data', async () => {
    const open = outage({ incidentId: 'INC-1', startedAt: T0 - 2 * DAY, resolvedAt: null });
    const s = await run({ jobId: 'j', errorCode: '' }, [open]);
    expect(s.outcome).toBe('credit_back');
  });
  it('a canceled job with an unknown cause is the customer’s doing', async () => {
    const s = await run({ jobId: 'j', status: 'canceled', errorCode: '' });
    expect([s.outcome, s.reason]).toEqual(['deny_user_error', 'customer_error']);
  });
});

describe('rule 7: already compensated', () => {
  it('a restore row in the ledger', async () => {
    const ledger = [
      entry({ entryId: 'le_1', jobId: 'job_a' }),
      entry({ entryId: 'le_2', jobId: 'job_a', type: 'restore', credits: 10 }),
    ];
    const s = await one({ jobs: [platformJob], ledger, requests: [request({ requestId: 'R1' })] });
    expect([s.outcome, s.rule, s.reason]).toEqual(['deny_duplicate', 7, 'already_restored']);
  });
  it('a job in an exported batch, by (account, job) or by idempotency key', async () => {
    const parts = { jobs: [platformJob], requests: [request({ requestId: 'R1' })] };
    const byPair = await one(parts, {
      exportedJobs: [{ accountEmail: EMAIL.toUpperCase(), jobId: 'job_a' }],
    });
    expect([byPair.outcome, byPair.reason]).toEqual(['deny_duplicate', 'already_exported']);
    const byKey = await one(parts, { exportedIdempotencyKeys: [await idempotencyKey(EMAIL, 'job_a')] });
    expect(byKey.reason).toBe('already_exported');
    const otherKey = await one(parts, { exportedIdempotencyKeys: [await idempotencyKey(EMAIL, 'job_b')] });
    expect(otherKey.outcome).toBe('credit_back');
  });
  it('a proactive credit-back for the job', async () => {
    const s = await one(
      { jobs: [platformJob], requests: [request({ requestId: 'R1' })] },
      { proactiveCredits: [{ accountEmail: EMAIL, jobId: 'job_a' }] },
    );
    expect([s.outcome, s.rule, s.reason]).toEqual(['deny_duplicate', 7, 'proactive_credit_back']);
  });
  it('an earlier request by received_at, whatever the file order', async () => {
    const late = request({ requestId: 'R0', receivedAt: T0 + 2 * DAY, jobId: 'job_a' });
    const early = request({ requestId: 'R9', receivedAt: T0 + DAY, jobId: 'job_a' });
    const all = await suggest({ jobs: [platformJob], requests: [late, early] });
    expect(all.get('R9')?.outcome).toBe('credit_back');
    expect([all.get('R0')?.outcome, all.get('R0')?.reason, all.get('R0')?.evidence.earlierRequestId]).toEqual(
      ['deny_duplicate', 'earlier_request', 'R9'],
    );
  });
  it('then request_id when received at the same instant', async () => {
    const all = await suggest({
      jobs: [platformJob],
      requests: [request({ requestId: 'R2', jobId: 'job_a' }), request({ requestId: 'R1', jobId: 'job_a' })],
    });
    expect([all.get('R1')?.outcome, all.get('R2')?.reason]).toEqual(['credit_back', 'earlier_request']);
  });
  it('a rerun counts as compensation; a denial does not', async () => {
    const all = await suggest({
      jobs: [platformJob],
      requests: [
        request({ requestId: 'R1', receivedAt: T0 + DAY, requestedRemedy: 'rerun' }),
        request({ requestId: 'R2', receivedAt: T0 + 2 * DAY }),
      ],
    });
    expect([all.get('R1')?.outcome, all.get('R2')?.reason]).toEqual(['rerun', 'earlier_request']);
    const none = await suggest({
      jobs: [job({ jobId: 'job_a', creditsCharged: 0 })],
      requests: [
        request({ requestId: 'R1', receivedAt: T0 + DAY }),
        request({ requestId: 'R2', receivedAt: T0 + 2 * DAY }),
      ],
    });
    expect([none.get('R1')?.reason, none.get('R2')?.reason]).toEqual(['no_charge', 'no_charge']);
  });
});

describe('rule 8: nothing charged', () => {
  it('credits_charged 0 and no ledger row', async () => {
    const s = await one({
      jobs: [job({ jobId: 'j', creditsCharged: 0 })],
      requests: [request({ requestId: 'R1' })],
    });
    expect([s.outcome, s.rule, s.reason, s.credits]).toEqual(['deny_no_charge', 8, 'no_charge', null]);
  });
  it('the ledger, when it has a row for the job, overrides the job log', async () => {
    const ledger = [entry({ entryId: 'le_1', jobId: 'j', type: 'adjustment', credits: 0 })];
    const s = await one({
      jobs: [job({ jobId: 'j', creditsCharged: 40 })],
      ledger,
      requests: [request({ requestId: 'R1' })],
    });
    expect(s.outcome).toBe('deny_no_charge');
  });
});

describe('rule 9: remedy', () => {
  it('credit_back restores the charged credits from the ledger', async () => {
    const ledger = [entry({ entryId: 'le_1', jobId: 'job_a', credits: -25 })];
    const s = await one({ jobs: [platformJob], ledger, requests: [request({ requestId: 'R1' })] });
    expect([s.outcome, s.rule, s.reason, s.credits, s.jobId]).toEqual([
      'credit_back',
      9,
      'platform_failure',
      25,
      'job_a',
    ]);
  });
  it('rerun when asked for; a refund request without a billing error gets credit_back', async () => {
    const rerun = await one({
      jobs: [platformJob],
      requests: [request({ requestId: 'R1', requestedRemedy: 'rerun' })],
    });
    expect([rerun.outcome, rerun.credits]).toEqual(['rerun', 40]);
    const refund = await one({
      jobs: [platformJob],
      requests: [request({ requestId: 'R1', requestedRemedy: 'refund' })],
    });
    expect(refund.outcome).toBe('credit_back');
  });
});

describe('flags', () => {
  it('repeat_requester: 3 requests within 30 days puts the flag on every request of the account', async () => {
    const requests = [0, 15, 30, 90].map((d, i) =>
      request({ requestId: `R${i}`, receivedAt: T0 + d * DAY, message: 'Not happy' }),
    );
    const all = await suggest({ jobs: [platformJob], requests });
    for (const s of all.values()) expect(s.flags).toContain('repeat_requester');
  });
  it('not when the three span more than 30 days', async () => {
    const requests = [0, 15, 30].map((d, i) =>
      request({ requestId: `R${i}`, receivedAt: T0 + d * DAY + (i === 2 ? 1 : 0) }),
    );
    const all = await suggest({ jobs: [platformJob], requests });
    for (const s of all.values()) expect(s.flags).not.toContain('repeat_requester');
  });
  it('four_eyes: credit_back or rerun above 500 credits, not at 500', async () => {
    const big = await one({
      jobs: [job({ jobId: 'j', creditsCharged: 501 })],
      requests: [request({ requestId: 'R1' })],
    });
    expect(big.flags).toEqual(['four_eyes']);
    const edge = await one({
      jobs: [job({ jobId: 'j', creditsCharged: 500 })],
      requests: [request({ requestId: 'R1' })],
    });
    expect(edge.flags).toEqual([]);
  });
  it('four_eyes for a repeat requester’s credit back, in the listed order', async () => {
    const jobs = [0, 1, 2].map((i) =>
      job({ jobId: `j${i}`, createdAt: T0 + i * DAY, completedAt: T0 + i * DAY + MINUTE }),
    );
    const requests = [0, 1, 2].map((i) =>
      request({ requestId: `R${i}`, jobId: `j${i}`, receivedAt: T0 + (i + 1) * DAY, approx: null }),
    );
    const all = await suggest({
      jobs,
      requests,
      outages: [outage({ incidentId: 'INC', startedAt: T0, resolvedAt: T0 + MINUTE })],
    });
    expect(all.get('R0')?.flags).toEqual(['repeat_requester', 'outage', 'four_eyes']);
    expect(all.get('R1')?.flags).toEqual(['repeat_requester', 'four_eyes']);
  });
  it('no four_eyes on a denial', async () => {
    const s = await one({
      jobs: [job({ jobId: 'j', creditsCharged: 900, errorCode: 'INVALID_INPUT' })],
      requests: [request({ requestId: 'R1' })],
    });
    expect(s.flags).toEqual([]);
  });
});
