import { describe, expect, it } from 'vitest';
import {
  HOUR_MS,
  MINUTE_MS,
  bucketFailures,
  bucketSizeFor,
  failureClass,
  isFailure,
  totalPerBucket,
} from '@shared/outages';
import { compileSettings } from '@shared/policy/compiled-settings';
import { DEFAULT_SETTINGS } from '@shared/policy/settings';
import { T0, job } from './builders';

describe('bucketFailures', () => {
  it('counts per whole UTC hour and class, with empty hours kept as zeros', () => {
    const times = [T0 + 5 * MINUTE_MS, T0 + 59 * MINUTE_MS, T0 + HOUR_MS, T0 + 3 * HOUR_MS + 1, T0 - 1];
    const classes = [0, 1, 0, 2, 0];
    const s = bucketFailures({ times, classes }, T0 + 30 * MINUTE_MS, T0 + 3 * HOUR_MS + 5, HOUR_MS);
    expect(s.start).toBe(T0);
    expect(Array.from(s.counts[0])).toEqual([1, 1, 0, 0]);
    expect(Array.from(s.counts[1])).toEqual([1, 0, 0, 0]);
    expect(Array.from(s.counts[2])).toEqual([0, 0, 0, 1]);
    expect(Array.from(totalPerBucket(s))).toEqual([2, 1, 0, 1]);
  });

  it('buckets by minute for a zoomed view', () => {
    const s = bucketFailures(
      { times: [T0, T0 + 61_000, T0 + 119_999], classes: [0, 0, 2] },
      T0,
      T0 + 2 * MINUTE_MS,
      MINUTE_MS,
    );
    expect(Array.from(totalPerBucket(s))).toEqual([1, 2, 0]);
    expect(bucketSizeFor(6 * HOUR_MS)).toBe(MINUTE_MS);
    expect(bucketSizeFor(3 * 24 * HOUR_MS)).toBe(HOUR_MS);
  });
});

describe('failure classes for the chart', () => {
  const compiled = compileSettings(DEFAULT_SETTINGS);
  it('counts finished jobs without a usable output as failures', () => {
    expect(isFailure(job({ jobId: 'a' }))).toBe(true);
    expect(isFailure(job({ jobId: 'b', status: 'succeeded', delivered: false }))).toBe(true);
    expect(isFailure(job({ jobId: 'c', status: 'succeeded', delivered: true }))).toBe(false);
    expect(isFailure(job({ jobId: 'd', status: 'running' }))).toBe(false);
  });
  it('classifies by code, message and status, without assuming an outage', () => {
    const cls = (overrides: Parameters<typeof job>[0]) => failureClass(job(overrides), compiled, false);
    expect(cls({ jobId: 'a', errorCode: 'gpu_oom' })).toBe('platform');
    expect(cls({ jobId: 'b', errorCode: 'INVALID_INPUT' })).toBe('customer');
    expect(cls({ jobId: 'c', errorCode: '', errorMessage: 'CUDA error: device lost' })).toBe('platform');
    expect(cls({ jobId: 'd', errorCode: '', status: 'timed_out' })).toBe('platform');
    expect(cls({ jobId: 'e', errorCode: '', status: 'canceled' })).toBe('customer');
    expect(cls({ jobId: 'f', errorCode: 'MYSTERY' })).toBe('unknown');
  });
});
