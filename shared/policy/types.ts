import type { Job, LedgerEntry, Outage, Payment } from '../domain/records';

export const OUTCOMES = [
  'credit_back',
  'rerun',
  'billing_error_review',
  'escalate_legal',
  'deny_subjective',
  'deny_user_error',
  'deny_duplicate',
  'deny_no_charge',
  'needs_info',
] as const;
export type Outcome = (typeof OUTCOMES)[number];

/** The spec's machine words, plus `proactive_credit_back`, which only the app can produce. */
export const REASONS = [
  'unknown_account',
  'no_job_in_window',
  'job_not_finished',
  'cause_unverified',
  'double_deduction',
  'duplicate_payment',
  'output_delivered',
  'customer_error',
  'already_restored',
  'already_exported',
  'earlier_request',
  'proactive_credit_back',
  'no_charge',
  'platform_failure',
  'legal_terms',
] as const;
export type Reason = (typeof REASONS)[number];

/** In the order the suggestions file lists them. */
export const FLAGS = ['repeat_requester', 'outage', 'four_eyes'] as const;
export type Flag = (typeof FLAGS)[number];

export type RuleNumber = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9;

export type ErrorClass = 'platform' | 'customer' | 'unknown';
/** How the class was decided: the code table, the message patterns, the job status, an outage, or nothing. */
export type ErrorClassMethod = 'code_table' | 'message_pattern' | 'status' | 'outage' | 'none';

/** How the job was picked (rule 3). */
export type PickMethod = 'job_id_column' | 'text_token' | 'window' | 'reviewer';

/** One job of the account created inside the window, with what ranked it. Rank 1 is the best. */
export interface CandidateFactors {
  jobId: string;
  usableOutput: boolean;
  /** |created_at − t| in milliseconds. */
  distanceMs: number;
  codeMentioned: boolean;
  rank: number;
}

export interface RequestWindow {
  t: number;
  start: number;
  /** Inclusive for a clock time; exclusive for a date-only value (the calendar day is half-open). */
  end: number;
  endInclusive: boolean;
  dateOnly: boolean;
  /** True when approx_failure_time was empty and received_at stood in for it. */
  fromReceivedAt: boolean;
}

/**
 * What a suggestion rests on, as ids and small factor objects so that tens of thousands of
 * suggestions stay light; `expandEvidence` turns it into records for one request.
 */
export interface Evidence {
  legalTerm: string | null;
  window: RequestWindow | null;
  pickedBy: PickMethod | null;
  candidates: CandidateFactors[];
  ledgerEntryIds: string[];
  paymentIds: readonly string[];
  /** The two payments of a duplicate-payment billing error: earlier, later. */
  duplicatePaymentIds: [string, string] | null;
  outageIds: string[];
  errorClass: ErrorClass | null;
  errorClassBy: ErrorClassMethod | null;
  chargedCredits: number | null;
  /** The request that already got credit_back or rerun for this job (rule 7, earlier_request). */
  earlierRequestId: string | null;
}

export interface Suggestion {
  requestId: string;
  outcome: Outcome;
  jobId: string | null;
  credits: number | null;
  amountMinor: number | null;
  currency: string | null;
  rule: RuleNumber;
  reason: Reason;
  flags: Flag[];
  settingsSha256: string;
  evidence: Evidence;
}

/** Evidence with the records themselves, for the one request a reviewer opens. */
export interface ExpandedEvidence {
  candidates: { job: Job; factors: CandidateFactors; picked: boolean }[];
  pickedJob: Job | null;
  ledgerEntries: LedgerEntry[];
  payments: Payment[];
  duplicatePayments: Payment[];
  outages: Outage[];
}
