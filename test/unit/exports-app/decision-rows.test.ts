import { describe, expect, it } from 'vitest';
import { buildDecisionExportCsv, checkDecisionCsv } from '@shared/export';
import {
  decisionExportRow,
  defaultPeriod,
  periodProblem,
} from '../../../renderer/features/exports/decision-rows';
import { decision } from './decisions';

describe('decisions for the auditors', () => {
  it('writes money in major units, the request time, and the batch', () => {
    const row = decisionExportRow(
      decision({
        requestId: 'R1',
        outcome: 'billing_error_review',
        amountMinor: 1500,
        currency: 'USD',
        credits: null,
        batchId: null,
      }),
      Date.parse('2026-11-20T08:00:00.000Z'),
    );
    expect(row).toMatchObject({
      amount: '15.00',
      currency: 'USD',
      credits: null,
      receivedAt: Date.parse('2026-11-20T08:00:00.000Z'),
    });
    const yen = decisionExportRow(decision({ requestId: 'R2', amountMinor: 1500, currency: 'JPY' }), null);
    expect(yen.amount).toBe('1500');
    expect(yen.receivedAt).toBe('');
  });

  it('guards every text cell and passes the same checks the verifier makes', () => {
    const rows = [
      decisionExportRow(
        decision({
          requestId: 'R1',
          note: '=HYPERLINK("http://evil.test")',
          accountEmail: '@attacker.test',
          state: 'exported',
          batchId: '2026-11-25-0001',
          approvedBy: 'ben@finance',
          flags: ['four_eyes', 'outage'],
        }),
        Date.parse('2026-11-24T08:00:00.000Z'),
      ),
      decisionExportRow(
        decision({ requestId: 'R2', outcome: 'deny_subjective', suggestedOutcome: null, rule: null }),
        null,
      ),
    ];
    const period = { from: '2026-11-25', to: '2026-11-25' };
    const csv = buildDecisionExportCsv(rows, period);
    expect(csv).toContain(`'=HYPERLINK(""http://evil.test"")`);
    expect(csv).toContain(`'@attacker.test`);
    expect(csv).toContain('four_eyes;outage');
    expect(checkDecisionCsv(csv, period).problems.join(' / ')).toBe('');
  });

  it('accepts a period of two days in order, and suggests the month so far', () => {
    expect(periodProblem({ from: '2026-11-01', to: '2026-11-25' })).toBeNull();
    expect(periodProblem({ from: '2026-11-26', to: '2026-11-25' })).toMatch(/ends before it starts/);
    expect(periodProblem({ from: '', to: '2026-11-25' })).toMatch(/both days/);
    expect(defaultPeriod(new Date('2026-11-25T23:59:00Z'))).toEqual({ from: '2026-11-01', to: '2026-11-25' });
  });
});
