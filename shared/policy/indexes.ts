import type { Job, LedgerEntry, Outage, Payment, SupportRequest } from '../domain/records';
import { compareText } from './order';

/** The canonical records the rules run over, as the reader gives them (any order). */
export interface PolicyData {
  jobs: readonly Job[];
  ledger: readonly LedgerEntry[];
  payments: readonly Payment[];
  requests: readonly SupportRequest[];
  outages: readonly Outage[];
}

export interface OutageSpan {
  outage: Outage;
  start: number;
  /** resolved_at, or the newest timestamp in the data while the outage is still open. */
  end: number;
  /** Lower-cased; empty means every component. */
  components: ReadonlySet<string>;
}

/**
 * Built once per run; every list is in a fixed order so that input order never matters. Only
 * what a request can reach is indexed — the requesting accounts' jobs, those jobs' ledger rows,
 * those accounts' payments — so matching stays cheap next to reading a million rows.
 */
export interface PolicyIndexes {
  /** Jobs of requesting accounts, by job_id. */
  jobById: ReadonlyMap<string, Job>;
  /** Sorted by created_at, then job_id. */
  jobsByAccount: ReadonlyMap<string, readonly Job[]>;
  /** Sorted by created_at, then entry_id. */
  ledgerByJob: ReadonlyMap<string, readonly LedgerEntry[]>;
  /** Requesting accounts that some job, ledger row or payment carries (rule 2). */
  knownAccounts: ReadonlySet<string>;
  /** Every ledger row of one account, sorted; built on first use (the request page's timeline). */
  ledgerOfAccount(accountEmail: string): readonly LedgerEntry[];
  /** Sorted by created_at, then payment_id. */
  paymentsByAccount: ReadonlyMap<string, readonly Payment[]>;
  /** Sorted by start, then incident_id. */
  outages: readonly OutageSpan[];
  outageById: ReadonlyMap<string, Outage>;
  /** Sorted by received_at, then request_id: the order the rules take requests in. */
  requestsInOrder: readonly SupportRequest[];
  requestById: ReadonlyMap<string, SupportRequest>;
  /** Each account's requests, in rule order. */
  requestsByAccount: ReadonlyMap<string, readonly SupportRequest[]>;
  latestTimestamp: number;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function compareJobs(a: Job, b: Job): number {
  return (
    a.createdAt - b.createdAt || compareText(a.jobId, b.jobId) || compareText(a.accountEmail, b.accountEmail)
  );
}

function compareEntries(a: LedgerEntry, b: LedgerEntry): number {
  return a.createdAt - b.createdAt || compareText(a.entryId, b.entryId) || a.credits - b.credits;
}

function comparePayments(a: Payment, b: Payment): number {
  return a.createdAt - b.createdAt || compareText(a.paymentId, b.paymentId);
}

export function compareRequests(a: SupportRequest, b: SupportRequest): number {
  return a.receivedAt - b.receivedAt || compareText(a.requestId, b.requestId);
}

function latestOf(data: PolicyData): number {
  let latest = Number.NEGATIVE_INFINITY;
  const see = (value: number | null): void => {
    if (value !== null && value > latest) latest = value;
  };
  for (const job of data.jobs) {
    see(job.createdAt);
    see(job.startedAt);
    see(job.completedAt);
  }
  for (const entry of data.ledger) see(entry.createdAt);
  for (const payment of data.payments) see(payment.createdAt);
  for (const request of data.requests) {
    see(request.receivedAt);
    if (request.approx) see(request.approx.t);
  }
  for (const outage of data.outages) {
    see(outage.startedAt);
    see(outage.resolvedAt);
  }
  return latest;
}

export function buildIndexes(data: PolicyData): PolicyIndexes {
  const requestsInOrder = [...data.requests].sort(compareRequests);
  const requestById = new Map(requestsInOrder.map((request) => [request.requestId, request]));
  const requestsByAccount = new Map<string, SupportRequest[]>();
  for (const request of requestsInOrder) push(requestsByAccount, request.accountEmail, request);
  const knownAccounts = new Set<string>();

  const jobById = new Map<string, Job>();
  for (const job of data.jobs) {
    if (!requestsByAccount.has(job.accountEmail)) continue;
    knownAccounts.add(job.accountEmail);
    const seen = jobById.get(job.jobId);
    // The same id twice (two job files): keep one, chosen by content, never by arrival order.
    if (seen && compareJobs(seen, job) <= 0) continue;
    jobById.set(job.jobId, job);
  }
  const jobsByAccount = new Map<string, Job[]>();
  for (const job of jobById.values()) push(jobsByAccount, job.accountEmail, job);
  for (const list of jobsByAccount.values()) if (list.length > 1) list.sort(compareJobs);

  const ledgerByJob = new Map<string, LedgerEntry[]>();
  for (const entry of data.ledger) {
    if (requestsByAccount.has(entry.accountEmail)) knownAccounts.add(entry.accountEmail);
    if (entry.jobId !== '' && jobById.has(entry.jobId)) push(ledgerByJob, entry.jobId, entry);
  }
  for (const list of ledgerByJob.values()) if (list.length > 1) list.sort(compareEntries);
  let ledgerByAccount: Map<string, LedgerEntry[]> | null = null;
  const ledgerOfAccount = (accountEmail: string): readonly LedgerEntry[] => {
    if (!ledgerByAccount) {
      ledgerByAccount = new Map();
      for (const entry of data.ledger) push(ledgerByAccount, entry.accountEmail, entry);
      for (const list of ledgerByAccount.values()) if (list.length > 1) list.sort(compareEntries);
    }
    return ledgerByAccount.get(accountEmail) ?? [];
  };

  const paymentsByAccount = new Map<string, Payment[]>();
  for (const payment of data.payments) {
    if (!requestsByAccount.has(payment.accountEmail)) continue;
    knownAccounts.add(payment.accountEmail);
    push(paymentsByAccount, payment.accountEmail, payment);
  }
  for (const list of paymentsByAccount.values()) if (list.length > 1) list.sort(comparePayments);

  const latestTimestamp = latestOf(data);
  const outages = data.outages
    .map((outage) => ({
      outage,
      start: outage.startedAt,
      end: outage.resolvedAt ?? Math.max(latestTimestamp, outage.startedAt),
      components: new Set(outage.components.map((c) => c.trim().toLowerCase()).filter((c) => c !== '')),
    }))
    .sort((a, b) => a.start - b.start || compareText(a.outage.incidentId, b.outage.incidentId));
  const outageById = new Map(outages.map((span) => [span.outage.incidentId, span.outage]));

  return {
    jobById,
    jobsByAccount,
    ledgerByJob,
    knownAccounts,
    ledgerOfAccount,
    paymentsByAccount,
    outages,
    outageById,
    requestsInOrder,
    requestById,
    requestsByAccount,
    latestTimestamp,
  };
}
