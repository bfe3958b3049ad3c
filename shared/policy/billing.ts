import type { Job, LedgerEntry, Payment } from '../domain/records';

/** A ledger that writes deductions as positive numbers still means a deduction: count magnitudes. */
const magnitude = (entry: LedgerEntry): number => Math.abs(entry.credits);

/** Rule 4: with two or more deductions, the extra credits are all deductions but the largest. */
export function extraDeductions(jobEntries: readonly LedgerEntry[]): number | null {
  const deductions = jobEntries.filter((entry) => entry.type === 'deduction').map(magnitude);
  if (deductions.length < 2) return null;
  return deductions.reduce((sum, value) => sum + value, 0) - Math.max(...deductions);
}

/**
 * Charged credits: Σ deductions − Σ restores from the ledger, floored at 0; credits_charged
 * from the job log when the ledger has no row for the job.
 */
export function chargedCredits(job: Job, jobEntries: readonly LedgerEntry[]): number {
  if (jobEntries.length === 0) return Math.max(0, job.creditsCharged ?? 0);
  let charged = 0;
  for (const entry of jobEntries) {
    if (entry.type === 'deduction') charged += magnitude(entry);
    else if (entry.type === 'restore') charged -= magnitude(entry);
  }
  return Math.max(0, charged);
}

const PAID_STATUSES = new Set(['paid', 'succeeded']);

function isSettledAndUnrefunded(payment: Payment): boolean {
  return PAID_STATUSES.has(payment.status.trim().toLowerCase()) && payment.amountRefundedMinor === 0;
}

/**
 * Rule 4, money side: two `Paid` (or `succeeded`) payments of the same amount and currency created
 * within the interval, neither refunded. Payments arrive sorted by time; the pair whose later
 * payment comes first wins, so the answer never depends on row order.
 */
export function duplicatePayment(
  payments: readonly Payment[],
  intervalMs: number,
): { earlier: Payment; later: Payment } | null {
  const eligible = payments.filter(isSettledAndUnrefunded);
  for (let j = 1; j < eligible.length; j++) {
    const later = eligible[j] as Payment;
    for (let i = j - 1; i >= 0; i--) {
      const earlier = eligible[i] as Payment;
      if (later.createdAt - earlier.createdAt > intervalMs) break;
      if (earlier.amountMinor === later.amountMinor && earlier.currency === later.currency)
        return { earlier, later };
    }
  }
  return null;
}
