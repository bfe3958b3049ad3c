import type { LedgerEntry } from '../domain/records';
import type { BatchRemedy, CreditbackBatch } from './batch-format';

export type AppliedStatus = 'applied' | 'missing' | 'applied_twice';

export interface AppliedItem {
  idempotency_key: string;
  request_id: string;
  account_email: string;
  job_id: string;
  remedy: BatchRemedy;
  credits: number;
  status: AppliedStatus;
  /** entry_id of each ledger `restore` row carrying this key as its reference. */
  restore_entries: string[];
  /** Missing for longer than the chosen number of days since the batch was made. */
  overdue: boolean;
}

export interface AppliedReport {
  batch_id: string;
  created_at: string;
  counts: Record<AppliedStatus, number>;
  items: AppliedItem[];
}

export interface AppliedOptions {
  /** Flag missing items once the batch is older than this many days; null never flags. */
  overdueDays?: number | null;
  now?: Date;
}

const DAY_MS = 86_400_000;

/**
 * How the billing system acted on a batch, read back from its ledger: each item should have
 * exactly one `restore` row whose reference is the item's idempotency key.
 */
export function appliedReport(
  batch: CreditbackBatch,
  ledger: Iterable<LedgerEntry>,
  options: AppliedOptions = {},
): AppliedReport {
  const wanted = new Set(batch.items.map((i) => i.idempotency_key));
  const restores = new Map<string, string[]>();
  // Ledger exports of overlapping periods repeat rows: one entry_id is one application.
  const seenEntries = new Set<string>();
  for (const entry of ledger) {
    if (entry.type !== 'restore') continue;
    if (entry.entryId) {
      if (seenEntries.has(entry.entryId)) continue;
      seenEntries.add(entry.entryId);
    }
    // References are hex written by the billing system; tolerate its spelling, not other keys.
    const reference = entry.reference.trim().toLowerCase();
    if (!wanted.has(reference)) continue;
    const list = restores.get(reference);
    if (list) list.push(entry.entryId);
    else restores.set(reference, [entry.entryId]);
  }
  const overdueDays = options.overdueDays ?? null;
  const age = (options.now ?? new Date()).getTime() - new Date(batch.created_at).getTime();
  const late = overdueDays !== null && age > overdueDays * DAY_MS;
  const counts: Record<AppliedStatus, number> = { applied: 0, missing: 0, applied_twice: 0 };
  const items = batch.items.map((item): AppliedItem => {
    const rows = restores.get(item.idempotency_key) ?? [];
    const status: AppliedStatus =
      rows.length === 0 ? 'missing' : rows.length === 1 ? 'applied' : 'applied_twice';
    counts[status]++;
    return {
      idempotency_key: item.idempotency_key,
      request_id: item.request_id,
      account_email: item.account_email,
      job_id: item.job_id,
      remedy: item.remedy,
      credits: item.credits,
      status,
      restore_entries: rows,
      overdue: status === 'missing' && late,
    };
  });
  return { batch_id: batch.batch_id, created_at: batch.created_at, counts, items };
}
