import { create } from 'zustand';
import type { Outcome } from '../../../shared/policy/types';
import { DEFAULT_SORT, EMPTY_FILTER, type QueueFilter, type QueueSort } from '../../../shared/review/queue';

/** The review page's UI state: what is filtered, selected, ticked and open. */
interface ReviewUiState {
  filter: QueueFilter;
  sort: QueueSort;
  selectedId: string | null;
  checked: ReadonlySet<string>;
  dialog: 'cheatsheet' | 'bulk' | null;
  /** An outcome chosen by key or button that differs from the suggestion: waits for its note. */
  pendingOutcome: Outcome | null;
  /** The last action's result, read out by the status line. */
  message: { kind: 'ok' | 'error'; text: string } | null;
  setPendingOutcome(outcome: Outcome | null): void;
  say(kind: 'ok' | 'error', text: string): void;
  setFilter(patch: Partial<QueueFilter>): void;
  resetFilter(): void;
  setSort(sort: QueueSort): void;
  select(requestId: string | null): void;
  toggleChecked(requestId: string): void;
  setChecked(ids: Iterable<string>): void;
  openDialog(dialog: 'cheatsheet' | 'bulk' | null): void;
}

const ROUTE = /^#\/review\/(.+)$/;

/** `#/review/REQ-1` opens that request; the hash follows the selection so a link can be shared. */
export function requestIdFromHash(hash: string): string | null {
  const match = ROUTE.exec(hash);
  return match?.[1] ? decodeURIComponent(match[1]) : null;
}

let hashTimer: ReturnType<typeof setTimeout> | null = null;

function writeHash(requestId: string | null): void {
  const hash = requestId === null ? '#/review' : `#/review/${encodeURIComponent(requestId)}`;
  // replaceState: moving through the queue must not flood the history or fire hashchange; and
  // only once the reviewer pauses, since it costs a few milliseconds per call.
  if (hashTimer) clearTimeout(hashTimer);
  hashTimer = setTimeout(() => {
    if (window.location.hash.startsWith('#/review') && window.location.hash !== hash)
      window.history.replaceState(null, '', hash);
  }, 250);
}

export const useReviewUi = create<ReviewUiState>((set) => ({
  filter: EMPTY_FILTER,
  sort: DEFAULT_SORT,
  selectedId: requestIdFromHash(window.location.hash),
  checked: new Set(),
  dialog: null,
  pendingOutcome: null,
  message: null,
  setPendingOutcome: (pendingOutcome) => set({ pendingOutcome }),
  say: (kind, text) => set({ message: { kind, text } }),
  setFilter: (patch) => set((s) => ({ filter: { ...s.filter, ...patch } })),
  resetFilter: () => set({ filter: EMPTY_FILTER }),
  setSort: (sort) => set({ sort }),
  select: (requestId) => {
    writeHash(requestId);
    set((s) => (s.selectedId === requestId ? {} : { selectedId: requestId, pendingOutcome: null }));
  },
  toggleChecked: (requestId) =>
    set((s) => {
      const checked = new Set(s.checked);
      if (checked.has(requestId)) checked.delete(requestId);
      else checked.add(requestId);
      return { checked };
    }),
  setChecked: (ids) => set({ checked: new Set(ids) }),
  openDialog: (dialog) => set({ dialog }),
}));

window.addEventListener('hashchange', () => {
  const id = requestIdFromHash(window.location.hash);
  if (id !== null && id !== useReviewUi.getState().selectedId) useReviewUi.setState({ selectedId: id });
});
