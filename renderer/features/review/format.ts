import { formatMajorUnits } from '../../../shared/policy/money';

const dateTime = new Intl.DateTimeFormat(undefined, {
  year: 'numeric',
  month: 'short',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  timeZone: 'UTC',
});

/** Times are shown in UTC, labelled, so two reviewers in different zones read the same thing. */
export function formatTime(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return '—';
  return `${dateTime.format(ms)} UTC`;
}

export function formatDuration(ms: number): string {
  const minutes = Math.round(Math.abs(ms) / 60_000);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
}

// One formatter for the whole page: toLocaleString builds a new one per call, which shows in a 100,000-row list.
const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

export function formatCount(n: number): string {
  return integer.format(n);
}

export function formatCredits(credits: number | null): string {
  return credits === null ? '' : `${integer.format(credits)} cr`;
}

export function formatMoney(amountMinor: number | null, currency: string | null): string {
  if (amountMinor === null || currency === null) return '';
  return `${formatMajorUnits(amountMinor, currency)} ${currency}`;
}

/** `YYYY-MM-DD` from a date input → the UTC day's first millisecond. */
export function dayStartUtc(value: string): number | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return null;
  const ms = Date.parse(`${value}T00:00:00Z`);
  return Number.isFinite(ms) ? ms : null;
}

export function dayInputValue(ms: number | null): string {
  return ms === null ? '' : new Date(ms).toISOString().slice(0, 10);
}
