import { describe, expect, it } from 'vitest';
import {
  parseTimestamp,
  readWallTime,
  zoneOffsetAt,
  zonedToInstant,
  type WallTime,
} from '@shared/reading/index';

const utc = (iso: string) => Date.parse(iso);

describe('timestamp forms', () => {
  it.each([
    ['2026-03-01T10:00:00Z', '2026-03-01T10:00:00.000Z'],
    ['2026-03-01T10:00:00.12Z', '2026-03-01T10:00:00.120Z'],
    ['2026-03-01T10:00:00.123Z', '2026-03-01T10:00:00.123Z'],
    ['2026-03-01T10:00:00.123456789Z', '2026-03-01T10:00:00.123Z'],
    ['2026-03-01T10:00:00.000312696Z', '2026-03-01T10:00:00.000Z'],
    ['2026-03-15T16:34:00+01:00', '2026-03-15T15:34:00.000Z'],
    ['2026-03-04T16:40:00-05:00', '2026-03-04T21:40:00.000Z'],
    ['2026-03-04T16:40:00-0530', '2026-03-04T22:10:00.000Z'],
    ['2026-03-04T16:40:00+09', '2026-03-04T07:40:00.000Z'],
    ['2026-03-04T16:40:00.5+09:00', '2026-03-04T07:40:00.500Z'],
    ['2026-03-01 10:00', '2026-03-01T10:00:00.000Z'],
    ['2026-03-01 10:00:59', '2026-03-01T10:00:59.000Z'],
    ['2026-03-01', '2026-03-01T00:00:00.000Z'],
    ['1772359200', '2026-03-01T10:00:00.000Z'],
    ['1772359200123', '2026-03-01T10:00:00.123Z'],
    ['03/05/2026', '2026-03-05T00:00:00.000Z'],
    ['03/05/2026 11:47 AM', '2026-03-05T11:47:00.000Z'],
    ['3/5/2026 12:13 PM', '2026-03-05T12:13:00.000Z'],
    ['3/5/2026 12:13 AM', '2026-03-05T00:13:00.000Z'],
    ['03/14/2026 8:23:09 pm', '2026-03-14T20:23:09.000Z'],
    ['03/14/2026 20:23', '2026-03-14T20:23:00.000Z'],
    ['  2026-03-01T10:00:00Z ', '2026-03-01T10:00:00.000Z'],
  ])('%s (UTC import zone, month-first)', (text, iso) => {
    expect(parseTimestamp(text, 'UTC', 'mdy')).toBe(utc(iso));
  });

  it('reads day-first slash dates by the date-order setting', () => {
    expect(parseTimestamp('05/03/2026', 'UTC', 'dmy')).toBe(utc('2026-03-05T00:00:00Z'));
    expect(parseTimestamp('25/03/2026 14:05', 'UTC', 'dmy')).toBe(utc('2026-03-25T14:05:00Z'));
    expect(parseTimestamp('25/03/2026', 'UTC', 'mdy')).toBeNaN();
  });

  it.each([
    'not a date',
    '',
    '2026-02-30',
    '2026-13-01',
    '2026-03-01T24:00:00Z',
    '2026-03-01T10:60:00Z',
    '2026-03-01T10:00:00.Z',
    '2026-03-01T10:00:00.1234567890Z',
    '2026-03-01T10:00:00+25:00',
    '2026-03-01T10:00:00 UTC+1',
    '20260301',
    '12345',
    '13/13/2026',
    '02/30/2026',
    '3/5/2026 13:00 PM',
  ])('refuses %j', (text) => {
    expect(parseTimestamp(text, 'UTC', 'mdy')).toBeNaN();
  });

  it('marks date-only values', () => {
    const out: WallTime = { wall: 0, offsetMs: null, dateOnly: false };
    expect(readWallTime('2026-03-16', 'mdy', out)).toBe(true);
    expect(out.dateOnly).toBe(true);
    expect(readWallTime('03/16/2026', 'mdy', out)).toBe(true);
    expect(out.dateOnly).toBe(true);
    expect(readWallTime('2026-03-16 00:00', 'mdy', out)).toBe(true);
    expect(out.dateOnly).toBe(false);
  });
});

