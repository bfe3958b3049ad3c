import type { Job, LedgerEntry, Outage, Payment, SupportRequest } from '../domain/records';
import { RequestingAccounts, type WindowBounds } from './requesting-accounts';
import { TextTable } from './text-table';
import { compareText } from './order';
import { textTokens } from './text-rules';
import { requestWindow } from './window';

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
 * what a request can reach is indexed (see PolicyCollector), so matching stays cheap next to
 * reading a million rows.
 */
export interface PolicyIndexes {
  /** Jobs a request can reach (in one of its account's windows, or named by id), by job_id. */
  jobById: ReadonlyMap<string, Job>;
  /** Sorted by created_at, then job_id. */
  jobsByAccount: ReadonlyMap<string, readonly Job[]>;
  /** Sorted by created_at, then entry_id. */
  ledgerByJob: ReadonlyMap<string, readonly LedgerEntry[]>;
  /** Requesting accounts that some job, ledger row or payment carries (rule 2). */
  knownAccounts: ReadonlySet<string>;
  /** A requesting account's kept ledger rows (its reachable jobs' rows and rows without a job), sorted. */
  ledgerOfAccount(accountEmail: string): readonly LedgerEntry[];
  /** Sorted by created_at, then payment_id. */
  paymentsByAccount: ReadonlyMap<string, readonly Payment[]>;
  /** The same, ids only: shared by the evidence of every request of the account. */
  paymentIdsByAccount: ReadonlyMap<string, readonly string[]>;
  /** Sorted by start, then incident_id. */
  outages: readonly OutageSpan[];
  outageById: ReadonlyMap<string, Outage>;
  /** Sorted by received_at, then request_id: the order the rules take requests in. */
  requestsInOrder: readonly SupportRequest[];
  requestById: ReadonlyMap<string, SupportRequest>;
  /** Each account's requests, in rule order. */
  requestsByAccount: ReadonlyMap<string, readonly SupportRequest[]>;
  latestTimestamp: number;
  /** The window the jobs were kept for (null: all kept); the rules must run with the same window. */
  windowMs: number | null;
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

/**
 * What the rows a collector saw taught beyond the records it kept: which requesting accounts
 * some row carried (rule 2) and the newest timestamp. Lets collectors fed with different parts of
 * the data in parallel be merged into one (see PolicyCollector.absorb).
 */
export interface CollectorSummary {
  knownAccounts: string[];
  latest: number;
}

/**
 * What decides which rows a collector keeps, without the requests themselves: small enough to
 * hand to another thread (see PolicyCollector.reach and forReach).
 */
export interface CollectorReach {
  windowMs: number | null;
  /** The requesting accounts. */
  accounts: string[];
  /** Per account in that order: the number of its windows, then start, end, 1/0 end inclusive each. */
  windows: number[];
  namedIds: string[];
}

/**
 * Collects records as a reader streams them and keeps only what a request can reach, so a
 * million-row job log is read, not held: a requesting account's jobs created inside one of its
 * requests' windows or named by id in a request (column or text token), those jobs' ledger rows,
 * the account's ledger rows without a job, and its payments. Every row still counts for rule 2's
 * known accounts and for the newest timestamp. Give it the requests first and jobs before the
 * ledger; `finish()` gives the same indexes whatever order the rows came in.
 */
export class PolicyCollector {
  private readonly requestsByAccount = new Map<string, SupportRequest[]>();
  private readonly requestsInOrder: SupportRequest[];
  /** One lookup per streamed row: the account's windows, and whether some row carried it. */
  private accounts: RequestingAccounts;
  /** Ids a request names (job_id column or a word of its text): their jobs are kept wherever they fall. */
  private readonly namedIds = new TextTable();
  private readonly jobById = new Map<string, Job>();
  /**
   * The ids of the jobs kept here and of those another collector kept (keepLedgerOfJobs): their
   * ledger rows are kept. Asked for every streamed ledger row, and nearly all of them miss.
   */
  private readonly keptJobIds = new TextTable();
  private readonly ledger: LedgerEntry[] = [];
  private readonly payments: Payment[] = [];
  private readonly outages: Outage[] = [];
  private latest = Number.NEGATIVE_INFINITY;
  private windowMsValue: number | null;
  private readonly copy: (<T extends object>(record: T) => T) | null;

