import type uPlot from 'uplot';
import { bucketCount, type FailureSeries } from '../../../shared/outages';

/**
 * uPlot has no stacking, so each series is the running sum of the classes under it, drawn
 * largest first: bars of the smaller sums paint over the larger ones and read as a stack.
 * Series order: all failures (unknown on top), platform + customer, platform.
 */
export function stackedData(series: FailureSeries): uPlot.AlignedData {
  const n = bucketCount(series);
  const xs = new Float64Array(n);
  const all = new Float64Array(n);
  const platformCustomer = new Float64Array(n);
  const platform = new Float64Array(n);
  const [p, c, u] = series.counts;
  for (let i = 0; i < n; i++) {
    xs[i] = series.start + i * series.bucketMs;
    platform[i] = p[i] as number;
    platformCustomer[i] = (p[i] as number) + (c[i] as number);
    all[i] = (platformCustomer[i] as number) + (u[i] as number);
  }
  return [xs, all, platformCustomer, platform] as unknown as uPlot.AlignedData;
}

export interface BucketCounts {
  start: number;
  end: number;
  platform: number;
  customer: number;
  unknown: number;
}

export function countsAt(series: FailureSeries, index: number): BucketCounts | null {
  if (index < 0 || index >= bucketCount(series)) return null;
  const start = series.start + index * series.bucketMs;
  return {
    start,
    end: start + series.bucketMs,
    platform: series.counts[0][index] as number,
    customer: series.counts[1][index] as number,
    unknown: series.counts[2][index] as number,
  };
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Times are shown in UTC, like every timestamp the desk stores: the same on every machine. */
export function formatUtc(ms: number, withDate = true): string {
  const d = new Date(ms);
  const time = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
  return withDate ? `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${time}` : time;
}
