import { DECISION_EXPORT_NAMESPACE, signatureFileName } from './batch-format';
import { csvLine, guardFormula } from './csv-cells';
import type { ArmoredSigner, SignedFile } from './signed-files';
import { utf8 } from '../signing/bytes';

export const DECISION_EXPORT_COLUMNS = [
  'request_id',
  'received_at',
  'account_email',
  'job_id',
  'suggested_outcome',
  'outcome',
  'credits',
  'amount',
  'currency',
  'reason',
  'rule',
  'flags',
  'decided_by',
  'approved_by',
  'decided_at',
  'note',
  'batch_id',
] as const;
export type DecisionExportColumn = (typeof DECISION_EXPORT_COLUMNS)[number];

/** Numbers are written as numbers; every other cell is text and gets the formula guard. */
export const NUMERIC_COLUMNS: ReadonlySet<DecisionExportColumn> = new Set(['credits', 'amount', 'rule']);

export interface DecisionExportRow {
  requestId: string;
  /** ISO 8601 or epoch milliseconds. */
  receivedAt: string | number;
  accountEmail: string;
  jobId: string;
  suggestedOutcome: string;
  outcome: string;
  credits: number | null;
  /** Money in major units as written in the suggestions file, e.g. `15.00`. */
  amount: string | null;
  currency: string;
  reason: string;
  rule: number | null;
  flags: readonly string[];
  decidedBy: string;
  approvedBy: string | null;
  decidedAt: string | number;
  note: string;
  /** The batch the decision went out in, if any. */
  batchId: string | null;
}

export interface DecisionPeriod {
  /** Inclusive UTC days, `YYYY-MM-DD`. */
  from: string;
  to: string;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export function decisionExportFileName(period: DecisionPeriod): string {
  assertPeriod(period);
  return `decisions-${period.from}-${period.to}.csv`;
}

export function inPeriod(decidedAt: string | number, period: DecisionPeriod): boolean {
  const day = new Date(decidedAt).toISOString().slice(0, 10);
  return day >= period.from && day <= period.to;
}

/** The decisions of the period, by decided_at then request_id, as UTF-8 CSV with LF. */
export function buildDecisionExportCsv(rows: readonly DecisionExportRow[], period: DecisionPeriod): string {
  assertPeriod(period);
  const chosen = rows
    .filter((row) => inPeriod(row.decidedAt, period))
    .map((row) => ({ row, at: new Date(row.decidedAt).getTime() }))
    .sort(
      (a, b) =>
        a.at - b.at || (a.row.requestId < b.row.requestId ? -1 : a.row.requestId > b.row.requestId ? 1 : 0),
    );
  const lines = [DECISION_EXPORT_COLUMNS.join(',')];
  for (const { row } of chosen) lines.push(csvLine(decisionCells(row)));
  return `${lines.join('\n')}\n`;
}

export function decisionCells(row: DecisionExportRow): string[] {
  const values: Record<DecisionExportColumn, string> = {
    request_id: row.requestId,
    received_at: iso(row.receivedAt),
    account_email: row.accountEmail,
    job_id: row.jobId,
    suggested_outcome: row.suggestedOutcome,
    outcome: row.outcome,
    credits: row.credits === null ? '' : String(row.credits),
    amount: row.amount ?? '',
    currency: row.currency,
    reason: row.reason,
    rule: row.rule === null ? '' : String(row.rule),
    flags: row.flags.join(';'),
    decided_by: row.decidedBy,
    approved_by: row.approvedBy ?? '',
    decided_at: iso(row.decidedAt),
    note: row.note,
    batch_id: row.batchId ?? '',
  };
  return DECISION_EXPORT_COLUMNS.map((column) =>
    NUMERIC_COLUMNS.has(column) ? values[column] : guardFormula(values[column]),
  );
}

export async function signDecisionExport(
  rows: readonly DecisionExportRow[],
  period: DecisionPeriod,
  sign: ArmoredSigner,
): Promise<SignedFile> {
  const fileName = decisionExportFileName(period);
  const bytes = utf8(buildDecisionExportCsv(rows, period));
  return {
    fileName,
    bytes,
    signatureFileName: signatureFileName(fileName),
    signature: await sign(DECISION_EXPORT_NAMESPACE, bytes),
  };
}

function iso(value: string | number): string {
  return value === '' ? '' : new Date(value).toISOString();
}

function assertPeriod(period: DecisionPeriod): void {
  if (!DAY.test(period.from) || !DAY.test(period.to) || period.from > period.to) {
    throw new Error(`a period is two days YYYY-MM-DD, from ≤ to; got ${period.from} to ${period.to}`);
  }
}
