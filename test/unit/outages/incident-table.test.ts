import { describe, expect, it } from 'vitest';
import type { LedgerEntry } from '@shared/domain/records';
import {
  accountAt,
  cell,
  compactReport,
  stringColumn,
  incidentReport,
  incidentSpan,
  proactiveDecisions,
  selectAffectedJobs,
  selectedCandidates,
  selectedCount,
  summarizeProactive,
  tableRow,
  type CompensationFacts,
  type RequestOnJob,
} from '@shared/outages';
import { compileSettings } from '@shared/policy/compiled-settings';
import { DEFAULT_SETTINGS } from '@shared/policy/settings';
import type { Decision } from '@shared/review/decision';
import { MINUTE, T0, entry, job, outage } from './builders';

const span = incidentSpan(outage({ incidentId: 'INC-9', components: [] }), T0);
const jobs = [
  job({ jobId: 'j-open', accountEmail: 'bo@x.test', accountEmailRaw: ' Bo@X.test', createdAt: T0 + MINUTE }),
  job({
    jobId: 'j-message',
    createdAt: T0 + 2 * MINUTE,
    errorCode: '',
    errorMessage: 'worker lost',
    creditsCharged: 25,
  }),
  job({ jobId: 'j-timeout', status: 'timed_out', errorCode: '', createdAt: T0 + 3 * MINUTE }),
  job({ jobId: 'j-restored', createdAt: T0 + 4 * MINUTE }),
  job({ jobId: 'j-requested', createdAt: T0 + 5 * MINUTE }),
  job({ jobId: 'j-exported', createdAt: T0 + 6 * MINUTE }),
  job({ jobId: 'j-proactive', createdAt: T0 + 7 * MINUTE, creditsCharged: 900 }),
];
const ledger: LedgerEntry[] = [
  entry({ entryId: 'l1', jobId: 'j-restored', credits: -10 }),
  entry({ entryId: 'l2', jobId: 'j-restored', type: 'restore', credits: 10 }),
];
const request: RequestOnJob = {
  requestId: 'REQ-1',
  receivedAt: T0 + 60 * MINUTE,
  suggestedOutcome: 'credit_back',
  decision: null,
};
const earlier = { requestId: 'proactive:INC-8:j-proactive', state: 'approved' } as Decision;
const facts: CompensationFacts = {
  ledgerFor: (jobId) => ledger.filter((e) => e.jobId === jobId),
  requestsFor: (jobId) => (jobId === 'j-requested' ? [request] : []),
  proactiveFor: (_email, jobId) => (jobId === 'j-proactive' ? earlier : null),
  isExported: (_email, jobId) => jobId === 'j-exported',
};
const report = incidentReport(
  span,
  selectAffectedJobs(span, jobs, compileSettings(DEFAULT_SETTINGS)).affected,
  facts,
);

describe('compactReport', () => {
  it('keeps every shown field of every row, in report order', () => {
    const { table, accounts, ...rest } = compactReport(report);
    expect(table.length).toBe(report.rows.length);
    expect(rest).toEqual({ span: report.span, totals: report.totals });
    expect(accounts.length).toBe(report.accounts.length);
    expect(Array.from({ length: accounts.length }, (_, i) => accountAt(accounts, i))).toEqual(
      report.accounts,
    );
    report.rows.forEach((row, i) => {
      expect(tableRow(table, i)).toEqual({
        index: i,
        jobId: row.job.jobId,
        accountEmail: row.job.accountEmail,
        accountEmailRaw: row.job.accountEmailRaw,
        createdAt: row.job.createdAt,
        status: row.job.status,
        errorCode: row.job.errorCode,
        errorMessage: row.job.errorMessage,
        errorClass: row.errorClass,
        charged: row.charged,
        restored: row.restored,
        exported: row.exported,
        eligible: row.eligible,
        requests: row.requests,
        proactive: row.proactive ? { requestId: row.proactive.requestId, state: row.proactive.state } : null,
      });
    });
  });

  it('has the standings the report gives', () => {
    const { table } = compactReport(report);
    const view = Array.from({ length: table.length }, (_, i) => {
      const row = tableRow(table, i);
      return [
        row.jobId,
        row.errorClass,
        row.restored,
        row.requests.length,
        row.exported,
        row.proactive?.state ?? null,
        row.eligible,
      ];
    });
    expect(view).toEqual([
      ['j-open', 'platform', false, 0, false, null, true],
      ['j-message', 'platform', false, 0, false, null, true],
      ['j-timeout', 'platform', false, 0, false, null, true],
      ['j-restored', 'platform', true, 0, false, null, false],
      ['j-requested', 'platform', false, 1, false, null, false],
      ['j-exported', 'platform', false, 0, true, null, false],
      ['j-proactive', 'platform', false, 0, false, 'approved', false],
    ]);
    expect(tableRow(table, 0).accountEmailRaw).toBe(' Bo@X.test');
  });

  it('gives the same proactive summary and decisions as the full rows, minus unticked jobs', () => {
    const { table } = compactReport(report);
    const context = {
      incidentId: 'INC-9',
      incidentTitle: '',
      decidedBy: 'lee@support',
      decidedAt: '2026-03-11T09:00:00.000Z',
      fourEyesCreditThreshold: 500,
      settingsSha256: 'ab'.repeat(32),
    };
    const all = selectedCandidates(table, new Set());
    expect(summarizeProactive(all, 500)).toEqual(summarizeProactive(report.rows, 500));
    expect(proactiveDecisions(all, context)).toEqual(proactiveDecisions(report.rows, context));
    const some = selectedCandidates(table, new Set(['j-message', 'j-restored']));
    expect(some.map((c) => c.job.jobId)).toEqual(['j-open', 'j-timeout']);
    expect(selectedCount(table, new Set())).toBe(all.length);
    expect(selectedCount(table, new Set(['j-message', 'j-restored']))).toBe(2);
    expect(summarizeProactive(some, 500).credits).toBe(20);
  });

  it('keeps strings end to end, empty ones and any characters included', () => {
    const values = ['', 'a', '', 'ünïcode ✓', 'tab\there', ''];
    const column = stringColumn(values);
    expect(values.map((_, i) => cell(column, i))).toEqual(values);
    expect(stringColumn([]).ends.length).toBe(0);
  });

  it('survives structured cloning, as it crosses from the worker to the page', () => {
    const compact = compactReport(report);
    const copy = structuredClone(compact);
    expect(tableRow(copy.table, 4)).toEqual(tableRow(compact.table, 4));
    expect(copy.span.components).toEqual(compact.span.components);
    expect(accountAt(copy.accounts, 0)).toEqual(report.accounts[0]);
  });
});
