import { daysInMonth, isUtcZone, utcMillis, zonedToInstant } from './time-zones';

export type DateOrder = 'mdy' | 'dmy';

/** A timestamp as written: the wall-clock time read as if UTC, and the offset if it had one. */
export interface WallTime {
  /** Milliseconds of the written date and time as if it were UTC. */
  wall: number;
  /** Offset in ms when the text carried one (`Z` = 0); null means "in the import's zone". */
  offsetMs: number | null;
  dateOnly: boolean;
}

const DAY_MS = 86_400_000;

// Hand-written with charCodeAt instead of a RegExp: a million-row file has millions of
// timestamps, and a regex exec allocates a match array for each.
const scratch: WallTime = { wall: 0, offsetMs: null, dateOnly: false };

function digits(s: string, from: number, count: number): number {
  let n = 0;
  for (let i = from; i < from + count; i++) {
    const d = s.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

function validDate(y: number, mo: number, d: number): boolean {
  return mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo);
}

/**
 * Reads ISO 8601 (`2026-03-01T10:00:00.123456789Z`, `+01:00`, `+0100`, `+01`), the
 * `YYYY-MM-DD HH:MM[:SS]` form and `YYYY-MM-DD`. Sub-millisecond digits are dropped.
 */
function readIsoLike(s: string, out: WallTime): boolean {
  const len = s.length;
  if (len < 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return false;
  const y = digits(s, 0, 4);
  const mo = digits(s, 5, 2);
  const d = digits(s, 8, 2);
  if (y < 0 || mo < 0 || d < 0 || !validDate(y, mo, d)) return false;
  if (len === 10) {
    out.wall = utcMillis(y, mo, d, 0, 0, 0, 0);
    out.offsetMs = null;
    out.dateOnly = true;
    return true;
  }
  const sep = s.charCodeAt(10);
  if (sep !== 84 && sep !== 116 && sep !== 32) return false; // T t space
  let i = 11;
  let h = digits(s, i, 2);
  if (h >= 0) i += 2;
  else {
    h = digits(s, i, 1);
    if (h < 0) return false;
    i += 1;
  }
  if (s.charCodeAt(i) !== 58) return false;
  const mi = digits(s, i + 1, 2);
  if (mi < 0) return false;
  i += 3;
  let sec = 0;
  let ms = 0;
  if (s.charCodeAt(i) === 58) {
    sec = digits(s, i + 1, 2);
    if (sec < 0) return false;
    i += 3;
    const dot = s.charCodeAt(i);
    if (dot === 46 || dot === 44) {
      i++;
      let fracDigits = 0;
      let scale = 100;
      while (i < len) {
        const c = s.charCodeAt(i) - 48;
        if (c < 0 || c > 9) break;
        if (scale >= 1) ms += c * scale;
        scale /= 10;
        fracDigits++;
        i++;
      }
      if (fracDigits === 0 || fracDigits > 9) return false;
      ms = Math.floor(ms);
    }
  }
  if (h > 23 || mi > 59 || sec > 59) return false;
  while (s.charCodeAt(i) === 32) i++;
  let offsetMs: number | null = null;
  if (i < len) {
    const c = s.charCodeAt(i);
    if ((c === 90 || c === 122) && i === len - 1)
      offsetMs = 0; // Z z
    else if (c === 43 || c === 45) {
      const sign = c === 45 ? -1 : 1;
      const oh = digits(s, i + 1, 2);
      if (oh < 0 || oh > 23) return false;
      let om = 0;
      const rest = len - (i + 3);
      if (rest === 3 && s.charCodeAt(i + 3) === 58) om = digits(s, i + 4, 2);
      else if (rest === 2) om = digits(s, i + 3, 2);
      else if (rest !== 0) return false;
      if (om < 0 || om > 59) return false;
      offsetMs = sign * (oh * 3_600_000 + om * 60_000);
    } else return false;
  }
  out.wall = utcMillis(y, mo, d, h, mi, sec, ms);
  out.offsetMs = offsetMs;
  out.dateOnly = false;
  return true;
}

/** `M/D/YYYY` or `D/M/YYYY`, then optionally ` h:mm[:ss]` and ` AM`/` PM`. */
function readSlashDate(s: string, order: DateOrder, out: WallTime): boolean {
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:[ T]+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AaPp][Mm])?)?$/.exec(s);
  if (!m) return false;
  const a = Number(m[1]);
  const b = Number(m[2]);
  const y = Number(m[3]);
  const mo = order === 'mdy' ? a : b;
  const d = order === 'mdy' ? b : a;
  if (!validDate(y, mo, d)) return false;
  let h = m[4] === undefined ? 0 : Number(m[4]);
  const mi = m[5] === undefined ? 0 : Number(m[5]);
  const sec = m[6] === undefined ? 0 : Number(m[6]);
  const meridiem = m[7]?.toLowerCase();
  if (meridiem) {
    if (h < 1 || h > 12) return false;
    if (meridiem === 'am') h = h === 12 ? 0 : h;
    else h = h === 12 ? 12 : h + 12;
  }
  if (h > 23 || mi > 59 || sec > 59) return false;
  out.wall = utcMillis(y, mo, d, h, mi, sec, 0);
  out.offsetMs = null;
  out.dateOnly = m[4] === undefined;
  return true;
}

