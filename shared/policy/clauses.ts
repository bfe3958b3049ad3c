import type { Outcome, Reason } from './types';

/** The billing policy's heading and the words each outcome rests on, quoted for the request page. */
export interface PolicyClause {
  heading: string;
  text: string;
}

const CREDIT_BACK: PolicyClause = {
  heading: 'Credit-Back Guarantee for Technical Failures',
  text:
    'If a technical error on our side prevents your video from being generated, Vysage Studio will provide a ' +
    'credit-back guarantee for the affected generation. This applies when a job fails due to a verifiable platform, ' +
    'infrastructure, or processing error and no usable output is delivered. In these cases, our default remedy is ' +
    'to restore the deducted credit to your balance or, where appropriate, re-run the generation at no additional ' +
    'credit cost.',
};

const REFUNDS: PolicyClause = {
  heading: 'When Refunds May Be Considered',
  text:
    'Monetary refunds are generally not provided once credits are purchased or used. However, we may review ' +
    'exceptional cases where required by applicable law or where a billing error caused an incorrect charge.',
};

export const POLICY_CLAUSES: Record<Outcome, PolicyClause> = {
  credit_back: CREDIT_BACK,
  rerun: CREDIT_BACK,
  billing_error_review: REFUNDS,
  escalate_legal: REFUNDS,
  deny_subjective: {
    heading: 'No General Refunds for Subjective Results',
    text:
      'AI output is inherently probabilistic. Variations in likeness, motion, realism, timing, or style can occur ' +
      'even when the same prompt or media is used. For that reason, dissatisfaction with the aesthetic or creative ' +
      'result does not normally qualify for a refund.',
  },
  deny_user_error: CREDIT_BACK,
  deny_duplicate: {
    heading: 'Abuse Prevention',
    text:
      'We reserve the right to deny refund or credit restoration requests where we identify misuse, repeated abuse, ' +
      'policy violations, charge fraud, or attempts to obtain duplicate compensation for the same generation event.',
  },
  deny_no_charge: CREDIT_BACK,
  needs_info: {
    heading: 'How to Request Review',
    text:
      'To request a review, include the email on your account, the approximate time of the failed generation, and ' +
      'any error details shown in the product. We may request additional information needed to verify the failure.',
  },
};

/** The outcome in a reviewer's words. */
export const OUTCOME_LABELS: Record<Outcome, string> = {
  credit_back: 'Credit back',
  rerun: 'Re-run free',
  billing_error_review: 'Billing error review',
  escalate_legal: 'Escalate to legal',
  deny_subjective: 'Deny: output delivered',
  deny_user_error: 'Deny: customer-side error',
  deny_duplicate: 'Deny: already compensated',
  deny_no_charge: 'Deny: nothing charged',
  needs_info: 'Ask for information',
};

/** One plain sentence per reason; `credits`/`amount` fill in where the reason has a number. */
export function plainLanguage(
  reason: Reason,
  details: { credits?: number | null; amount?: string | null } = {},
): string {
  const credits = details.credits ?? null;
  switch (reason) {
    case 'legal_terms':
      return 'The customer invokes legal rights, so legal reviews this request before anyone else decides.';
    case 'unknown_account':
      return 'No job, ledger entry or payment carries this email: ask the customer for the email on their account.';
    case 'no_job_in_window':
      return 'The account has no generation near the stated time: ask the customer for the time or the job id.';
    case 'double_deduction':
      return `The generation was charged more than once: finance reviews a correction of ${credits ?? 'the extra'} credits.`;
    case 'duplicate_payment':
      return `The card was charged twice for the same amount within minutes: finance reviews a refund of ${details.amount ?? 'the later payment'}.`;
    case 'output_delivered':
      return 'The generation succeeded and its output was delivered; dissatisfaction with the result is not a failure.';
    case 'job_not_finished':
      return 'The generation is still queued or running: ask the customer to wait, or check again later.';
    case 'customer_error':
      return 'The generation failed for a cause on the customer’s side, not a technical error on ours.';
    case 'cause_unverified':
      return 'The generation failed but nothing shows the cause was on our side: ask for the error shown.';
    case 'already_restored':
      return 'The credits for this generation were already restored in the ledger.';
    case 'already_exported':
      return 'This generation is already in a signed credit-back batch.';
    case 'proactive_credit_back':
      return 'This generation was already credited back after an outage.';
    case 'earlier_request':
      return 'An earlier request already got this generation credited back or re-run.';
    case 'no_charge':
      return 'No credits were deducted for this generation, so there is nothing to restore.';
    case 'platform_failure':
      return credits === null
        ? 'The generation failed on our side: the policy gives the credits back.'
        : `The generation failed on our side: the policy gives back the ${credits} credits it cost.`;
  }
}
