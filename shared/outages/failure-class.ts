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
export function failureClass(job: ClassFields, compiled: CompiledSettings, inOutage: boolean): ErrorClass {
  // classifyJobError reads only the code and the message.
  const { errorClass } = classifyJobError(job as Job, compiled);
  if (errorClass !== 'unknown') return errorClass;
  if (job.status === 'timed_out' || job.status === 'aborted') return 'platform';
  if (inOutage) return 'platform';
  if (job.status === 'canceled') return 'customer';
  return 'unknown';
}

/** The fields of a job that decide its failure class. */
export type ClassFields = Pick<Job, 'status' | 'errorCode' | 'errorMessage'>;

/**
 * failureClass for many jobs under one set of settings. A month of failures repeats a few dozen
 * (status, code, message) combinations, so each is classified once: the code table and message
 * patterns then cost a map lookup per job instead of a regular expression.
 */
export function failureClassifier(
  compiled: CompiledSettings,
  inOutage: boolean,
): (status: Job['status'], errorCode: string, errorMessage: string) => ErrorClass {
  const known = new Map<string, ErrorClass>();
  return (status, errorCode, errorMessage) => {
    // The message only counts when there is no code (classifyJobError).
    const key =
      errorCode.trim() === '' ? `${status}\u0000\u0000${errorMessage}` : `${status}\u0000${errorCode}`;
    let errorClass = known.get(key);
    if (errorClass === undefined) {
      errorClass = failureClass({ status, errorCode, errorMessage }, compiled, inOutage);
      known.set(key, errorClass);
    }
    return errorClass;
  };
}
