import type { Job, SupportRequest } from '../domain/records';
import { compareText, lowerBound } from './order';
import type { CandidateFactors, RequestWindow } from './types';

/**
 * The window around the request's approximate time t: [t − w, t + w] for a clock time (received_at
 * standing in when the cell was empty); for a date-only value, the calendar day [dayStart, dayEnd)
 * in the request's own zone widened by w on each side, ranked from 12:00 of that day.
 */
export function requestWindow(request: SupportRequest, windowMs: number): RequestWindow {
  const approx = request.approx;
  if (approx === null) {
    const t = request.receivedAt;
    return {
      t,
      start: t - windowMs,
      end: t + windowMs,
      endInclusive: true,
      dateOnly: false,
      fromReceivedAt: true,
    };
  }
  if (approx.dateOnly && approx.dayStart !== null && approx.dayEnd !== null) {
    return {
      t: approx.t,
      start: approx.dayStart - windowMs,
      end: approx.dayEnd + windowMs,
      endInclusive: false,
      dateOnly: true,
      fromReceivedAt: false,
    };
  }
  const t = approx.t;
  return {
    t,
    start: t - windowMs,
    end: t + windowMs,
    endInclusive: true,
    dateOnly: false,
    fromReceivedAt: false,
  };
}

export function inWindow(time: number, window: RequestWindow): boolean {
  return time >= window.start && (time < window.end || (time === window.end && window.endInclusive));
}

/** Delivered a usable output: `succeeded` and output_delivered not false. */
export function hasUsableOutput(job: Job): boolean {
  return job.status === 'succeeded' && job.delivered;
}

export function codeMentioned(job: Job, requestTextLower: string): boolean {
  const code = job.errorCode.trim().toLowerCase();
  return code !== '' && requestTextLower.includes(code);
}

/**
 * The account's jobs created inside the window, best first: no usable output, then the smallest
 * |created_at − t|, then the error code named in the request, then job_id ascending.
 */
export function rankCandidates(
  accountJobs: readonly Job[],
  window: RequestWindow,
  requestTextLower: string,
): CandidateFactors[] {
  const found: CandidateFactors[] = [];
  for (let i = lowerBound(accountJobs, window.start, (job) => job.createdAt); i < accountJobs.length; i++) {
    const job = accountJobs[i] as Job;
    if (job.createdAt > window.end || (job.createdAt === window.end && !window.endInclusive)) break;
    found.push({
      jobId: job.jobId,
      usableOutput: hasUsableOutput(job),
      distanceMs: Math.abs(job.createdAt - window.t),
      codeMentioned: codeMentioned(job, requestTextLower),
      rank: 0,
    });
  }
  found.sort(
    (a, b) =>
      Number(a.usableOutput) - Number(b.usableOutput) ||
      a.distanceMs - b.distanceMs ||
      Number(b.codeMentioned) - Number(a.codeMentioned) ||
      compareText(a.jobId, b.jobId),
  );
  found.forEach((candidate, index) => (candidate.rank = index + 1));
  return found;
}