  /**
   * `windowHours`: keep only jobs inside a request window of that size (or named by a request),
   * as the streaming CLI does; null keeps every job of a requesting account, so the indexes serve
   * any window setting.
   *
   * `copy`, when given, copies every record the collector holds on to (the CLI passes the
   * reader's detachedCopy, so that a kept row does not keep its whole chunk's text). The copies,
   * and copies of the requests, then share one string object per account email and per job id
   * (the request's, the kept job's), so that the indexes' Map lookups meet the very key and skip
   * comparing characters: matching 54k requests took 0.64-0.69 s instead of 0.84-1.02 s.
   */
  constructor(
    requests: readonly SupportRequest[],
    windowHours: number | null = null,
    copy: (<T extends object>(record: T) => T) | null = null,
  ) {
    this.copy = copy;
    this.windowMsValue = windowHours === null ? null : windowHours * 3_600_000;
    const sorted = [...requests].sort(compareRequests);
    this.requestsInOrder = copy ? sharingEmails(sorted) : sorted;
    for (const request of this.requestsInOrder) {
      push(this.requestsByAccount, request.accountEmail, request);
      if (this.windowMs !== null) {
        const jobId = request.jobId.trim();
        if (jobId !== '') this.namedIds.add(jobId);
        for (const token of textTokens(request)) this.namedIds.add(token);
      }
      this.see(request.receivedAt);
      if (request.approx) this.see(request.approx.t);
    }
    const windowMs = this.windowMs ?? 0;
    this.accounts = new RequestingAccounts(
      Array.from(this.requestsByAccount, ([email, list]) => [
        email,
        list.map((request) => requestWindow(request, windowMs)),
      ]),
    );
  }

  /** See CollectorReach: what forReach needs to keep the rows this collector would keep. */
  reach(): CollectorReach {
    const accounts: string[] = [];
    const windows: number[] = [];
    for (let account = 0; account < this.accounts.size; account++) {
      accounts.push(this.accounts.emailOf(account));
      const list = this.accounts.windowsOf(account);
      windows.push(list.length);
      for (const w of list) windows.push(w.start, w.end, w.endInclusive ? 1 : 0);
    }
    return { windowMs: this.windowMs, accounts, windows, namedIds: this.namedIds.texts() };
  }

  /**
   * A collector for part of the rows, kept as the collector of `reach` would keep them; it knows
   * no requests (its finish() has none): merge what it kept into that one with absorb.
   */
  static forReach(reach: CollectorReach, copy?: <T extends object>(record: T) => T): PolicyCollector {
    const collector = new PolicyCollector([], null, copy ?? null);
    collector.windowMsValue = reach.windowMs;
    let at = 0;
    collector.accounts = new RequestingAccounts(
      reach.accounts.map((email) => {
        const count = reach.windows[at++] as number;
        const windows: WindowBounds[] = [];
        for (let i = 0; i < count; i++, at += 3) {
          const [start, end, inclusive] = reach.windows.slice(at, at + 3) as [number, number, number];
          windows.push({ start, end, endInclusive: inclusive === 1 });
        }
        return [email, windows] as const;
      }),
    );
    for (const id of reach.namedIds) collector.namedIds.add(id);
    return collector;
  }

  /** The window the jobs are kept for (null: every job of a requesting account). */
  get windowMs(): number | null {
    return this.windowMsValue;
  }

  private see(value: number | null): void {
    if (value !== null && value > this.latest) this.latest = value;
  }