describe('time zones (independent of the machine zone)', () => {
  it('reads offset-less values in the import zone', () => {
    expect(parseTimestamp('2026-03-01 10:00', 'America/Los_Angeles', 'mdy')).toBe(
      utc('2026-03-01T18:00:00Z'),
    );
    expect(parseTimestamp('2026-07-01 10:00', 'America/Los_Angeles', 'mdy')).toBe(
      utc('2026-07-01T17:00:00Z'),
    );
    expect(parseTimestamp('2026-03-01 10:00', 'Asia/Tokyo', 'mdy')).toBe(utc('2026-03-01T01:00:00Z'));
    expect(parseTimestamp('2026-03-01 10:00', 'Asia/Kolkata', 'mdy')).toBe(utc('2026-03-01T04:30:00Z'));
    expect(parseTimestamp('2026-03-01', 'Europe/Berlin', 'mdy')).toBe(utc('2026-02-28T23:00:00Z'));
    expect(parseTimestamp('03/05/2026 11:47 AM', 'America/New_York', 'mdy')).toBe(
      utc('2026-03-05T16:47:00Z'),
    );
  });

  it('an explicit offset or Z wins over the import zone', () => {
    expect(parseTimestamp('2026-03-01T10:00:00Z', 'Asia/Tokyo', 'mdy')).toBe(utc('2026-03-01T10:00:00Z'));
    expect(parseTimestamp('2026-03-01T10:00:00+01:00', 'America/Los_Angeles', 'mdy')).toBe(
      utc('2026-03-01T09:00:00Z'),
    );
    expect(parseTimestamp('1772359200', 'Asia/Tokyo', 'mdy')).toBe(utc('2026-03-01T10:00:00Z'));
  });

  it('handles daylight-saving transitions: gap moves forward, overlap takes the earlier', () => {
    // US spring forward 2026-03-08 02:00 → 03:00 in New York.
    expect(parseTimestamp('2026-03-08 02:30', 'America/New_York', 'mdy')).toBe(utc('2026-03-08T07:30:00Z'));
    expect(parseTimestamp('2026-03-08 01:59', 'America/New_York', 'mdy')).toBe(utc('2026-03-08T06:59:00Z'));
    expect(parseTimestamp('2026-03-08 03:00', 'America/New_York', 'mdy')).toBe(utc('2026-03-08T07:00:00Z'));
    // US fall back 2026-11-01 02:00 → 01:00: 01:30 happens twice.
    expect(parseTimestamp('2026-11-01 01:30', 'America/New_York', 'mdy')).toBe(utc('2026-11-01T05:30:00Z'));
    expect(parseTimestamp('2026-11-01 02:30', 'America/New_York', 'mdy')).toBe(utc('2026-11-01T07:30:00Z'));
    // Lord Howe shifts by 30 minutes at 02:00 local (15:00 UTC), not on a UTC hour.
    expect(parseTimestamp('2026-10-04 02:45', 'Australia/Lord_Howe', 'mdy')).toBe(
      utc('2026-10-03T15:45:00Z'),
    );
  });

  it('zone offsets agree with Intl at many instants', () => {
    const zones = [
      'America/Los_Angeles',
      'Europe/London',
      'Australia/Lord_Howe',
      'Asia/Kathmandu',
      'America/St_Johns',
    ];
    for (const zone of zones) {
      const fmt = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' });
      for (
        let t = utc('2026-01-01T00:00:00Z');
        t < utc('2027-01-01T00:00:00Z');
        t += 7 * 3_600_000 + 13 * 60_000
      ) {
        const name = fmt.formatToParts(new Date(t)).find((p) => p.type === 'timeZoneName')!.value;
        const m = /GMT(?:([+-])(\d{2}):(\d{2}))?/.exec(name)!;
        const expected = m[1] ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) * 60_000 : 0;
        expect(zoneOffsetAt(zone, t), `${zone} ${new Date(t).toISOString()}`).toBe(expected);
        const wall = t + expected;
        expect(zonedToInstant(zone, wall) + zoneOffsetAt(zone, zonedToInstant(zone, wall))).toBe(wall);
      }
    }
  });
});
