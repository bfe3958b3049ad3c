import type { JobStatus, LedgerType, RequestedRemedy } from '../domain/records';

/** Currencies whose minor unit is not 1/100 (ISO 4217, as Stripe uses them). */
const ZERO_DECIMAL = new Set([
  'BIF',
  'CLP',
  'DJF',
  'GNF',
  'ISK',
  'JPY',
  'KMF',
  'KRW',
  'MGA',
  'PYG',
  'RWF',
  'UGX',
  'VND',
  'VUV',
  'XAF',
  'XOF',
  'XPF',
]);
const THREE_DECIMAL = new Set(['BHD', 'IQD', 'JOD', 'KWD', 'LYD', 'OMR', 'TND']);

export function minorUnitDigits(currency: string): number {
  if (ZERO_DECIMAL.has(currency)) return 0;
  if (THREE_DECIMAL.has(currency)) return 3;
  return 2;
}

/**
 * A decimal number as written: `1234.5`, `1,234.50`, `-3`, `$15.00`, `-€3`, `(12.00)` is not
 * accepted. Returns sign, integer digits and fraction digits, or null.
 */
function splitDecimal(raw: string): { negative: boolean; int: string; frac: string } | null {
  let s = raw.trim();
  let negative = false;
  if (s.startsWith('-') || s.startsWith('+')) {
    negative = s[0] === '-';
    s = s.substring(1).trimStart();
  }
  // A currency symbol or code in front is ignored (spec); the sign may also come after it.
  s = s.replace(/^(?:[A-Za-z]{3}\s*|[$€£¥₹₩₽₺₪₫฿₱])/u, '');
  if (s.startsWith('-') && !negative) {
    negative = true;
    s = s.substring(1);
  }
  const m = /^(\d{1,3}(?:,\d{3})+|\d+)?(?:\.(\d+))?$/.exec(s);
  if (!m || (m[1] === undefined && m[2] === undefined)) return null;
  return { negative, int: (m[1] ?? '0').replace(/,/g, ''), frac: m[2] ?? '' };
}

/** Money to integer minor units without floating-point rounding; null if unreadable. */
export function parseMinorUnits(raw: string, digits: number): number | null {
  const parts = splitDecimal(raw);
  if (!parts) return null;
  let frac = parts.frac;
  if (frac.length > digits) {
    if (!/^0*$/.test(frac.substring(digits))) return null;
    frac = frac.substring(0, digits);
  }
  const value = Number(parts.int + frac.padEnd(digits, '0'));
  if (!Number.isSafeInteger(value)) return null;
  return parts.negative && value !== 0 ? -value : value;
}

/** A whole number (`10`, `-3`, `1,000`, `5.0`); null if unreadable or fractional. */
export function parseInteger(raw: string): number | null {
  const s = raw.length > 0 && raw.length < 10 && /^-?\d+$/.test(raw) ? raw : null;
  if (s !== null) return Number(s);
  return parseMinorUnits(raw, 0);
}

const TRUE_WORDS = new Set(['true', 'yes', '1', 'y', 't']);
const FALSE_WORDS = new Set(['false', 'no', '0', 'n', 'f']);

export function parseBoolean(raw: string): boolean | null {
  const s = raw.trim().toLowerCase();
  if (TRUE_WORDS.has(s)) return true;
  if (FALSE_WORDS.has(s)) return false;
  return null;
}

/** Lower case, and spaces, dashes and dots read as underscores: `Timed-Out` = `timed_out`. */
export function normalizeWord(raw: string): string {
  return raw
    .trim()
    .toLowerCase()
    .replace(/[\s\-.]+/g, '_');
}

const JOB_STATUS = new Map<string, JobStatus>([
  ['succeeded', 'succeeded'],
  ['success', 'succeeded'],
  ['completed', 'succeeded'],
  ['failed', 'failed'],
  ['error', 'failed'],
  ['canceled', 'canceled'],
  ['cancelled', 'canceled'],
  ['timed_out', 'timed_out'],
  ['timeout', 'timed_out'],
  ['expired', 'timed_out'],
  ['aborted', 'aborted'],
  ['starting', 'queued'],
  ['queued', 'queued'],
  ['in_queue', 'queued'],
  ['pending', 'queued'],
  ['processing', 'running'],
  ['running', 'running'],
  ['in_progress', 'running'],
]);

export function parseJobStatus(raw: string): JobStatus | null {
  return JOB_STATUS.get(raw) ?? JOB_STATUS.get(normalizeWord(raw)) ?? null;
}

const LEDGER_TYPE = new Map<string, LedgerType>([
  ['purchase', 'purchase'],
  ['deduction', 'deduction'],
  ['debit', 'deduction'],
  ['charge', 'deduction'],
  ['usage', 'deduction'],
  ['restore', 'restore'],
  ['credit_back', 'restore'],
  ['refund_credit', 'restore'],
  ['adjustment', 'adjustment'],
  ['refund', 'refund'],
]);

export function parseLedgerType(raw: string): LedgerType | null {
  // The names as written first: every key is already normalized, and this skips a regex per row.
  return LEDGER_TYPE.get(raw) ?? LEDGER_TYPE.get(normalizeWord(raw)) ?? null;
}

const REMEDY = new Map<string, RequestedRemedy>([
  ['credit_back', 'credit_back'],
  ['creditback', 'credit_back'],
  ['rerun', 'rerun'],
  ['re_run', 'rerun'],
  ['refund', 'refund'],
]);

/** Empty means the default remedy, a credit-back. */
export function parseRemedy(raw: string): RequestedRemedy | null {
  const key = normalizeWord(raw);
  if (key === '') return 'credit_back';
  return REMEDY.get(key) ?? null;
}

const IMPACTS = new Set(['none', 'minor', 'major', 'critical', 'maintenance']);

/** Statuspage's impact levels; empty stays empty. */
export function parseImpact(raw: string): string | null {
  const s = raw.trim().toLowerCase();
  if (s === '') return '';
  return IMPACTS.has(s) ? s : null;
}

/** Trimmed and lower-cased for matching. */
export function normalizeEmail(raw: string): string {
  return raw.trim().toLowerCase();
}

/** `a;b|c` → [a, b, c]; empty means every component. */
export function splitComponents(raw: string): string[] {
  if (raw.trim() === '') return [];
  return raw
    .split(/[;|]/)
    .map((c) => c.trim())
    .filter((c) => c !== '');
}
