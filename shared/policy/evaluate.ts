import type { Job, SupportRequest } from '../domain/records';
import { chargedCredits, duplicatePayment, extraDeductions } from './billing';
import type { CompiledSettings } from './compiled-settings';
import type { PolicyIndexes } from './indexes';
import { outagesForJob } from './outages';
import { classifyJobError, findLegalTerm, requestTextLower, textTokens } from './text-rules';
import type {
  CandidateFactors,
  ErrorClass,
  ErrorClassMethod,
  Evidence,
  Flag,
  Outcome,
  PickMethod,
  Reason,
  RuleNumber,
  Suggestion,
} from './types';
import { hasUsableOutput, rankCandidates, requestWindow } from './window';

const NO_IDS: readonly string[] = Object.freeze([]);

/** What rule 7 knows about generations compensated outside this request. */
export interface CompensationState {
  isRestoredInLedger(jobId: string): boolean;
  isExported(accountEmail: string, jobId: string): boolean;
  isProactivelyCredited(accountEmail: string, jobId: string): boolean;
  /** The earlier request (rule order) that got credit_back or rerun for this job, if any. */
  earlierCompensation(accountEmail: string, jobId: string): string | null;
}

export interface EvaluationContext {
  indexes: PolicyIndexes;
  compiled: CompiledSettings;
  settingsSha256: string;
  repeatAccounts: ReadonlySet<string>;
  compensation: CompensationState;
}

export interface JobPick {
  job: Job | null;
  pickedBy: PickMethod | null;
  window: Evidence['window'];
  candidates: CandidateFactors[];
}

/** The job of that id, if it is the requesting account's. */
function ownJob(request: SupportRequest, indexes: PolicyIndexes, jobId: string): Job | null {
  const job = jobId === '' ? undefined : indexes.jobById.get(jobId);
  return job && job.accountEmail === request.accountEmail ? job : null;
}

/** Rule 3: the quoted job, then a job id in the text, then the best-ranked job in the window. */
export function pickJob(
  request: SupportRequest,
  indexes: PolicyIndexes,
  compiled: CompiledSettings,
  forcedJobId: string | null,
): JobPick {
  const accountJobs = indexes.jobsByAccount.get(request.accountEmail) ?? [];
  const window = requestWindow(request, compiled.windowMs);
  const candidates =
    accountJobs.length > 0 ? rankCandidates(accountJobs, window, requestTextLower(request)) : [];

  const forced = forcedJobId === null ? null : ownJob(request, indexes, forcedJobId);
  if (forced) return { job: forced, pickedBy: 'reviewer', window, candidates };
  const quoted = ownJob(request, indexes, request.jobId.trim());
  if (quoted) return { job: quoted, pickedBy: 'job_id_column', window, candidates };
  for (const token of textTokens(request)) {
    const named = ownJob(request, indexes, token);
    if (named) return { job: named, pickedBy: 'text_token', window, candidates };
  }
  const best = candidates[0];
  if (best) return { job: indexes.jobById.get(best.jobId) ?? null, pickedBy: 'window', window, candidates };
  return { job: null, pickedBy: null, window, candidates };
}

interface Decision {
  outcome: Outcome;
  rule: RuleNumber;
  reason: Reason;
  credits?: number;
  amountMinor?: number;
  currency?: string;
}

