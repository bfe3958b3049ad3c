import { describe, expect, it } from 'vitest';
import { compileSettings } from '@shared/policy/compiled-settings';
import { DEFAULT_SETTINGS } from '@shared/policy/settings';
import { incidentSpan, selectAffectedJobs } from '@shared/outages';
import { HOUR, MINUTE, T0, job, outage } from './builders';

const compiled = compileSettings(DEFAULT_SETTINGS);
const ids = (jobs: { job: { jobId: string } }[]) => jobs.map((a) => a.job.jobId);

describe('selectAffectedJobs', () => {
  const span = incidentSpan(outage({ incidentId: 'INC-1' }), T0 + 10 * HOUR);

  it('takes failed and undelivered jobs in the window and component, never usable or unfinished ones', () => {
    const jobs = [
      job({ jobId: 'failed', createdAt: T0 + 10 * MINUTE }),
      job({
        jobId: 'undelivered',
        status: 'succeeded',
        errorCode: '',
        delivered: false,
        createdAt: T0 + HOUR,
      }),
      job({ jobId: 'delivered', status: 'succeeded', errorCode: '', delivered: true, createdAt: T0 + HOUR }),
      job({ jobId: 'running', status: 'running', errorCode: '', createdAt: T0 + HOUR }),
      job({ jobId: 'queued', status: 'queued', errorCode: '', createdAt: T0 + HOUR }),
      job({ jobId: 'timed-out', status: 'timed_out', errorCode: '', createdAt: T0 + 90 * MINUTE }),
    ];
    expect(ids(selectAffectedJobs(span, jobs, compiled).affected)).toEqual([
      'failed',
      'undelivered',
      'timed-out',
    ]);
  });

  it('uses the run, not only the creation time: a job started before the window and ending in it counts', () => {
    const jobs = [
      job({ jobId: 'spans-start', createdAt: T0 - 20 * MINUTE, completedAt: T0 + 5 * MINUTE }),
      job({ jobId: 'ended-before', createdAt: T0 - 20 * MINUTE, completedAt: T0 - MINUTE }),
      job({ jobId: 'at-end', createdAt: T0 + 2 * HOUR }),
      job({ jobId: 'after-end', createdAt: T0 + 2 * HOUR + 1 }),
    ];
    expect(ids(selectAffectedJobs(span, jobs, compiled).affected)).toEqual(['spans-start', 'at-end']);
  });

  it('matches the listed components by component or model, case-insensitively', () => {
    const s = incidentSpan(outage({ incidentId: 'INC-2', components: [' Encode ', 'vy-lipsync-3'] }), T0);
    const jobs = [
      job({ jobId: 'component', component: 'ENCODE', createdAt: T0 + MINUTE }),
      job({ jobId: 'model', component: 'queue', model: 'VY-LIPSYNC-3', createdAt: T0 + MINUTE }),
      job({ jobId: 'other', component: 'render', model: 'vy-motion-2', createdAt: T0 + MINUTE }),
      job({ jobId: 'blank', component: '', model: '', createdAt: T0 + MINUTE }),
    ];
    expect(ids(selectAffectedJobs(s, jobs, compiled).affected)).toEqual(['component', 'model']);
  });

  it('takes every component when the incident lists none', () => {
    const s = incidentSpan(outage({ incidentId: 'INC-3', components: [] }), T0);
    const jobs = [
      job({ jobId: 'a', component: 'render', createdAt: T0 + MINUTE }),
      job({ jobId: 'b', component: '', model: '', createdAt: T0 + 2 * MINUTE }),
    ];
    expect(ids(selectAffectedJobs(s, jobs, compiled).affected)).toEqual(['a', 'b']);
  });

  it('sets customer-caused failures aside and makes an unknown cause platform, as rule 6 does in an outage', () => {
    const jobs = [
      job({ jobId: 'policy', errorCode: 'CONTENT_POLICY_VIOLATION', createdAt: T0 + MINUTE }),
      job({
        jobId: 'message',
        errorCode: '',
        errorMessage: 'prompt rejected by safety filter',
        createdAt: T0 + MINUTE,
      }),
      job({ jobId: 'unknown', errorCode: 'WEIRD', createdAt: T0 + 2 * MINUTE }),
      job({ jobId: 'canceled', status: 'canceled', errorCode: '', createdAt: T0 + 3 * MINUTE }),
    ];
    const result = selectAffectedJobs(span, jobs, compiled);
    expect(result.affected.map((a) => [a.job.jobId, a.errorClass])).toEqual([
      ['unknown', 'platform'],
      ['canceled', 'platform'],
    ]);
    expect(result.customerCaused.map((j) => j.jobId)).toEqual(['message', 'policy']);
  });

  it('ends an open incident at the newest timestamp in the data', () => {
    const latest = T0 + 5 * HOUR;
    const open = incidentSpan(outage({ incidentId: 'INC-4', resolvedAt: null }), latest);
    expect(open.end).toBe(latest);
    const jobs = [
      job({ jobId: 'inside', createdAt: T0 + 4 * HOUR }),
      job({ jobId: 'beyond', createdAt: latest + MINUTE }),
    ];
    expect(ids(selectAffectedJobs(open, jobs, compiled).affected)).toEqual(['inside']);
    // An open incident that started after everything else never ends before it began.
    expect(incidentSpan(outage({ incidentId: 'INC-5', resolvedAt: null }), T0 - HOUR).end).toBe(T0);
  });

  it('does not depend on input order and lists a repeated job once', () => {
    const jobs = [
      job({ jobId: 'b', createdAt: T0 + MINUTE }),
      job({ jobId: 'a', createdAt: T0 + MINUTE }),
      job({ jobId: 'c', createdAt: T0 }),
    ];
    const forward = ids(selectAffectedJobs(span, jobs, compiled).affected);
    const backward = ids(selectAffectedJobs(span, [...jobs].reverse(), compiled).affected);
    expect(forward).toEqual(['c', 'a', 'b']);
    expect(backward).toEqual(forward);
    expect(ids(selectAffectedJobs(span, [...jobs, ...jobs], compiled).affected)).toEqual(forward);
  });
});
