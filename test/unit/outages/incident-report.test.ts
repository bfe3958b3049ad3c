import { describe, expect, it } from 'vitest';
import type { LedgerEntry } from '@shared/domain/records';
import {
  incidentReport,
  incidentSpan,
  proactiveDecisions,
  proactiveRequestId,
  selectAffectedJobs,
  summarizeProactive,
  type CompensationFacts,
  type RequestOnJob,
} from '@shared/outages';
import { compileSettings } from '@shared/policy/compiled-settings';
import { DEFAULT_SETTINGS } from '@shared/policy/settings';
import type { Decision } from '@shared/review/decision';
import { MINUTE, T0, entry, job, outage } from './builders';

const compiled = compileSettings(DEFAULT_SETTINGS);
const span = incidentSpan(outage({ incidentId: 'INC-7', title: 'GPU pool down' }), T0);

const jobs = [
  job({ jobId: 'j-open', accountEmail: 'bo@x.test', createdAt: T0 + MINUTE, creditsCharged: 40 }),
  job({ jobId: 'j-ledger', accountEmail: 'bo@x.test', createdAt: T0 + 2 * MINUTE, creditsCharged: 5 }),
  job({ jobId: 'j-restored', createdAt: T0 + 3 * MINUTE }),
  job({ jobId: 'j-requested', createdAt: T0 + 4 * MINUTE }),
  job({ jobId: 'j-free', createdAt: T0 + 5 * MINUTE, creditsCharged: 0 }),
  job({ jobId: 'j-big', accountEmail: 'cy@x.test', createdAt: T0 + 6 * MINUTE, creditsCharged: 800 }),
  job({ jobId: 'j-exported', accountEmail: 'cy@x.test', createdAt: T0 + 7 * MINUTE }),
  job({ jobId: 'j-proactive', accountEmail: 'cy@x.test', createdAt: T0 + 8 * MINUTE }),
];
const ledger: LedgerEntry[] = [
  entry({ entryId: 'l1', accountEmail: 'bo@x.test', jobId: 'j-ledger', credits: -30 }),
  entry({ entryId: 'l2', jobId: 'j-restored', credits: -10 }),
  entry({ entryId: 'l3', jobId: 'j-restored', type: 'restore', credits: 10 }),
];
const request: RequestOnJob = {
  requestId: 'REQ-1',
  receivedAt: T0 + 60 * MINUTE,
  suggestedOutcome: 'credit_back',
  decision: { outcome: 'credit_back', state: 'approved', decidedBy: 'ana@finance' },
};
const earlierProactive = { requestId: proactiveRequestId('INC-6', 'j-proactive') } as Decision;

const facts: CompensationFacts = {
  ledgerFor: (jobId) => ledger.filter((e) => e.jobId === jobId),
  requestsFor: (jobId) => (jobId === 'j-requested' ? [request] : []),
  proactiveFor: (_email, jobId) => (jobId === 'j-proactive' ? earlierProactive : null),
  isExported: (_email, jobId) => jobId === 'j-exported',
};

function report() {
  return incidentReport(span, selectAffectedJobs(span, jobs, compiled).affected, facts);
}

describe('incidentReport', () => {
  it('gives each job its charged credits, request, restore, proactive and export standing', () => {
    const rows = report().rows;
    const view = rows.map((r) => [
      r.job.jobId,
      r.charged,
      r.restored,
      r.requests.length,
      r.exported,
      r.proactive !== null,
      r.eligible,
    ]);
    expect(view).toEqual([
      ['j-open', 40, false, 0, false, false, true],
      ['j-ledger', 30, false, 0, false, false, true],
      ['j-restored', 0, true, 0, false, false, false],
      ['j-requested', 10, false, 1, false, false, false],
      ['j-free', 0, false, 0, false, false, false],
      ['j-big', 800, false, 0, false, false, true],
      ['j-exported', 10, false, 0, true, false, false],
      ['j-proactive', 10, false, 0, false, true, false],
    ]);
    expect(rows[3]?.requests[0]?.decision?.outcome).toBe('credit_back');
  });

  it('sums accounts by credits at stake, most first', () => {
    const { accounts, totals } = report();
    expect(
      accounts.map((a) => [
        a.accountEmail,
        a.jobs,
        a.creditsAtStake,
        a.requested,
        a.restored,
        a.eligibleJobs,
        a.eligibleCredits,
      ]),
    ).toEqual([
      ['cy@x.test', 3, 820, 0, 0, 1, 800],
      ['bo@x.test', 2, 70, 0, 0, 2, 70],
      ['ana@example.com', 3, 10, 1, 1, 0, 0],
    ]);
    expect(totals).toEqual({
      jobs: 8,
      accounts: 3,
      creditsAtStake: 900,
      requested: 1,
      restored: 1,
      proactive: 1,
      eligibleJobs: 3,
      eligibleCredits: 870,
    });
  });
});

describe('proactive credit-backs', () => {
  it('summarises what will be restored per account before anything is created', () => {
    const summary = summarizeProactive(report().rows, 500);
    expect(summary).toEqual({
      accounts: [
        { accountEmail: 'cy@x.test', jobs: 1, credits: 800, fourEyesJobs: 1 },
        { accountEmail: 'bo@x.test', jobs: 2, credits: 70, fourEyesJobs: 0 },
      ],
      jobs: 3,
      credits: 870,
      fourEyesJobs: 1,
    });
  });

  it('creates credit_back decisions for eligible jobs only, with the four-eyes flag above the threshold', () => {
    const decisions = proactiveDecisions(report().rows, {
      incidentId: 'INC-7',
      incidentTitle: 'GPU pool down',
      decidedBy: 'lee@support',
      decidedAt: '2026-03-11T09:00:00.000Z',
      fourEyesCreditThreshold: 500,
      settingsSha256: 'ab'.repeat(32),
    });
    expect(decisions.map((d) => [d.requestId, d.jobId, d.credits, d.flags, d.state])).toEqual([
      ['proactive:INC-7:j-open', 'j-open', 40, ['outage'], 'decided'],
      ['proactive:INC-7:j-ledger', 'j-ledger', 30, ['outage'], 'decided'],
      ['proactive:INC-7:j-big', 'j-big', 800, ['outage', 'four_eyes'], 'decided'],
    ]);
    for (const d of decisions) {
      expect(d).toMatchObject({
        source: 'outage_proactive',
        outcome: 'credit_back',
        reason: 'outage_proactive',
        rule: 9,
        incidentId: 'INC-7',
        approvedBy: null,
        batchId: null,
        decidedBy: 'lee@support',
      });
    }
  });
});
