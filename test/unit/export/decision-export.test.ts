import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import { guardFormula } from '@shared/export/csv-cells';
import {
  buildDecisionExportCsv,
  decisionExportFileName,
  signDecisionExport,
  type DecisionExportRow,
} from '@shared/export/decision-export';
import { verifyExport } from '@shared/export/verify-export';
import { utf8 } from '@shared/signing/bytes';
import { reviewer, type TestReviewer } from './fixtures';

const period = { from: '2026-11-01', to: '2026-11-30' };

function row(overrides: Partial<DecisionExportRow> = {}): DecisionExportRow {
  return {
    requestId: 'REQ-1',
    receivedAt: '2026-11-20T08:00:00Z',
    accountEmail: 'user@example.com',
    jobId: 'job_1',
    suggestedOutcome: 'credit_back',
    outcome: 'credit_back',
    credits: 40,
    amount: null,
    currency: '',
    reason: 'platform_failure',
    rule: 9,
    flags: [],
    decidedBy: 'ana@finance',
    approvedBy: null,
    decidedAt: '2026-11-25T20:11:09Z',
    note: '',
    batchId: '2026-11-25-0001',
    ...overrides,
  };
}

let ana: TestReviewer;
beforeAll(async () => {
  ana = await reviewer('ana@finance');
});

describe('the formula guard', () => {
  it('prefixes text that starts with = + - @ tab or CR, and nothing else', () => {
    for (const start of ['=', '+', '-', '@', '\t', '\r'])
      expect(guardFormula(`${start}SUM(A1)`)).toBe(`'${start}SUM(A1)`);
    for (const safe of ['SUM(A1)', " '=x", 'a=b', '', '1-2']) expect(guardFormula(safe)).toBe(safe);
  });
});

describe('the decision export', () => {
  it('writes the exact header, LF, one row per decision of the period in decided order', () => {
    const csv = buildDecisionExportCsv(
      [
        row({
          requestId: 'REQ-2',
          decidedAt: '2026-11-26T09:00:00Z',
          outcome: 'deny_subjective',
          credits: null,
          rule: 5,
        }),
        row(),
        row({ requestId: 'REQ-OLD', decidedAt: '2026-10-31T23:59:59Z' }),
        row({ requestId: 'REQ-LATE', decidedAt: '2026-12-01T00:00:00Z' }),
      ],
      period,
    );
    const lines = csv.split('\n');
    expect(lines[0]).toBe(
      'request_id,received_at,account_email,job_id,suggested_outcome,outcome,credits,amount,currency,reason,rule,flags,decided_by,approved_by,decided_at,note,batch_id',
    );
    expect(lines[1]).toBe(
      'REQ-1,2026-11-20T08:00:00.000Z,user@example.com,job_1,credit_back,credit_back,40,,,platform_failure,9,,ana@finance,,2026-11-25T20:11:09.000Z,,2026-11-25-0001',
    );
    expect(lines[2]!.startsWith('REQ-2,')).toBe(true);
    expect(lines).toHaveLength(4);
    expect(csv.endsWith('\n')).toBe(true);
    expect(decisionExportFileName(period)).toBe('decisions-2026-11-01-2026-11-30.csv');
  });

  it('guards every text cell, quotes what needs quoting, and leaves numbers alone', () => {
    const csv = buildDecisionExportCsv(
      [
        row({
          note: '=HYPERLINK("http://x","y")',
          accountEmail: '@evil.com',
          jobId: '-job',
          flags: ['four_eyes', 'outage'],
          amount: '15.00',
        }),
      ],
      period,
    );
    const [, cells] = Papa.parse<string[]>(csv.trimEnd()).data;
    expect(cells![2]).toBe("'@evil.com");
    expect(cells![3]).toBe("'-job");
    expect(cells![7]).toBe('15.00');
    expect(cells![11]).toBe('four_eyes;outage');
    expect(cells![15]).toBe('\'=HYPERLINK("http://x","y")');
    expect(csv).toContain(`"'=HYPERLINK(""http://x"",""y"")"`);
  });

  it('signs in the decision-export namespace and verifies with its own checks', async () => {
    const signed = await signDecisionExport(
      [row(), row({ requestId: 'REQ-2', note: '+1 more, "quoted"' })],
      period,
      ana.sign,
    );
    expect(signed.signatureFileName).toBe('decisions-2026-11-01-2026-11-30.csv.sig');
    const result = await verifyExport({
      file: { fileName: signed.fileName, bytes: signed.bytes },
      signatureText: signed.signature,
      allowedSignersText: ana.allowedSigners,
    });
    expect(result.kind).toBe('decision-export');
    expect(result.checks.map((c) => [c.name, c.ok, c.skipped ?? false])).toEqual([
      ['signature', true, false],
      ['signer', true, false],
      ['namespace', true, false],
      ['format', true, false],
      ['totals', true, true],
      ['chain', true, true],
    ]);
    expect(result.checks[1]!.message).toMatch(/signed by ana@finance/);
    expect(result.table.rows[1]![15]).toBe('\'+1 more, "quoted"');
  });

  it('fails the format check for an unguarded cell or a decision outside the period, and the namespace for a batch key', async () => {
    const text = buildDecisionExportCsv([row()], period).replace('user@example.com', '=cmd|x');
    const bytes = utf8(text);
    const tampered = await verifyExport({
      file: { fileName: decisionExportFileName(period), bytes },
      signatureText: await ana.sign('decision-export@review-desk', bytes),
      allowedSignersText: ana.allowedSigners,
    });
    expect(tampered.checks[3]!.message).toMatch(/line 2: account_email starts with a formula character/);
    const narrow = await verifyExport({
      file: { fileName: 'decisions-2026-11-26-2026-11-30.csv', bytes },
      signatureText: await ana.sign('decision-export@review-desk', bytes),
      allowedSignersText: ana.allowedSigners,
    });
    expect(narrow.checks[3]!.message).toMatch(
      /decided on 2026-11-25, outside the period 2026-11-26 to 2026-11-30/,
    );
    const wrongNs = await verifyExport({
      file: { fileName: decisionExportFileName(period), bytes },
      signatureText: await ana.sign('creditback-batch@review-desk', bytes),
      allowedSignersText: ana.allowedSigners,
    });
    expect(wrongNs.checks[2]).toMatchObject({ name: 'namespace', ok: false });
  });
});
