import type { Job } from '../domain/records';
import type { CompiledSettings } from '../policy/compiled-settings';
import { classifyJobError } from '../policy/text-rules';
import type { ErrorClass } from '../policy/types';
import { hasUsableOutput } from '../policy/window';

/** The chart's stacking order, bottom to top: the classes the policy knows. */
export const FAILURE_CLASSES = ['platform', 'customer', 'unknown'] as const satisfies readonly ErrorClass[];

/** Compact class codes for columnar data handed between a worker and the chart. */
export const CLASS_CODE: Readonly<Record<ErrorClass, number>> = { platform: 0, customer: 1, unknown: 2 };

/**
 * A failure is a finished job without a usable output (failed, timed out, aborted, canceled, or
 * succeeded but never delivered). Queued and running jobs have not failed yet.
 */
export function isFailure(job: Job): boolean {
  return job.status !== 'queued' && job.status !== 'running' && !hasUsableOutput(job);
}

/**
 * The class as rule 6 resolves it: the code table or message pattern first; an unknown cause is
 * platform for a `timed_out`/`aborted` job or inside a listed outage, customer for a `canceled` job.
 * The chart passes `inOutage = false` so that it shows what the jobs themselves say, which is what
 * lets it reveal outages nobody reported.
 */
export function failureClass(job: Job, compiled: CompiledSettings, inOutage: boolean): ErrorClass {
  const { errorClass } = classifyJobError(job, compiled);
  if (errorClass !== 'unknown') return errorClass;
  if (job.status === 'timed_out' || job.status === 'aborted') return 'platform';
  if (inOutage) return 'platform';
  if (job.status === 'canceled') return 'customer';
  return 'unknown';
}
