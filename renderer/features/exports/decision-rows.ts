import type { DecisionExportRow, DecisionPeriod } from '../../../shared/export';
import { formatMajorUnits } from '../../../shared/policy/money';
import type { Decision } from '../../../shared/review/decision';

/** One decision as the auditors' CSV carries it; receivedAt comes from the request, if any. */
export function decisionExportRow(decision: Decision, receivedAt: number | null): DecisionExportRow {
  return {
    requestId: decision.requestId,
    receivedAt: receivedAt ?? '',
    accountEmail: decision.accountEmail,
    jobId: decision.jobId ?? '',
    suggestedOutcome: decision.suggestedOutcome ?? '',
    outcome: decision.outcome,
    credits: decision.credits,
    amount:
      decision.amountMinor !== null && decision.currency
        ? formatMajorUnits(decision.amountMinor, decision.currency)
        : null,
    currency: decision.currency ?? '',
    reason: decision.reason,
    rule: decision.rule,
    flags: decision.flags,
    decidedBy: decision.decidedBy,
    approvedBy: decision.approvedBy,
    decidedAt: decision.decidedAt,
    note: decision.note,
    batchId: decision.batchId,
  };
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Why a period cannot be exported, or null: two UTC days, from ≤ to. */
export function periodProblem(period: DecisionPeriod): string | null {
  if (!DAY.test(period.from) || !DAY.test(period.to)) return 'Choose both days of the period.';
  if (period.from > period.to) return 'The period ends before it starts.';
  return null;
}

/** The month so far, in UTC: the usual audit period. */
export function defaultPeriod(now: Date): DecisionPeriod {
  const to = now.toISOString().slice(0, 10);
  return { from: `${to.slice(0, 8)}01`, to };
}
