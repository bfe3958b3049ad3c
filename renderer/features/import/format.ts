const whole = new Intl.NumberFormat('en-US');

export function count(n: number): string {
  return whole.format(Math.round(n));
}

export function utcTime(ms: number | null): string {
  if (ms === null || !Number.isFinite(ms)) return '';
  return `${new Date(ms).toISOString().replace('T', ' ').slice(0, 19)} UTC`;
}

export function bytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  if (n < 1024 * 1024 * 1024) return `${(n / 1024 / 1024).toFixed(1)} MB`;
  return `${(n / 1024 / 1024 / 1024).toFixed(2)} GB`;
}

export function duration(seconds: number): string {
  if (seconds < 60) return `${Math.ceil(seconds)} s`;
  const m = Math.floor(seconds / 60);
  return `${m} min ${Math.ceil(seconds - m * 60)} s`;
}

/** How a stored field reads in the preview table: times in UTC, booleans and nulls spelled out. */
export function cell(field: string, value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' && /(At|Time)$/.test(field)) return utcTime(value);
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (Array.isArray(value)) return value.join('; ');
  if (typeof value === 'object') {
    const v = value as Record<string, unknown>;
    if (typeof v.t === 'number') return `${utcTime(v.t)}${v.dateOnly ? ' (date only)' : ''}`;
    return Object.entries(v)
      .map(([k, x]) => `${k}=${String(x)}`)
      .join(', ');
  }
  return String(value);
}

export const DELIMITER_LABELS: Record<string, string> = {
  ',': 'comma',
  ';': 'semicolon',
  '\t': 'tab',
  '|': 'pipe',
  json: 'JSON (Statuspage)',
};
