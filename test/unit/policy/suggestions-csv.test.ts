import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { reconcileRecords } from '@shared/policy/engine';
import { expandEvidence } from '@shared/policy/evidence';
import { idempotencyKey } from '@shared/policy/idempotency';
import { buildIndexes } from '@shared/policy/indexes';
import { formatMajorUnits } from '@shared/policy/money';
import { csvField, outcomeSummary, suggestionsCsv } from '@shared/policy/suggestions-csv';
import { POLICY_CLAUSES, plainLanguage } from '@shared/policy/clauses';
import { OUTCOMES, REASONS, type Suggestion } from '@shared/policy/types';
import { DAY, MINUTE, T0, data, entry, job, outage, payment, request } from './builders';

const base: Suggestion = {
  requestId: 'R1',
  outcome: 'billing_error_review',
  jobId: 'job_1',
  credits: null,
  amountMinor: 1500,
  currency: 'usd',
  rule: 4,
  reason: 'duplicate_payment',
  flags: ['repeat_requester', 'four_eyes'],
  settingsSha256: '0'.repeat(64),
  evidence: {
    legalTerm: null,
    window: null,
    pickedBy: 'window',
    candidates: [],
    ledgerEntryIds: [],
    paymentIds: [],
    duplicatePaymentIds: null,
    outageIds: [],
    errorClass: null,
    errorClassBy: null,
    chargedCredits: null,
    earlierRequestId: null,
  },
};

describe('the suggestions file', () => {
  it('has the header, major units, an upper-case currency, joined flags, LF and a final LF', () => {
    expect(suggestionsCsv([base])).toBe(
      'request_id,outcome,job_id,credits,amount,currency,reason,flags,rule\n' +
        'R1,billing_error_review,job_1,,15.00,USD,duplicate_payment,repeat_requester;four_eyes,4\n',
    );
  });
  it('quotes fields with commas, quotes and line breaks', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('plain')).toBe('plain');
    expect(
      suggestionsCsv([{ ...base, requestId: 'R,1' }])
        .split('\n')[1]
        ?.startsWith('"R,1",'),
    ).toBe(true);
  });
  it('formats minor units exactly', () => {
    expect(formatMajorUnits(1500, 'USD')).toBe('15.00');
    expect(formatMajorUnits(5, 'EUR')).toBe('0.05');
    expect(formatMajorUnits(4900, 'usd')).toBe('49.00');
    expect(formatMajorUnits(1500, 'JPY')).toBe('1500');
    expect(formatMajorUnits(1500, 'KWD')).toBe('1.500');
  });
  it('summarizes outcomes on one line', () => {
    const line = outcomeSummary([
      base,
      { ...base, outcome: 'credit_back' },
      { ...base, outcome: 'credit_back' },
    ]);
    expect(line).toBe('3 requests: credit_back 2, billing_error_review 1');
  });
});

describe('idempotency key', () => {
  it('is SHA-256 of creditback@1, the lower-cased email and the job id', async () => {
    const expected = createHash('sha256')
      .update('creditback@1\nuser@example.com\njob_8f2', 'utf8')
      .digest('hex');
    expect(await idempotencyKey('  User@Example.COM ', 'job_8f2')).toBe(expected);
  });
});

describe('clauses and plain language', () => {
  it('has a clause per outcome and a sentence per reason', () => {
    for (const outcome of OUTCOMES) expect(POLICY_CLAUSES[outcome].text.length).toBeGreaterThan(40);
    for (const reason of REASONS) expect(plainLanguage(reason, { credits: 40 })).toMatch(/\.$/);
    expect(plainLanguage('platform_failure', { credits: 40 })).toContain('40 credits');
  });
});

describe('evidence', () => {
  it('stays ids and factors, and expands to the records for one request', async () => {
    const records = data({
      jobs: [
        job({ jobId: 'job_a', createdAt: T0, errorCode: '' }),
        job({
          jobId: 'job_b',
          createdAt: T0 + 3 * 60 * MINUTE,
          status: 'succeeded',
          delivered: true,
          errorCode: '',
        }),
      ],
      ledger: [entry({ entryId: 'le_1', jobId: 'job_a' }), entry({ entryId: 'le_2', jobId: 'job_b' })],
      payments: [payment({ paymentId: 'ch_1' }), payment({ paymentId: 'ch_2', createdAt: T0 - 3 * DAY })],
      outages: [
        outage({ incidentId: 'INC-1', components: ['render'] }),
        outage({ incidentId: 'INC-2', components: ['queue'] }),
      ],
      requests: [request({ requestId: 'R1' })],
    });
    const [s] = await reconcileRecords(records);
    expect(s?.outcome).toBe('credit_back');
    expect(s?.evidence.errorClassBy).toBe('outage');
    expect(JSON.stringify(s).length).toBeLessThan(1500);
    const expanded = expandEvidence(buildIndexes(records), s as Suggestion);
    expect(expanded.pickedJob?.jobId).toBe('job_a');
    expect(expanded.candidates.map((c) => [c.job.jobId, c.picked, c.factors.rank])).toEqual([
      ['job_a', true, 1],
      ['job_b', false, 2],
    ]);
    expect(expanded.ledgerEntries.map((e) => e.entryId)).toEqual(['le_1']);
    expect(expanded.payments.map((p) => p.paymentId)).toEqual(['ch_2', 'ch_1']);
    expect(expanded.outages.map((o) => o.incidentId)).toEqual(['INC-1']);
  });
});
