import type { Flag, Outcome, Suggestion } from '../policy/types';
import { isExportableOutcome, needsSecondReviewer, type Decision } from './decision';

/**
 * The reviewer-facing lifecycle: suggested → decided → approved → exported.
 *
 * Every decision starts `decided`. Approval is a second reviewer's look, always by a different
 * identity: a `four_eyes` remedy cannot be exported without it, any other decision may be exported
 * as decided (as the outages page's proactive decisions are). Undo steps back one stage at a time
 * until export, which locks the decision.
 */
export type ReviewState = 'suggested' | Decision['state'];

export const REVIEW_STATES: readonly ReviewState[] = ['suggested', 'decided', 'approved', 'exported'];

export class LifecycleError extends Error {
  override name = 'LifecycleError';
}

/** Case- and space-insensitive, as the export checks compare reviewers. */
export function sameReviewer(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

export interface DecideInput {
  suggestion: Suggestion;
  accountEmail: string;
  outcome: Outcome;
  note: string;
  actor: string;
  at: Date;
  /** Credits above this make a remedy four_eyes (the settings in force). */
  fourEyesCreditThreshold: number;
}

export function isOverride(suggestion: Pick<Suggestion, 'outcome'>, outcome: Outcome): boolean {
  return suggestion.outcome !== outcome;
}

/** The credits a chosen outcome carries when it differs from the suggestion. */
function overrideCredits(suggestion: Suggestion, outcome: Outcome): number | null {
  if (isExportableOutcome(outcome)) {
    if (isExportableOutcome(suggestion.outcome)) return suggestion.credits;
    return suggestion.evidence.chargedCredits;
  }
  if (outcome === 'billing_error_review' && suggestion.outcome === 'billing_error_review')
    return suggestion.credits;
  return null;
}

function decidedFlags(suggestion: Suggestion, outcome: Outcome, credits: number | null, threshold: number) {
  const flags: Flag[] = suggestion.flags.filter((flag) => flag !== 'four_eyes');
  const repeat = flags.includes('repeat_requester');
  if (isExportableOutcome(outcome) && ((credits ?? 0) > threshold || repeat)) flags.push('four_eyes');
  return flags;
}

/** Accepting the suggestion, or choosing another outcome (an override, which needs a note). */
export function decide(input: DecideInput): Decision {
  const { suggestion, outcome, actor } = input;
  const note = input.note.trim();
  if (actor.trim() === '')
    throw new LifecycleError('Set your reviewer identity in Settings before deciding.');
  const override = isOverride(suggestion, outcome);
  if (override && note === '')
    throw new LifecycleError('Choosing another outcome than the suggestion needs a note saying why.');
  if (isExportableOutcome(outcome) && suggestion.jobId === null)
    throw new LifecycleError('A credit-back or re-run needs a job: pick one from the candidates first.');
  const credits = override ? overrideCredits(suggestion, outcome) : suggestion.credits;
  if (isExportableOutcome(outcome) && (credits === null || credits <= 0))
    throw new LifecycleError('Nothing was charged for this job, so there are no credits to give back.');
  const keepsMoney = !override || outcome === 'billing_error_review';
  const flags = override
    ? decidedFlags(suggestion, outcome, credits, input.fourEyesCreditThreshold)
    : [...suggestion.flags];
  const decision: Decision = {
    requestId: suggestion.requestId,
    source: 'request',
    accountEmail: input.accountEmail,
    jobId: suggestion.jobId,
    outcome,
    suggestedOutcome: suggestion.outcome,
    credits,
    amountMinor: keepsMoney ? suggestion.amountMinor : null,
    currency: keepsMoney ? suggestion.currency : null,
    rule: override ? null : suggestion.rule,
    reason: override ? 'reviewer_override' : suggestion.reason,
    flags,
    note,
    decidedBy: actor.trim(),
    decidedAt: input.at.toISOString(),
    approvedBy: null,
    approvedAt: null,
    state: 'decided',
    batchId: null,
    settingsSha256: suggestion.settingsSha256,
    incidentId: null,
  };
  return decision;
}

/** Whether `actor` may approve: a decided decision, by someone other than who decided it. */
export function approvalProblem(decision: Decision, actor: string): string | null {
  if (actor.trim() === '') return 'Set your reviewer identity in Settings before approving.';
  if (decision.state === 'exported') return 'This decision is exported and locked.';
  if (decision.state === 'approved') return 'This decision is already approved.';
  if (sameReviewer(decision.decidedBy, actor))
    return `Approval needs a second reviewer: ${decision.decidedBy} decided this, so someone else must approve it. Change the identity in Settings.`;
  return null;
}

export function approve(decision: Decision, actor: string, at: Date): Decision {
  const problem = approvalProblem(decision, actor);
  if (problem) throw new LifecycleError(problem);
  return { ...decision, state: 'approved', approvedBy: actor.trim(), approvedAt: at.toISOString() };
}

/** What undo does to a decision: withdraw a second reviewer's approval, or remove the decision. */
export type UndoStep = { kind: 'unapprove'; after: Decision } | { kind: 'remove' };

export function undoStep(decision: Decision): UndoStep {
  if (decision.state === 'exported')
    throw new LifecycleError('This decision is in a signed batch and locked: it can no longer be undone.');
  if (decision.state === 'approved') {
    return {
      kind: 'unapprove',
      after: { ...decision, state: 'decided', approvedBy: null, approvedAt: null },
    };
  }
  return { kind: 'remove' };
}

export function reviewState(decision: Pick<Decision, 'state'> | undefined | null): ReviewState {
  return decision ? decision.state : 'suggested';
}

/** Cleared to leave in a credit-back batch (the Exports page's selection). */
export function readyForExport(decision: Decision): boolean {
  return (
    (decision.state === 'decided' || decision.state === 'approved') &&
    isExportableOutcome(decision.outcome) &&
    !needsSecondReviewer(decision)
  );
}
