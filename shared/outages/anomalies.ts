import type { OutageSpan } from '../policy/indexes';
import { CLASS_CODE } from './failure-class';
import { bucketCount, totalPerBucket, type FailureSeries } from './buckets';

/**
 * Candidate unreported outages. The exact definition, over an hourly series:
 * - the signal s(h) is the number of platform and unknown failures created in hour h (customer
 *   failures, such as a content-policy rejection, say nothing about the platform);
 * - the trailing median m(h) is the median of s over the `trailingHours` hours before h
 *   (h − trailingHours … h − 1), hours without failures counting as 0, the mean of the two middle
 *   values for an even count; hours before the series' first hour count as missing, and an hour
 *   with fewer than `minHistoryHours` hours behind it is not judged;
 * - the baseline b(h) = max(m(h), minBaseline), so that after a quiet stretch (median 0) a single
 *   failure is not "above three times the median";
 * - hour h is marked when s(h) > factor × b(h).
 * A mark is `unreported` when no incident window overlaps the hour.
 */
export interface AnomalySettings {
  factor: number;
  trailingHours: number;
  minHistoryHours: number;
  minBaseline: number;
}

export const DEFAULT_ANOMALY_SETTINGS: AnomalySettings = Object.freeze({
  factor: 3,
  trailingHours: 24,
  minHistoryHours: 6,
  minBaseline: 1,
});

export interface AnomalyMark {
  /** Index of the hour in the series. */
  index: number;
  start: number;
  end: number;
  failures: number;
  median: number;
  threshold: number;
  /** Incidents whose window overlaps the hour, by id. */
  incidentIds: string[];
  unreported: boolean;
}

export function median(values: number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** The signal the marks are computed on: platform + unknown failures per bucket. */
export function anomalySignal(series: FailureSeries): Uint32Array {
  return totalPerBucket(series, [CLASS_CODE.platform, CLASS_CODE.unknown]);
}

export function anomalyMarks(
  series: FailureSeries,
  incidents: readonly OutageSpan[] = [],
  settings: AnomalySettings = DEFAULT_ANOMALY_SETTINGS,
): AnomalyMark[] {
  const signal = anomalySignal(series);
  const marks: AnomalyMark[] = [];
  for (let h = 0; h < bucketCount(series); h++) {
    const from = Math.max(0, h - settings.trailingHours);
    if (h - from < settings.minHistoryHours) continue;
    const failures = signal[h] as number;
    if (failures === 0) continue;
    const trailing = Array.from(signal.subarray(from, h));
    const m = median(trailing);
    const threshold = settings.factor * Math.max(m, settings.minBaseline);
    if (failures <= threshold) continue;
    const start = series.start + h * series.bucketMs;
    const end = start + series.bucketMs;
    const incidentIds = incidents
      .filter((span) => span.start < end && span.end >= start)
      .map((span) => span.outage.incidentId);
    marks.push({
      index: h,
      start,
      end,
      failures,
      median: m,
      threshold,
      incidentIds,
      unreported: incidentIds.length === 0,
    });
  }
  return marks;
}
