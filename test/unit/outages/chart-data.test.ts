import { describe, expect, it } from 'vitest';
import { HOUR_MS, bucketFailures } from '@shared/outages';
import { countsAt, formatUtc, stackedData } from '../../../renderer/features/outages/chart-data';
import { incidentFromHash, incidentHash } from '../../../renderer/features/outages/outage-route';

const T0 = Date.UTC(2026, 2, 10, 12);

describe('stackedData', () => {
  it('draws running sums, largest first, so the bars read as a stack and counts stay exact', () => {
    const series = bucketFailures(
      { times: [T0, T0, T0 + 1, T0 + HOUR_MS], classes: [0, 1, 2, 2] },
      T0,
      T0 + HOUR_MS,
      HOUR_MS,
    );
    const [xs, all, platformCustomer, platform] = stackedData(series).map((column) =>
      Array.from(column as ArrayLike<number>),
    );
    expect(xs).toEqual([T0, T0 + HOUR_MS]);
    expect(all).toEqual([3, 1]);
    expect(platformCustomer).toEqual([2, 0]);
    expect(platform).toEqual([1, 0]);
    expect(countsAt(series, 0)).toEqual({
      start: T0,
      end: T0 + HOUR_MS,
      platform: 1,
      customer: 1,
      unknown: 1,
    });
    expect(countsAt(series, 2)).toBeNull();
  });

  it('labels times in UTC whatever the machine’s zone', () => {
    expect(formatUtc(T0 + 5 * 60_000)).toBe('2026-03-10 12:05');
    expect(formatUtc(T0, false)).toBe('12:00');
  });
});

describe('incident route', () => {
  it('round-trips any incident id through the hash', () => {
    for (const id of ['INC-11-1', 'sp8fr2kq1xw0', 'a/b c#d'])
      expect(incidentFromHash(incidentHash(id))).toBe(id);
    expect(incidentFromHash('#/outages')).toBeNull();
    expect(incidentFromHash('#/review')).toBeNull();
  });
});
