import type { Job, LedgerEntry, Outage, Payment } from '../domain/records';
import type { PolicyIndexes } from './indexes';
import type { ExpandedEvidence, Suggestion } from './types';

const defined = <T>(value: T | undefined): value is T => value !== undefined;

/** The records behind one suggestion, for the request page. Lookups only: cheap enough per click. */
export function expandEvidence(indexes: PolicyIndexes, suggestion: Suggestion): ExpandedEvidence {
  const { evidence } = suggestion;
  const request = indexes.requestById.get(suggestion.requestId);
  const account = request?.accountEmail ?? '';
  const candidates = evidence.candidates
    .map((factors) => {
      const job = indexes.jobById.get(factors.jobId);
      return job ? { job, factors, picked: factors.jobId === suggestion.jobId } : undefined;
    })
    .filter(defined);
  const pickedJob: Job | null =
    suggestion.jobId === null ? null : (indexes.jobById.get(suggestion.jobId) ?? null);
  const entryIds = new Set(evidence.ledgerEntryIds);
  const ledgerEntries: LedgerEntry[] =
    suggestion.jobId === null
      ? []
      : (indexes.ledgerByJob.get(suggestion.jobId) ?? []).filter((entry) => entryIds.has(entry.entryId));
  const accountPayments = indexes.paymentsByAccount.get(account) ?? [];
  const paymentIds = new Set(evidence.paymentIds);
  const payments: Payment[] = accountPayments.filter((payment) => paymentIds.has(payment.paymentId));
  const duplicateIds = new Set(evidence.duplicatePaymentIds ?? []);
  const duplicatePayments = accountPayments.filter((payment) => duplicateIds.has(payment.paymentId));
  const outages: Outage[] = evidence.outageIds.map((id) => indexes.outageById.get(id)).filter(defined);
  return { candidates, pickedJob, ledgerEntries, payments, duplicatePayments, outages };
}
