import type { Flag, Outcome, RuleNumber } from '../policy/types';

/**
 * A reviewer's decision on one request (or, for an outage, on one affected job), moving
 * suggested → decided → approved → exported. Undo is possible until export; an exported
 * decision is locked.
 */
export type DecisionState = 'decided' | 'approved' | 'exported';

export type DecisionSource = 'request' | 'outage_proactive';

export interface Decision {
  /** The request id; for a proactive credit-back `proactive:<incident>:<job_id>`. */
  requestId: string;
  source: DecisionSource;
  accountEmail: string;
  jobId: string | null;
  outcome: Outcome;
  /** What the policy suggested; a different outcome is an override and carries a note. */
  suggestedOutcome: Outcome | null;
  credits: number | null;
  amountMinor: number | null;
  currency: string | null;
  rule: RuleNumber | null;
  /** The spec's machine word, or `outage_proactive`, or `reviewer_override`. */
  reason: string;
  flags: Flag[];
  note: string;
  decidedBy: string;
  decidedAt: string;
  /** The second reviewer of a four_eyes decision, never the same identity as decidedBy. */
  approvedBy: string | null;
  approvedAt: string | null;
  state: DecisionState;
  batchId: string | null;
  /** The settings the suggestion was made under (policy_settings_sha256 in exports). */
  settingsSha256: string;
  /** The incident a proactive credit-back is for. */
  incidentId: string | null;
}

/** Remedies that leave the desk in a signed credit-back batch. */
export function isExportableOutcome(outcome: Outcome): boolean {
  return outcome === 'credit_back' || outcome === 'rerun';
}

/** A four_eyes remedy needs a second reviewer, other than the first, before export. */
export function needsSecondReviewer(
  decision: Pick<Decision, 'flags' | 'outcome' | 'approvedBy' | 'decidedBy'>,
): boolean {
  return (
    isExportableOutcome(decision.outcome) &&
    decision.flags.includes('four_eyes') &&
    (decision.approvedBy === null || decision.approvedBy === decision.decidedBy)
  );
}
