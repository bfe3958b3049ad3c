import type { Job } from '../domain/records';
import type { CompiledSettings } from '../policy/compiled-settings';
import type { OutageSpan } from '../policy/indexes';
import { compareText } from '../policy/order';
import { outagesForJob } from '../policy/outages';
import type { ErrorClass } from '../policy/types';
import { failureClassifier, isFailure } from './failure-class';

export interface AffectedJob {
  job: Job;
  /** Platform or unknown-made-platform by the outage (rule 6); never customer. */
  errorClass: ErrorClass;
}

export interface AffectedSelection {
  affected: AffectedJob[];
  /** Failures in the window and components whose own error says the customer caused them. */
  customerCaused: Job[];
}

/**
 * The jobs an incident affected: failed or undelivered without a usable output (isFailure), whose
 * run (created_at to completed_at) overlaps the incident's window, and whose component or model the
 * incident lists, or any job when it lists none — the policy's outage test (outagesForJob). A failure
 * the customer caused (content policy, invalid input, …) is not the incident's doing: it is set
 * aside, counted, and never credited proactively. Sorted by created_at, then job_id.
 */
export function selectAffectedJobs(
  span: OutageSpan,
  jobs: Iterable<Job>,
  compiled: CompiledSettings,
): AffectedSelection {
  const spans = [span];
  const affected: AffectedJob[] = [];
  const customerCaused: Job[] = [];
  const seen = new Set<string>();
  const classify = failureClassifier(compiled, true);
  for (const job of jobs) {
    if (seen.has(job.jobId) || !isFailure(job) || outagesForJob(job, spans).length === 0) continue;
    seen.add(job.jobId);
    const errorClass = classify(job.status, job.errorCode, job.errorMessage);
    if (errorClass === 'customer') customerCaused.push(job);
    else affected.push({ job, errorClass });
  }
  const byTime = (a: Job, b: Job) => a.createdAt - b.createdAt || compareText(a.jobId, b.jobId);
  affected.sort((a, b) => byTime(a.job, b.job));
  customerCaused.sort(byTime);
  return { affected, customerCaused };
}
