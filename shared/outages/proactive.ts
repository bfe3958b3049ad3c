import { compareText } from '../policy/order';
import type { Flag } from '../policy/types';
import type { Decision } from '../review/decision';
import type { Job } from '../domain/records';

/** What a proactive credit-back needs of an affected row (AffectedRow has it). */
export interface ProactiveCandidate {
  job: Pick<Job, 'jobId' | 'accountEmail'>;
  charged: number;
  eligible: boolean;
}

export const PROACTIVE_REASON = 'outage_proactive';

/** Decision ids of proactive credit-backs: unique per incident and job, never a real ticket id. */
export function proactiveRequestId(incidentId: string, jobId: string): string {
  return `proactive:${incidentId}:${jobId}`;
}

export interface ProactiveAccountLine {
  accountEmail: string;
  jobs: number;
  credits: number;
  /** Jobs whose credits exceed the four-eyes threshold: they need a second reviewer. */
  fourEyesJobs: number;
}

export interface ProactiveSummary {
  accounts: ProactiveAccountLine[];
  jobs: number;
  credits: number;
  fourEyesJobs: number;
}

/** Only rows that may be credited proactively go through: see AffectedRow.eligible. */
export function eligibleRows<T extends ProactiveCandidate>(rows: readonly T[]): T[] {
  return rows.filter((row) => row.eligible);
}

/** What will be restored, per account, before anything is created. */
export function summarizeProactive(
  rows: readonly ProactiveCandidate[],
  fourEyesCreditThreshold: number,
): ProactiveSummary {
  const lines = new Map<string, ProactiveAccountLine>();
  for (const row of eligibleRows(rows)) {
    const email = row.job.accountEmail;
    const line = lines.get(email) ?? { accountEmail: email, jobs: 0, credits: 0, fourEyesJobs: 0 };
    line.jobs += 1;
    line.credits += row.charged;
    if (row.charged > fourEyesCreditThreshold) line.fourEyesJobs += 1;
    lines.set(email, line);
  }
  const accounts = [...lines.values()].sort(
    (a, b) => b.credits - a.credits || compareText(a.accountEmail, b.accountEmail),
  );
  return {
    accounts,
    jobs: accounts.reduce((n, a) => n + a.jobs, 0),
    credits: accounts.reduce((n, a) => n + a.credits, 0),
    fourEyesJobs: accounts.reduce((n, a) => n + a.fourEyesJobs, 0),
  };
}

export interface ProactiveContext {
  incidentId: string;
  incidentTitle: string;
  decidedBy: string;
  decidedAt: string;
  fourEyesCreditThreshold: number;
  settingsSha256: string;
}

/**
 * `credit_back` decisions for the eligible rows: rule 9's remedy for a platform failure with
 * credits charged, reason `outage_proactive`, the `outage` flag, and `four_eyes` above the
 * threshold, so that they meet the same second-reviewer rule as any request's decision. Their
 * idempotency key is the generation's (account, job), so a later request for the same job is a
 * duplicate and the same generation can never be exported twice. Like a request's decision it
 * starts `decided`: exportable as it is, unless `four_eyes` makes it wait for a second reviewer.
 */
export function proactiveDecisions(
  rows: readonly ProactiveCandidate[],
  context: ProactiveContext,
): Decision[] {
  return eligibleRows(rows).map((row) => {
    const flags: Flag[] = ['outage'];
    if (row.charged > context.fourEyesCreditThreshold) flags.push('four_eyes');
    return {
      requestId: proactiveRequestId(context.incidentId, row.job.jobId),
      source: 'outage_proactive',
      accountEmail: row.job.accountEmail,
      jobId: row.job.jobId,
      outcome: 'credit_back',
      suggestedOutcome: 'credit_back',
      credits: row.charged,
      amountMinor: null,
      currency: null,
      rule: 9,
      reason: PROACTIVE_REASON,
      flags,
      note: `Proactive credit-back for incident ${context.incidentId}${context.incidentTitle ? ` (${context.incidentTitle})` : ''}`,
      decidedBy: context.decidedBy,
      decidedAt: context.decidedAt,
      approvedBy: null,
      approvedAt: null,
      state: 'decided',
      batchId: null,
      settingsSha256: context.settingsSha256,
      incidentId: context.incidentId,
    };
  });
}
