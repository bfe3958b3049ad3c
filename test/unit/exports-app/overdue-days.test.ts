import { describe, expect, it } from 'vitest';
import {
  DEFAULT_OVERDUE_DAYS,
  parseOverdueDays,
  storedOverdueDays,
} from '../../../renderer/features/exports/overdue-days';

describe('the overdue-days setting', () => {
  it('reads what the reviewer types as whole days', () => {
    expect(parseOverdueDays('0')).toBe(0);
    expect(parseOverdueDays(' 14 ')).toBe(14);
    expect(parseOverdueDays('9999')).toBe(9999);
  });

  it.each(['', ' ', '-1', '1.5', '10000', '7d', 'seven', '1e3'])('refuses %j', (text) => {
    expect(parseOverdueDays(text)).toBeNull();
  });

  it('keeps a stored whole number and falls back to the default for anything else', () => {
    expect(storedOverdueDays(3)).toBe(3);
    expect(storedOverdueDays(0)).toBe(0);
    for (const value of [undefined, null, '3', -1, 2.5, 10_000, Number.NaN, {}]) {
      expect(storedOverdueDays(value)).toBe(DEFAULT_OVERDUE_DAYS);
    }
  });
});