  /**
   * The requesting account a row's email names by hash alone (see likelyIndexOf), or -1; once
   * confirmed by its text, the account is known (rule 2). A row is confirmed with `is` before it
   * is kept: most rows of requesting accounts fall outside every window and are never compared.
   */
  private requesterOf(email: string): number {
    const account = this.accounts.likelyIndexOf(email);
    if (account !== -1 && !this.accounts.isKnown(account) && this.accounts.is(account, email)) {
      this.accounts.markKnown(account);
    }
    return account;
  }

  addJob(job: Job): void {
    this.see(job.createdAt);
    this.see(job.startedAt);
    this.see(job.completedAt);
    const account = this.requesterOf(job.accountEmail);
    if (account === -1) return;
    if (
      this.windowMs !== null &&
      !this.accounts.inAnyWindow(account, job.createdAt) &&
      this.namedIds.indexOf(job.jobId) === -1
    ) {
      return;
    }
    if (!this.accounts.is(account, job.accountEmail)) return;
    const seen = this.jobById.get(job.jobId);
    // The same id twice (two job files): keep one, chosen by content, never by arrival order.
    if (seen && compareJobs(seen, job) <= 0) return;
    let kept = job;
    if (this.copy) {
      kept = this.copy(job);
      kept.accountEmail = this.accounts.emailOf(account);
    }
    this.jobById.set(kept.jobId, kept);
    this.keptJobIds.add(kept.jobId);
  }

  addLedgerEntry(entry: LedgerEntry): void {
    this.see(entry.createdAt);
    const account = this.requesterOf(entry.accountEmail);
    const job = entry.jobId === '' ? -1 : this.keptJobIds.indexOf(entry.jobId);
    const keep =
      entry.jobId === '' ? account !== -1 && this.accounts.is(account, entry.accountEmail) : job !== -1;
    if (!keep) return;
    let kept = entry;
    if (this.copy) {
      kept = this.copy(entry);
      if (account !== -1 && this.accounts.is(account, entry.accountEmail))
        kept.accountEmail = this.accounts.emailOf(account);
      if (job !== -1) kept.jobId = this.keptJobIds.textOf(job);
    }
    this.ledger.push(kept);
  }

  addPayment(payment: Payment): void {
    this.see(payment.createdAt);
    const account = this.requesterOf(payment.accountEmail);
    if (account === -1 || !this.accounts.is(account, payment.accountEmail)) return;
    let kept = payment;
    if (this.copy) {
      kept = this.copy(payment);
      kept.accountEmail = this.accounts.emailOf(account);
    }
    this.payments.push(kept);
  }

  addOutage(outage: Outage): void {
    this.see(outage.startedAt);
    this.see(outage.resolvedAt);
    this.outages.push(this.copy ? this.copy(outage) : outage);
  }

  /**
   * Keeps the ledger rows of these jobs as if they had been added here: for a collector that
   * reads part of the ledger while the jobs were collected by others.
   */
  keepLedgerOfJobs(jobIds: Iterable<string>): void {
    for (const id of jobIds) this.keptJobIds.add(id);
  }

  /** The records kept so far, to hand to the collector that merges parts (see absorb). */
  keptJobs(): Job[] {
    return [...this.jobById.values()];
  }

  keptLedger(): LedgerEntry[] {
    return this.ledger;
  }

  keptPayments(): Payment[] {
    return this.payments;
  }

  keptOutages(): Outage[] {
    return this.outages;
  }

  summary(): CollectorSummary {
    return { knownAccounts: this.knownAccounts(), latest: this.latest };
  }

  /**
   * Takes in what another collector over the same requests saw besides its kept records; add
   * those records with addJob and the like. Merging every part this way gives what one
   * collector fed with all the rows would give.
   */
  absorb(summary: CollectorSummary): void {
    for (const email of summary.knownAccounts) {
      const account = this.accounts.indexOf(email);
      if (account !== -1) this.accounts.markKnown(account);
    }
    this.see(summary.latest);
  }

