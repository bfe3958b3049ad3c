import { reconcileRecords } from '@shared/policy';
import type { PolicyData } from '@shared/policy/indexes';
import type { Suggestion } from '@shared/policy/types';
import { DAY, EMAIL, entry, HOUR, job, outage, request } from '../policy/builders';

/** A small account: a platform failure, a delivered job and a repeat requester, from the real rules. */
export function sampleData(): PolicyData {
  return {
    jobs: [
      job({ jobId: 'job-fail', errorCode: 'GPU_OOM', creditsCharged: 40 }),
      job({
        jobId: 'job-ok',
        status: 'succeeded',
        errorCode: '',
        delivered: true,
        createdAt: job({ jobId: 'x' }).createdAt + 3 * DAY,
      }),
      job({
        jobId: 'job-big',
        accountEmail: 'bo@example.com',
        accountEmailRaw: 'bo@example.com',
        creditsCharged: 900,
      }),
    ],
    ledger: [
      entry({ entryId: 'L1', jobId: 'job-fail', credits: -40 }),
      entry({ entryId: 'L2', jobId: 'job-big', credits: -900, accountEmail: 'bo@example.com' }),
    ],
    payments: [],
    requests: [
      request({ requestId: 'REQ-1', jobId: 'job-fail' }),
      request({ requestId: 'REQ-2', jobId: 'job-ok', receivedAt: job({ jobId: 'x' }).createdAt + 4 * DAY }),
      request({
        requestId: 'REQ-3',
        jobId: 'job-big',
        accountEmail: 'bo@example.com',
        accountEmailRaw: 'bo@example.com',
      }),
    ],
    outages: [
      outage({
        incidentId: 'INC-1',
        startedAt: job({ jobId: 'x' }).createdAt - 10 * HOUR,
        resolvedAt: job({ jobId: 'x' }).createdAt - 9 * HOUR,
      }),
    ],
  };
}

export async function suggestionsFor(data: PolicyData): Promise<Map<string, Suggestion>> {
  const list = await reconcileRecords(data);
  return new Map(list.map((s) => [s.requestId, s]));
}

export function must<T>(value: T | undefined | null, what: string): T {
  if (value === undefined || value === null) throw new Error(`missing ${what}`);
  return value;
}

export { EMAIL };
