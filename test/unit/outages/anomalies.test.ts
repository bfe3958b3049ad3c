import { describe, expect, it } from 'vitest';
import {
  CLASS_CODE,
  DEFAULT_ANOMALY_SETTINGS,
  HOUR_MS,
  anomalyMarks,
  bucketFailures,
  incidentSpan,
  median,
} from '@shared/outages';
import { T0, outage } from './builders';

/** An hourly series from per-hour counts of [platform, customer, unknown] failures. */
function series(perHour: [number, number, number][]) {
  const times: number[] = [];
  const classes: number[] = [];
  perHour.forEach((counts, hour) => {
    counts.forEach((n, code) => {
      for (let i = 0; i < n; i++) {
        times.push(T0 + hour * HOUR_MS + i * 1000);
        classes.push(code);
      }
    });
  });
  return bucketFailures({ times, classes }, T0, T0 + (perHour.length - 1) * HOUR_MS, HOUR_MS);
}

const flat = (hours: number, platform: number): [number, number, number][] =>
  Array.from({ length: hours }, () => [platform, 0, 0]);

describe('median', () => {
  it('takes the middle value, or the mean of the two middle values', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBe(0);
  });
});

describe('anomalyMarks', () => {
  it('marks an hour above three times the trailing median, and not one at exactly three times', () => {
    const hours = [...flat(24, 2), [7, 0, 0], [6, 0, 0]] as [number, number, number][];
    const marks = anomalyMarks(series(hours));
    expect(marks.map((m) => [m.index, m.failures, m.median, m.threshold])).toEqual([[24, 7, 2, 6]]);
  });

  it('looks only at the trailing window: an old spike does not raise the baseline for ever', () => {
    const hours = [...flat(10, 1), [40, 0, 0], ...flat(24, 1), [4, 0, 0]] as [number, number, number][];
    const marks = anomalyMarks(series(hours));
    expect(marks.map((m) => m.index)).toEqual([10, 35]);
  });

  it('floors the baseline at one failure per hour, so a single failure after a quiet day is no anomaly', () => {
    const quiet = [...flat(24, 0), [1, 0, 0], [3, 0, 0], [4, 0, 0]] as [number, number, number][];
    expect(anomalyMarks(series(quiet)).map((m) => m.index)).toEqual([26]);
  });

  it('counts platform and unknown failures, never customer ones', () => {
    const customerSpike = [...flat(24, 1), [0, 50, 0]] as [number, number, number][];
    expect(anomalyMarks(series(customerSpike))).toEqual([]);
    const unknownSpike = [...flat(24, 1), [2, 0, 2]] as [number, number, number][];
    expect(anomalyMarks(series(unknownSpike)).map((m) => m.failures)).toEqual([4]);
  });

  it('does not judge hours with too little history behind them', () => {
    const early = [[1, 0, 0], [1, 0, 0], [30, 0, 0], ...flat(5, 1), [30, 0, 0]] as [number, number, number][];
    expect(DEFAULT_ANOMALY_SETTINGS.minHistoryHours).toBe(6);
    expect(anomalyMarks(series(early)).map((m) => m.index)).toEqual([8]);
  });

  it('says which incidents cover a mark; an uncovered mark is a candidate unreported outage', () => {
    const hours = [...flat(24, 1), [9, 0, 0], ...flat(5, 1), [9, 0, 0]] as [number, number, number][];
    const covering = incidentSpan(
      outage({
        incidentId: 'INC-1',
        startedAt: T0 + 24 * HOUR_MS + 30 * 60_000,
        resolvedAt: T0 + 25 * HOUR_MS + 1,
      }),
      T0,
    );
    const marks = anomalyMarks(series(hours), [covering]);
    expect(marks.map((m) => [m.index, m.incidentIds, m.unreported])).toEqual([
      [24, ['INC-1'], false],
      [30, [], true],
    ]);
  });

  it('follows the settings', () => {
    const hours = [...flat(24, 2), [5, 0, 0]] as [number, number, number][];
    expect(anomalyMarks(series(hours))).toEqual([]);
    const marks = anomalyMarks(series(hours), [], { ...DEFAULT_ANOMALY_SETTINGS, factor: 2 });
    expect(marks.map((m) => m.index)).toEqual([24]);
  });

  it('uses class codes that match the stacking order', () => {
    expect([CLASS_CODE.platform, CLASS_CODE.customer, CLASS_CODE.unknown]).toEqual([0, 1, 2]);
  });
});
