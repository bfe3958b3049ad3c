import { minorUnitDigits } from '../reading/values';

/**
 * Minor units to the major-unit text of the suggestions file: 1500 USD → `15.00`. Uses the
 * reader's table of minor-unit digits, so an amount read and written back is unchanged.
 * Integer arithmetic: no float rounding.
 */
export function formatMajorUnits(amountMinor: number, currency: string): string {
  const digits = minorUnitDigits(currency.toUpperCase());
  const sign = amountMinor < 0 ? '-' : '';
  const text = String(Math.abs(Math.trunc(amountMinor))).padStart(digits + 1, '0');
  if (digits === 0) return `${sign}${text}`;
  return `${sign}${text.slice(0, -digits)}.${text.slice(-digits)}`;
}