/** Runs the nine rules for one request; first match wins. */
export function evaluateRequest(
  request: SupportRequest,
  context: EvaluationContext,
  forcedJobId: string | null = null,
): Suggestion {
  const { indexes, compiled } = context;
  const evidence: Evidence = {
    legalTerm: null,
    window: null,
    pickedBy: null,
    candidates: [],
    ledgerEntryIds: [],
    paymentIds: indexes.paymentIdsByAccount.get(request.accountEmail) ?? NO_IDS,
    duplicatePaymentIds: null,
    outageIds: [],
    errorClass: null,
    errorClassBy: null,
    chargedCredits: null,
    earlierRequestId: null,
  };
  const repeat = context.repeatAccounts.has(request.accountEmail);
  // suggestionOf, not closures here: under tsx (the tests, and the CLI before it was bundled),
  // keepNames wraps each named closure in a defineProperty call every time it is created (for 54k
  // requests, ~0.3 s).
  const known = indexes.knownAccounts.has(request.accountEmail);
  // The candidates are gathered even when rule 1 decides, so a reviewer can still see and re-pick.
  const pick = known ? pickJob(request, indexes, compiled, forcedJobId) : null;
  if (pick) {
    evidence.window = pick.window;
    evidence.candidates = pick.candidates;
    evidence.pickedBy = pick.pickedBy;
  }

  evidence.legalTerm = findLegalTerm(request, compiled);
  if (evidence.legalTerm !== null) {
    evidence.pickedBy = null;
    return suggestionOf(
      request,
      context,
      evidence,
      repeat,
      { outcome: 'escalate_legal', rule: 1, reason: 'legal_terms' },
      null,
      false,
    );
  }
  if (!pick)
    return suggestionOf(
      request,
      context,
      evidence,
      repeat,
      { outcome: 'needs_info', rule: 2, reason: 'unknown_account' },
      null,
      false,
    );
  const job = pick.job;
  if (!job)
    return suggestionOf(
      request,
      context,
      evidence,
      repeat,
      { outcome: 'needs_info', rule: 3, reason: 'no_job_in_window' },
      null,
      false,
    );

  const jobEntries = indexes.ledgerByJob.get(job.jobId) ?? [];
  evidence.ledgerEntryIds = jobEntries.map((entry) => entry.entryId);
  const outages = outagesForJob(job, indexes.outages);
  evidence.outageIds = outages.map((span) => span.outage.incidentId);
  const inOutage = outages.length > 0;
  const classified = classifyJobError(job, compiled);
  evidence.errorClass = classified.errorClass;
  evidence.errorClassBy = classified.method;
  const charged = chargedCredits(job, jobEntries);
  evidence.chargedCredits = charged;

  const extra = extraDeductions(jobEntries);
  if (extra !== null) {
    return suggestionOf(
      request,
      context,
      evidence,
      repeat,
      { outcome: 'billing_error_review', rule: 4, reason: 'double_deduction', credits: extra },
      job,
      inOutage,
    );
  }
  if (request.requestedRemedy === 'refund') {
    const pair = duplicatePayment(
      indexes.paymentsByAccount.get(request.accountEmail) ?? [],
      compiled.duplicatePaymentMs,
    );
    if (pair) {
      evidence.duplicatePaymentIds = [pair.earlier.paymentId, pair.later.paymentId];
      return suggestionOf(
        request,
        context,
        evidence,
        repeat,
        {
          outcome: 'billing_error_review',
          rule: 4,
          reason: 'duplicate_payment',
          amountMinor: pair.later.amountMinor,
          currency: pair.later.currency.toUpperCase(),
        },
        job,
        inOutage,
      );
    }
  }

  if (hasUsableOutput(job))
    return suggestionOf(
      request,
      context,
      evidence,
      repeat,
      { outcome: 'deny_subjective', rule: 5, reason: 'output_delivered' },
      job,
      inOutage,
    );

  if (job.status === 'queued' || job.status === 'running') {
    return suggestionOf(
      request,
      context,
      evidence,
      repeat,
      { outcome: 'needs_info', rule: 6, reason: 'job_not_finished' },
      job,
      inOutage,
    );
  }
  const cause = resolveCause(job, classified.errorClass, classified.method, inOutage);
  evidence.errorClass = cause.errorClass;
  evidence.errorClassBy = cause.method;
  if (cause.errorClass === 'customer')
    return suggestionOf(
      request,
      context,
      evidence,
      repeat,
      { outcome: 'deny_user_error', rule: 6, reason: 'customer_error' },
      job,
      inOutage,
    );
  if (cause.errorClass === 'unknown') {
    return suggestionOf(
      request,
      context,
      evidence,
      repeat,
      { outcome: 'needs_info', rule: 6, reason: 'cause_unverified' },
      job,
      inOutage,
    );
  }

  const compensation = context.compensation;
  if (compensation.isRestoredInLedger(job.jobId)) {
    return suggestionOf(
      request,
      context,
      evidence,
      repeat,
      { outcome: 'deny_duplicate', rule: 7, reason: 'already_restored' },
      job,
      inOutage,
    );
  }
  if (compensation.isExported(request.accountEmail, job.jobId)) {
    return suggestionOf(
      request,
      context,
      evidence,
      repeat,
      { outcome: 'deny_duplicate', rule: 7, reason: 'already_exported' },
      job,
      inOutage,
    );
  }
  if (compensation.isProactivelyCredited(request.accountEmail, job.jobId)) {
    return suggestionOf(
      request,
      context,
      evidence,
      repeat,
      { outcome: 'deny_duplicate', rule: 7, reason: 'proactive_credit_back' },
      job,
      inOutage,
    );
  }
  const earlier = compensation.earlierCompensation(request.accountEmail, job.jobId);
  if (earlier !== null) {
    evidence.earlierRequestId = earlier;
    return suggestionOf(
      request,
      context,
      evidence,
      repeat,
      { outcome: 'deny_duplicate', rule: 7, reason: 'earlier_request' },
      job,
      inOutage,
    );
  }

  if (charged === 0)
    return suggestionOf(
      request,
      context,
      evidence,
      repeat,
      { outcome: 'deny_no_charge', rule: 8, reason: 'no_charge' },
      job,
      inOutage,
    );
  const outcome = request.requestedRemedy === 'rerun' ? 'rerun' : 'credit_back';
  return suggestionOf(
    request,
    context,
    evidence,
    repeat,
    { outcome, rule: 9, reason: 'platform_failure', credits: charged },
    job,
    inOutage,
  );
}

