import type { Outcome } from '../policy/types';

/**
 * One key per outcome, chosen to be memorable and to avoid the navigation keys (j, k, u, Enter,
 * ?). Shown beside every outcome button and in the cheat sheet.
 */
export const OUTCOME_KEYS: Readonly<Record<Outcome, string>> = {
  credit_back: 'c',
  rerun: 'r',
  billing_error_review: 'b',
  escalate_legal: 'l',
  deny_subjective: 's',
  deny_user_error: 'e',
  deny_duplicate: 'd',
  deny_no_charge: 'n',
  needs_info: 'i',
};

const BY_KEY = new Map<string, Outcome>(
  (Object.entries(OUTCOME_KEYS) as [Outcome, string][]).map(([outcome, key]) => [key, outcome]),
);

export function outcomeForKey(key: string): Outcome | null {
  return BY_KEY.get(key) ?? null;
}
