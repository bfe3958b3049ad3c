import { describe, expect, it } from 'vitest';
import { OUTCOMES } from '@shared/policy/types';
import { bulkTotals } from '@shared/review/bulk-totals';
import { OUTCOME_KEYS, outcomeForKey } from '@shared/review/outcome-keys';

describe('bulk accept totals', () => {
  it('counts requests and adds credits and money per outcome, in the order given', () => {
    const totals = bulkTotals(
      [
        { outcome: 'rerun', credits: 20, amountMinor: null, currency: null },
        { outcome: 'credit_back', credits: 40, amountMinor: null, currency: null },
        { outcome: 'credit_back', credits: 10, amountMinor: null, currency: null },
        { outcome: 'billing_error_review', credits: null, amountMinor: 1500, currency: 'USD' },
        { outcome: 'billing_error_review', credits: 5, amountMinor: 900, currency: 'EUR' },
        { outcome: 'deny_subjective', credits: null, amountMinor: null, currency: null },
      ],
      OUTCOMES,
    );
    expect(totals.count).toBe(6);
    expect(totals.credits).toBe(75);
    expect(totals.byOutcome.map((t) => [t.outcome, t.count, t.credits])).toEqual([
      ['credit_back', 2, 50],
      ['rerun', 1, 20],
      ['billing_error_review', 2, 5],
      ['deny_subjective', 1, 0],
    ]);
    expect(totals.byOutcome[2]?.amounts).toEqual({ USD: 1500, EUR: 900 });
  });

  it('is empty for nothing', () => {
    expect(bulkTotals([], OUTCOMES)).toEqual({ count: 0, credits: 0, byOutcome: [] });
  });
});

describe('outcome keys', () => {
  it('gives every outcome its own key, none of them a navigation key', () => {
    const keys = Object.values(OUTCOME_KEYS);
    expect(new Set(keys).size).toBe(OUTCOMES.length);
    for (const reserved of ['j', 'k', 'u', 'a', 'x', '?', '/', 'Enter']) expect(keys).not.toContain(reserved);
    for (const outcome of OUTCOMES) expect(outcomeForKey(OUTCOME_KEYS[outcome])).toBe(outcome);
    expect(outcomeForKey('j')).toBeNull();
  });
});
