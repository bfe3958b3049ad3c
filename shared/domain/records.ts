/**
 * Canonical records after reading (see the input spec). Every timestamp is epoch milliseconds
 * (UTC), so nothing downstream depends on the machine's time zone. Emails are trimmed and
 * lower-cased for matching; the original spelling is kept for display.
 */
export type ImportKind = 'jobs' | 'ledger' | 'payments' | 'requests' | 'outages';

export const IMPORT_KINDS: readonly ImportKind[] = ['jobs', 'ledger', 'payments', 'requests', 'outages'];

export type JobStatus = 'succeeded' | 'failed' | 'canceled' | 'timed_out' | 'aborted' | 'queued' | 'running';

export interface Job {
  jobId: string;
  accountEmail: string;
  accountEmailRaw: string;
  createdAt: number;
  startedAt: number | null;
  completedAt: number | null;
  status: JobStatus;
  errorCode: string;
  errorMessage: string;
  outputUrl: string;
  /** Resolved at read time by the spec's rule for an absent column or empty cell. */
  delivered: boolean;
  creditsCharged: number | null;
  model: string;
  component: string;
}

export type LedgerType = 'purchase' | 'deduction' | 'restore' | 'adjustment' | 'refund';

export interface LedgerEntry {
  entryId: string;
  accountEmail: string;
  createdAt: number;
  type: LedgerType;
  /** Signed: + adds to the balance, − takes from it. */
  credits: number;
  jobId: string;
  amountMinor: number | null;
  currency: string;
  reference: string;
  description: string;
}

export interface Payment {
  paymentId: string;
  createdAt: number;
  amountMinor: number;
  amountRefundedMinor: number;
  /** ISO code, upper-cased. */
  currency: string;
  status: string;
  accountEmail: string;
  description: string;
  invoiceId: string;
}

export type RequestedRemedy = 'credit_back' | 'rerun' | 'refund';

/** The approximate failure time, resolved in the request's own zone at read time. */
export interface ApproxTime {
  /** The ranking time t: the stated instant, or 12:00 of the stated day. */
  t: number;
  dateOnly: boolean;
  /** For a date-only value: the calendar day [dayStart, dayEnd) in the request's zone. */
  dayStart: number | null;
  dayEnd: number | null;
}

export interface SupportRequest {
  requestId: string;
  receivedAt: number;
  accountEmail: string;
  accountEmailRaw: string;
  /** Null when the cell was empty: received_at is used instead. */
  approx: ApproxTime | null;
  timezone: string;
  errorDetails: string;
  message: string;
  requestedRemedy: RequestedRemedy;
  jobId: string;
}

export interface Outage {
  incidentId: string;
  title: string;
  startedAt: number;
  /** Null while still open: it runs until the newest timestamp in the data. */
  resolvedAt: number | null;
  /** Empty means every component. */
  components: string[];
  impact: string;
}

export interface RecordByKind {
  jobs: Job;
  ledger: LedgerEntry;
  payments: Payment;
  requests: SupportRequest;
  outages: Outage;
}

/** One rejected or warned row, as the user sees it. Lines are physical, 1-based, header = 1. */
export interface RowProblem {
  line: number;
  column: string;
  value: string;
  reason: string;
}