/**
 * Unix time: 9–10 digits are seconds, 12–13 digits milliseconds (1973 to 2286). Other digit
 * counts are refused so that a compact date such as 20260301 is never taken for 1970.
 */
function readEpoch(s: string, out: WallTime): boolean {
  const dot = s.indexOf('.');
  const intPart = dot === -1 ? s : s.substring(0, dot);
  if (!/^\d+$/.test(intPart) || (dot !== -1 && !/^\d{1,9}$/.test(s.substring(dot + 1)))) return false;
  const n = Number(s);
  if (intPart.length === 9 || intPart.length === 10) out.wall = Math.floor(n * 1000);
  else if ((intPart.length === 12 || intPart.length === 13) && dot === -1) out.wall = n;
  else return false;
  out.offsetMs = 0;
  out.dateOnly = false;
  return true;
}

/** Reads any accepted timestamp form into `out`; false when the text is none of them. */
export function readWallTime(raw: string, order: DateOrder, out: WallTime = scratch): boolean {
  let s = raw;
  const first = s.charCodeAt(0);
  if (first === 32 || first === 9 || s.charCodeAt(s.length - 1) === 32) s = s.trim();
  if (s.length === 0) return false;
  const c0 = s.charCodeAt(0);
  if (s.charCodeAt(4) === 45) return readIsoLike(s, out);
  if (s.indexOf('/') !== -1) return readSlashDate(s, order, out);
  if (c0 >= 48 && c0 <= 57) return readEpoch(s, out);
  return false;
}

/** The instant of a written wall time: its own offset if it had one, else the given zone. */
export function wallToInstant(wall: WallTime, zone: string): number {
  if (wall.offsetMs !== null) return wall.wall - wall.offsetMs;
  return isUtcZone(zone) ? wall.wall : zonedToInstant(zone, wall.wall);
}

/** Epoch ms of a timestamp cell, or NaN when it is not a readable timestamp. */
export function parseTimestamp(raw: string, zone: string, order: DateOrder): number {
  if (!readWallTime(raw, order, scratch)) return NaN;
  return wallToInstant(scratch, zone);
}

/** True when a slash date failed only because of the date order (it reads in the other one). */
export function readsOnlyInOtherOrder(raw: string, order: DateOrder): boolean {
  const s = raw.trim();
  if (s.indexOf('/') === -1) return false;
  const probe: WallTime = { wall: 0, offsetMs: null, dateOnly: false };
  return !readSlashDate(s, order, probe) && readSlashDate(s, order === 'mdy' ? 'dmy' : 'mdy', probe);
}

/** The calendar day of a date-only wall time, as instants in a zone: [start, end) and noon. */
export function dayInZone(wallMidnight: number, zone: string): { start: number; noon: number; end: number } {
  return {
    start: zonedToInstant(zone, wallMidnight),
    noon: zonedToInstant(zone, wallMidnight + DAY_MS / 2),
    end: zonedToInstant(zone, wallMidnight + DAY_MS),
  };
}
