/**
 * Converting wall-clock times in an IANA zone to instants with Intl only (no tz database of our
 * own). Intl.DateTimeFormat is slow per call, so offsets are cached per zone and per 15-minute
 * slot: every zone changes offset on a quarter hour, so a slot's offset holds for all of it.
 */

const SLOT_MS = 15 * 60 * 1000;
const formatters = new Map<string, Intl.DateTimeFormat>();
const offsetCaches = new Map<string, Map<number, number>>();
const validity = new Map<string, boolean>();

export function isUtcZone(zone: string): boolean {
  return zone === 'UTC' || zone === 'Etc/UTC' || zone === 'GMT' || zone === 'Etc/GMT' || zone === 'Z';
}

/** True when Intl knows the zone name. */
export function isValidTimeZone(zone: string): boolean {
  const known = validity.get(zone);
  if (known !== undefined) return known;
  let ok: boolean;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    ok = zone.trim() !== '';
  } catch {
    ok = false;
  }
  validity.set(zone, ok);
  return ok;
}

function formatterFor(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      era: 'short',
    });
    formatters.set(zone, f);
  }
  return f;
}

/** The zone's offset from UTC in ms at an instant (local = utc + offset). */
export function zoneOffsetAt(zone: string, instant: number): number {
  if (isUtcZone(zone)) return 0;
  let cache = offsetCaches.get(zone);
  if (!cache) {
    cache = new Map();
    offsetCaches.set(zone, cache);
  }
  const slot = Math.floor(instant / SLOT_MS);
  let offset = cache.get(slot);
  if (offset === undefined) {
    offset = computeOffset(zone, slot * SLOT_MS);
    cache.set(slot, offset);
  }
  return offset;
}

function computeOffset(zone: string, instant: number): number {
  const parts = formatterFor(zone).formatToParts(new Date(instant));
  let year = 0;
  let month = 1;
  let day = 1;
  let hour = 0;
  let minute = 0;
  let second = 0;
  let bc = false;
  for (const p of parts) {
    switch (p.type) {
      case 'year':
        year = Number(p.value);
        break;
      case 'month':
        month = Number(p.value);
        break;
      case 'day':
        day = Number(p.value);
        break;
      case 'hour':
        hour = Number(p.value);
        break;
      case 'minute':
        minute = Number(p.value);
        break;
      case 'second':
        second = Number(p.value);
        break;
      case 'era':
        bc = p.value.startsWith('B');
        break;
    }
  }
  if (bc) year = 1 - year;
  const local = utcMillis(year, month, day, hour, minute, second, 0);
  return local - Math.floor(instant / 1000) * 1000;
}

/**
 * The instant of a wall-clock time in a zone. In a spring-forward gap the time is read with
 * the offset before the change (02:30 that does not exist becomes 03:30); in a fall-back
 * overlap the earlier of the two instants is taken.
 */
export function zonedToInstant(zone: string, wallAsUtc: number): number {
  if (isUtcZone(zone)) return wallAsUtc;
  const before = zoneOffsetAt(zone, wallAsUtc - 86_400_000);
  const after = zoneOffsetAt(zone, wallAsUtc + 86_400_000);
  if (before === after) {
    const guess = wallAsUtc - before;
    if (zoneOffsetAt(zone, guess) === before) return guess;
  }
  // A transition is near: try both offsets and keep the earliest that reproduces the wall time.
  const candidates = [wallAsUtc - before, wallAsUtc - after].sort((a, b) => a - b);
  for (const c of candidates) {
    if (c + zoneOffsetAt(zone, c) === wallAsUtc) return c;
  }
  return wallAsUtc - before;
}

/** Date.UTC without the Date object and without its two-digit-year quirk. */
export function utcMillis(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
  ms: number,
): number {
  return (
    daysFromCivil(year, month, day) * 86_400_000 + hour * 3_600_000 + minute * 60_000 + second * 1000 + ms
  );
}

/** Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm). */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = month > 2 ? month - 3 : month + 9;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}