  private knownAccounts(): string[] {
    const known: string[] = [];
    for (let account = 0; account < this.accounts.size; account++) {
      if (this.accounts.isKnown(account)) known.push(this.accounts.emailOf(account));
    }
    return known;
  }

  finish(): PolicyIndexes {
    const jobById = this.jobById;
    const jobsByAccount = new Map<string, Job[]>();
    for (const job of jobById.values()) push(jobsByAccount, job.accountEmail, job);
    for (const list of jobsByAccount.values()) if (list.length > 1) list.sort(compareJobs);

    const ledgerByJob = new Map<string, LedgerEntry[]>();
    for (const entry of this.ledger) {
      if (entry.jobId !== '' && jobById.has(entry.jobId)) push(ledgerByJob, entry.jobId, entry);
    }
    for (const list of ledgerByJob.values()) if (list.length > 1) list.sort(compareEntries);
    const kept = this.ledger;
    let ledgerByAccount: Map<string, LedgerEntry[]> | null = null;
    // Only the request page asks for an account's whole ledger: built on first use.
    const ledgerOfAccount = (accountEmail: string): readonly LedgerEntry[] => {
      if (!ledgerByAccount) {
        ledgerByAccount = new Map();
        for (const entry of kept) push(ledgerByAccount, entry.accountEmail, entry);
        for (const list of ledgerByAccount.values()) if (list.length > 1) list.sort(compareEntries);
      }
      return ledgerByAccount.get(accountEmail) ?? [];
    };

    const paymentsByAccount = new Map<string, Payment[]>();
    for (const payment of this.payments) push(paymentsByAccount, payment.accountEmail, payment);
    for (const list of paymentsByAccount.values()) if (list.length > 1) list.sort(comparePayments);
    const paymentIdsByAccount = new Map<string, readonly string[]>();
    for (const [email, list] of paymentsByAccount)
      paymentIdsByAccount.set(
        email,
        list.map((p) => p.paymentId),
      );

    const latestTimestamp = this.latest;
    const outages = this.outages
      .map((outage) => ({
        outage,
        start: outage.startedAt,
        end: outage.resolvedAt ?? Math.max(latestTimestamp, outage.startedAt),
        components: new Set(outage.components.map((c) => c.trim().toLowerCase()).filter((c) => c !== '')),
      }))
      .sort((a, b) => a.start - b.start || compareText(a.outage.incidentId, b.outage.incidentId));

    return {
      jobById,
      jobsByAccount,
      ledgerByJob,
      knownAccounts: new Set(this.knownAccounts()),
      ledgerOfAccount,
      paymentsByAccount,
      paymentIdsByAccount,
      outages,
      outageById: new Map(outages.map((span) => [span.outage.incidentId, span.outage])),
      requestsInOrder: this.requestsInOrder,
      requestById: new Map(this.requestsInOrder.map((request) => [request.requestId, request])),
      requestsByAccount: this.requestsByAccount,
      latestTimestamp,
      windowMs: this.windowMs,
    };
  }
}

/** Copies of the requests in which each account's email is one string object, its first request's. */
function sharingEmails(requests: readonly SupportRequest[]): SupportRequest[] {
  const first = new Map<string, string>();
  return requests.map((request) => {
    const email = first.get(request.accountEmail);
    if (email === undefined) {
      first.set(request.accountEmail, request.accountEmail);
      return request;
    }
    return { ...request, accountEmail: email };
  });
}

export function buildIndexes(data: PolicyData, windowHours: number | null = null): PolicyIndexes {
  const collector = new PolicyCollector(data.requests, windowHours);
  for (const job of data.jobs) collector.addJob(job);
  for (const entry of data.ledger) collector.addLedgerEntry(entry);
  for (const payment of data.payments) collector.addPayment(payment);
  for (const outage of data.outages) collector.addOutage(outage);
  return collector.finish();
}
