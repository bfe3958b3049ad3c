import { appliedReport, type AppliedReport, type CreditbackBatch } from '../../../shared/export';
import type { LedgerEntry } from '../../../shared/domain/records';

/** The ledger groups that can hold a batch item's restore row: by its account and by its job. */
export function restoreGroups(
  items: readonly { account_email: string; job_id: string }[],
  groupKey: { ledgerByAccount(email: string): string; ledgerByJob(jobId: string): string },
): string[] {
  const groups = new Set<string>();
  for (const item of items) {
    groups.add(groupKey.ledgerByAccount(item.account_email));
    groups.add(groupKey.ledgerByJob(item.job_id));
  }
  return [...groups].sort();
}

export interface BatchApplied {
  report: AppliedReport;
  overdue: number;
}

/** Each batch against the same restore rows; an entry read twice (two groups) counts once. */
export function appliedByBatch(
  batches: readonly CreditbackBatch[],
  restores: readonly LedgerEntry[],
  options: { overdueDays: number | null; now: Date },
): Map<string, BatchApplied> {
  const out = new Map<string, BatchApplied>();
  for (const batch of batches) {
    const report = appliedReport(batch, restores, options);
    out.set(batch.batch_id, { report, overdue: report.items.filter((i) => i.overdue).length });
  }
  return out;
}
