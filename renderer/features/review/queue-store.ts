import Dexie from 'dexie';
import { useSyncExternalStore } from 'react';
import type { Decision } from '../../../shared/review/decision';
import { queueBase, type QueueBase, type QueueRow } from '../../../shared/review/queue';
import { requestDecisions, type DecisionChange } from '../../data/decisions';
import { onSuggestionRunEnd, readQueueBases, suggestionRunning } from '../../data/suggestions';

/**
 * The review queue in memory: one light row per request, joined from the stored suggestions and
 * the decisions. Filtering and sorting 100,000 rows in memory takes milliseconds, whereas a Dexie
 * query per keystroke would not; the store reloads when another part of the app (an export, an
 * outage's proactive credit-backs, a new suggestion run) changes the tables.
 */
export type QueueStatus = 'loading' | 'ready' | 'error';

export interface QueueSnapshot {
  status: QueueStatus;
  error: string | null;
  rows: readonly QueueRow[];
  byId: ReadonlyMap<string, QueueRow>;
}

type Base = QueueBase;

let bases = new Map<string, Base>();
let decisions = new Map<string, Decision>();
let snapshot: QueueSnapshot = { status: 'loading', error: null, rows: [], byId: new Map() };
const listeners = new Set<() => void>();
let loaded: Promise<void> | null = null;

function join(base: Base): QueueRow {
  const decision = decisions.get(base.requestId);
  return {
    ...base,
    state: decision ? decision.state : 'suggested',
    decidedOutcome: decision ? decision.outcome : null,
  };
}

function publish(next: Partial<QueueSnapshot>): void {
  snapshot = { ...snapshot, ...next };
  for (const listener of listeners) listener();
}

function rebuild(): void {
  const rows: QueueRow[] = [];
  const byId = new Map<string, QueueRow>();
  for (const base of bases.values()) {
    const row = join(base);
    rows.push(row);
    byId.set(row.requestId, row);
  }
  publish({ status: 'ready', error: null, rows, byId });
}

async function readDecisions(): Promise<Map<string, Decision>> {
  // Proactive credit-backs (outages) have no request and no row in this queue. An export locks
  // decisions through its batch's set, without rewriting them (data/export-sets.ts).
  const list = await requestDecisions();
  return new Map(list.map((d) => [d.requestId, d]));
}

async function readAll(): Promise<void> {
  try {
    // The worker reads the full suggestions and sends back light rows, so the main thread never
    // deserializes tens of thousands of evidence objects.
    const [stored, decided] = await Promise.all([readQueueBases(), readDecisions()]);
    bases = new Map(stored.map((s) => [s.requestId, s]));
    decisions = decided;
    rebuild();
  } catch (error) {
    publish({ status: 'error', error: error instanceof Error ? error.message : String(error) });
  }
}

export function reloadQueue(): Promise<void> {
  loaded = readAll();
  return loaded;
}

let decisionsTimer: ReturnType<typeof setTimeout> | null = null;
let suggestionsTimer: ReturnType<typeof setTimeout> | null = null;

/** Other features write decisions too (exports lock them); pick those up after a quiet moment. */
function watchTables(): void {
  Dexie.on('storagemutated', (parts) => {
    const touches = (table: string) => Object.keys(parts).some((key) => key.includes(`/${table}/`));
    if (touches('decisions') || touches('exportSets')) {
      if (decisionsTimer) clearTimeout(decisionsTimer);
      decisionsTimer = setTimeout(() => {
        void readDecisions().then((next) => {
          decisions = next;
          rebuild();
        });
      }, 700);
    }
    if (touches('suggestions')) {
      if (suggestionRunning()) changedDuringRun = true;
      else if (!echoOfOwnRun()) reloadSoon();
    }
  });
  // A run writes its suggestions in slices; reading the whole queue back after each slice made
  // the page stutter through the run, so the queue reloads once, as soon as the run ends.
  onSuggestionRunEnd((summary) => {
    const wrote = summary !== null && summary.written + summary.removed > 0;
    if (!wrote && !changedDuringRun && suggestionsTimer === null) return;
    changedDuringRun = false;
    if (suggestionsTimer) clearTimeout(suggestionsTimer);
    suggestionsTimer = null;
    reloadedAtRunEnd = performance.now();
    void reloadQueue();
  });
}

let changedDuringRun = false;
let reloadedAtRunEnd = -Infinity;

/**
 * The change events of a run's last writes can reach this window just after the run's end; the
 * reload at the end already read those writes, and a second read of the whole queue is the cost
 * of another long task. (A run starting meanwhile is covered by the reload at its own end.)
 */
function echoOfOwnRun(): boolean {
  return performance.now() - reloadedAtRunEnd < 2000;
}

function reloadSoon(): void {
  if (suggestionsTimer) clearTimeout(suggestionsTimer);
  suggestionsTimer = setTimeout(() => {
    suggestionsTimer = null;
    if (suggestionRunning()) changedDuringRun = true;
    else void reloadQueue();
  }, 1500);
}

function subscribe(listener: () => void): () => void {
  if (listeners.size === 0 && loaded === null) {
    watchTables();
    void reloadQueue();
  }
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useQueue(): QueueSnapshot {
  return useSyncExternalStore(subscribe, () => snapshot);
}

/** Applies this window's own writes at once, before the tables' change events arrive. */
export function applyDecisionChanges(changes: readonly DecisionChange[]): void {
  if (changes.length === 0) return;
  for (const change of changes) {
    if (change.decision) decisions.set(change.requestId, change.decision);
    else decisions.delete(change.requestId);
    if (change.suggestion) bases.set(change.requestId, queueBase(change.suggestion));
  }
  if (changes.length > 50) {
    rebuild();
    return;
  }
  const byId = new Map(snapshot.byId);
  const touched = new Set<string>();
  for (const change of changes) {
    const base = bases.get(change.requestId);
    if (!base) continue;
    byId.set(change.requestId, join(base));
    touched.add(change.requestId);
  }
  const rows = snapshot.rows.map((row) =>
    touched.has(row.requestId) ? (byId.get(row.requestId) ?? row) : row,
  );
  publish({ rows, byId });
}

export function queueDecision(requestId: string): Decision | undefined {
  return decisions.get(requestId);
}
