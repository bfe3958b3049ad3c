import { FAILURE_CLASSES } from './failure-class';

export const MINUTE_MS = 60_000;
export const HOUR_MS = 3_600_000;

/**
 * Failures as columns: one entry per failed job, its time (epoch ms) and its class code
 * (CLASS_CODE). Columns keep a million points cheap to move between a worker and the page.
 */
export interface FailurePoints {
  times: ArrayLike<number>;
  classes: ArrayLike<number>;
}

/**
 * Failure counts per bucket, stacked by class. Buckets are aligned to multiples of bucketMs since
 * the epoch (whole UTC hours or minutes), so the same data buckets the same on every machine.
 */
export interface FailureSeries {
  /** Start of the first bucket. */
  start: number;
  bucketMs: number;
  /** Counts per class, in FAILURE_CLASSES order; every array has the same length. */
  counts: [Uint32Array, Uint32Array, Uint32Array];
}

export function bucketStart(time: number, bucketMs: number): number {
  return Math.floor(time / bucketMs) * bucketMs;
}

export function bucketCount(series: FailureSeries): number {
  return series.counts[0].length;
}

export function emptySeries(from: number, to: number, bucketMs: number): FailureSeries {
  const start = bucketStart(from, bucketMs);
  const length = to < from ? 0 : Math.floor((bucketStart(to, bucketMs) - start) / bucketMs) + 1;
  return {
    start,
    bucketMs,
    counts: [new Uint32Array(length), new Uint32Array(length), new Uint32Array(length)],
  };
}

/** Adds points into a series in place; points outside its range are ignored. */
export function addPoints(series: FailureSeries, points: FailurePoints): void {
  const length = bucketCount(series);
  const { times, classes } = points;
  for (let i = 0; i < times.length; i++) {
    const index = Math.floor(((times[i] as number) - series.start) / series.bucketMs);
    if (index < 0 || index >= length) continue;
    const code = classes[i] as number;
    const column = series.counts[code] ?? series.counts[2];
    column[index] = (column[index] as number) + 1;
  }
}

/** Failures per bucket over [from, to], by class. */
export function bucketFailures(
  points: FailurePoints,
  from: number,
  to: number,
  bucketMs: number,
): FailureSeries {
  const series = emptySeries(from, to, bucketMs);
  addPoints(series, points);
  return series;
}

/** All classes added up, per bucket. */
export function totalPerBucket(
  series: FailureSeries,
  classes = FAILURE_CLASSES.map((_, i) => i),
): Uint32Array {
  const total = new Uint32Array(bucketCount(series));
  for (const code of classes) {
    const column = series.counts[code] as Uint32Array;
    for (let i = 0; i < total.length; i++) total[i] = (total[i] as number) + (column[i] as number);
  }
  return total;
}

/** The bucket size the chart should use for a visible span: minutes up to `minuteSpanMs`. */
export function bucketSizeFor(spanMs: number, minuteSpanMs = 12 * HOUR_MS): number {
  return spanMs <= minuteSpanMs ? MINUTE_MS : HOUR_MS;
}
