import type { Outcome } from '../policy/types';

export interface BulkItem {
  outcome: Outcome;
  credits: number | null;
  amountMinor: number | null;
  currency: string | null;
}

export interface BulkOutcomeTotal {
  outcome: Outcome;
  count: number;
  credits: number;
  /** Money per currency, minor units. */
  amounts: Record<string, number>;
}

export interface BulkTotals {
  count: number;
  credits: number;
  byOutcome: BulkOutcomeTotal[];
}

/** What a bulk accept would decide, per outcome, for the confirmation dialog. */
export function bulkTotals(items: Iterable<BulkItem>, order: readonly Outcome[]): BulkTotals {
  const byOutcome = new Map<Outcome, BulkOutcomeTotal>();
  let count = 0;
  let credits = 0;
  for (const item of items) {
    let total = byOutcome.get(item.outcome);
    if (!total) {
      total = { outcome: item.outcome, count: 0, credits: 0, amounts: {} };
      byOutcome.set(item.outcome, total);
    }
    total.count += 1;
    total.credits += item.credits ?? 0;
    if (item.amountMinor !== null && item.currency !== null)
      total.amounts[item.currency] = (total.amounts[item.currency] ?? 0) + item.amountMinor;
    count += 1;
    credits += item.credits ?? 0;
  }
  const sorted = order.map((o) => byOutcome.get(o)).filter((t): t is BulkOutcomeTotal => t !== undefined);
  return { count, credits, byOutcome: sorted };
}
