import { compareText } from '../policy/order';
import type { Flag, Outcome } from '../policy/types';
import type { ReviewState } from './lifecycle';
import type { StoredSuggestion } from './stored-suggestion';

/** One request in the review queue: its suggestion joined with its decision, flattened for speed. */
export interface QueueRow {
  requestId: string;
  accountEmail: string;
  receivedAt: number;
  jobId: string | null;
  suggestedOutcome: Outcome;
  /** The decided outcome, when there is a decision. */
  decidedOutcome: Outcome | null;
  credits: number | null;
  amountMinor: number | null;
  currency: string | null;
  flags: readonly Flag[];
  outageIds: readonly string[];
  state: ReviewState;
  newEvidence: boolean;
}

/** `new_evidence` is not a policy flag, but reviewers filter by it the same way. */
export type QueueFlag = Flag | 'new_evidence';

export interface QueueFilter {
  outcomes: readonly Outcome[];
  states: readonly ReviewState[];
  flags: readonly QueueFlag[];
  /** An incident id, `any` (the job overlapped some outage), or null for no outage filter. */
  outage: string | null;
  /** Epoch ms, inclusive; null for open. */
  receivedFrom: number | null;
  /** Epoch ms, exclusive; null for open. */
  receivedTo: number | null;
  search: string;
}

export const EMPTY_FILTER: QueueFilter = {
  outcomes: [],
  states: [],
  flags: [],
  outage: null,
  receivedFrom: null,
  receivedTo: null,
  search: '',
};

export type SortKey = 'received' | 'request' | 'email' | 'credits' | 'outcome' | 'state';
export interface QueueSort {
  key: SortKey;
  descending: boolean;
}
export const DEFAULT_SORT: QueueSort = { key: 'received', descending: false };

export function rowHasFlag(row: QueueRow, flag: QueueFlag): boolean {
  return flag === 'new_evidence' ? row.newEvidence : row.flags.includes(flag);
}

/**
 * A predicate for one filter. Search matches a request id or job id exactly or by prefix, and an
 * email by substring, case-insensitively; every chosen dimension must match (AND), and within a
 * dimension any chosen value does (OR).
 */
export function rowMatcher(filter: QueueFilter): (row: QueueRow) => boolean {
  const outcomes = filter.outcomes.length > 0 ? new Set(filter.outcomes) : null;
  const states = filter.states.length > 0 ? new Set(filter.states) : null;
  const flags = filter.flags;
  const needle = filter.search.trim().toLowerCase();
  return (row) => {
    if (outcomes && !outcomes.has(row.suggestedOutcome)) return false;
    if (states && !states.has(row.state)) return false;
    for (const flag of flags) if (!rowHasFlag(row, flag)) return false;
    if (filter.outage !== null) {
      if (filter.outage === 'any' ? row.outageIds.length === 0 : !row.outageIds.includes(filter.outage))
        return false;
    }
    if (filter.receivedFrom !== null && row.receivedAt < filter.receivedFrom) return false;
    if (filter.receivedTo !== null && row.receivedAt >= filter.receivedTo) return false;
    if (needle !== '') {
      return (
        row.requestId.toLowerCase().startsWith(needle) ||
        (row.jobId !== null && row.jobId.toLowerCase().startsWith(needle)) ||
        row.accountEmail.includes(needle)
      );
    }
    return true;
  };
}

const STATE_ORDER: Record<ReviewState, number> = { suggested: 0, decided: 1, approved: 2, exported: 3 };

function comparator(key: SortKey): (a: QueueRow, b: QueueRow) => number {
  switch (key) {
    case 'received':
      return (a, b) => a.receivedAt - b.receivedAt;
    case 'request':
      return () => 0;
    case 'email':
      return (a, b) => compareText(a.accountEmail, b.accountEmail);
    case 'credits':
      return (a, b) => (a.credits ?? -1) - (b.credits ?? -1);
    case 'outcome':
      return (a, b) => compareText(a.suggestedOutcome, b.suggestedOutcome);
    case 'state':
      return (a, b) => STATE_ORDER[a.state] - STATE_ORDER[b.state];
  }
}

/** The account's other requests in the queue, in received order (then by request id). */
export function otherRequestsOf(
  rows: readonly QueueRow[],
  row: Pick<QueueRow, 'requestId' | 'accountEmail'>,
) {
  return rows
    .filter((r) => r.accountEmail === row.accountEmail && r.requestId !== row.requestId)
    .sort((a, b) => a.receivedAt - b.receivedAt || compareText(a.requestId, b.requestId));
}

/** Filters then sorts; ties always fall back to request id, so the order is stable and total. */
export function queryQueue(rows: readonly QueueRow[], filter: QueueFilter, sort: QueueSort): QueueRow[] {
  const matches = rows.filter(rowMatcher(filter));
  const primary = comparator(sort.key);
  const sign = sort.descending ? -1 : 1;
  return matches.sort((a, b) => sign * (primary(a, b) || compareText(a.requestId, b.requestId)));
}

export interface QueueCounts {
  total: number;
  byOutcome: Partial<Record<Outcome, number>>;
  byState: Record<ReviewState, number>;
  newEvidence: number;
}

export function countQueue(rows: readonly QueueRow[]): QueueCounts {
  const counts: QueueCounts = {
    total: rows.length,
    byOutcome: {},
    byState: { suggested: 0, decided: 0, approved: 0, exported: 0 },
    newEvidence: 0,
  };
  for (const row of rows) {
    counts.byOutcome[row.suggestedOutcome] = (counts.byOutcome[row.suggestedOutcome] ?? 0) + 1;
    counts.byState[row.state] += 1;
    if (row.newEvidence) counts.newEvidence += 1;
  }
  return counts;
}

/** A queue row before its decision is joined in: what the suggestions give. */
export type QueueBase = Omit<QueueRow, 'state' | 'decidedOutcome'>;

export function queueBase(s: StoredSuggestion): QueueBase {
  return {
    requestId: s.requestId,
    accountEmail: s.accountEmail,
    receivedAt: s.receivedAt,
    jobId: s.jobId,
    suggestedOutcome: s.outcome,
    credits: s.credits,
    amountMinor: s.amountMinor,
    currency: s.currency,
    flags: s.flags,
    outageIds: s.evidence.outageIds,
    newEvidence: s.newEvidence,
  };
}