function suggestionOf(
  request: SupportRequest,
  context: EvaluationContext,
  evidence: Evidence,
  repeat: boolean,
  decision: Decision,
  job: Job | null,
  outage: boolean,
): Suggestion {
  const credits = decision.credits ?? null;
  const flags: Flag[] = [];
  if (repeat) flags.push('repeat_requester');
  if (outage) flags.push('outage');
  const compensates = decision.outcome === 'credit_back' || decision.outcome === 'rerun';
  if (compensates && ((credits ?? 0) > context.compiled.settings.fourEyesCreditThreshold || repeat))
    flags.push('four_eyes');
  return {
    requestId: request.requestId,
    outcome: decision.outcome,
    jobId: job ? job.jobId : null,
    credits,
    amountMinor: decision.amountMinor ?? null,
    currency: decision.currency ?? null,
    rule: decision.rule,
    reason: decision.reason,
    flags,
    settingsSha256: context.settingsSha256,
    evidence,
  };
}

/**
 * Rule 6's cause, past the unfinished check: customer class denies; platform class, or a
 * `timed_out`/`aborted` job, is platform; an unknown class is platform when a listed outage
 * overlaps the run. Otherwise a `canceled` job is the customer's doing and anything else is
 * unverified.
 */
function resolveCause(
  job: Job,
  errorClass: ErrorClass,
  method: ErrorClassMethod,
  inOutage: boolean,
): { errorClass: ErrorClass; method: ErrorClassMethod } {
  if (errorClass !== 'unknown') return { errorClass, method };
  if (job.status === 'timed_out' || job.status === 'aborted')
    return { errorClass: 'platform', method: 'status' };
  if (inOutage) return { errorClass: 'platform', method: 'outage' };
  if (job.status === 'canceled') return { errorClass: 'customer', method: 'status' };
  return { errorClass: 'unknown', method: 'none' };
}
