import Dexie from 'dexie';
import { useSyncExternalStore } from 'react';
import type { QueueBase } from '../../shared/review/queue';
import { queueBasesOf } from '../../shared/review/queue-columns';
import { appendAudit } from './audit';
import { db } from './db';
import { settingsInForce } from './policy-settings';
import { suggestionInputsStamp } from './review-queries';
import type { SuggestionRunSummary, SuggestionWorkerReply } from './suggestion-messages';

export type { SuggestionRunSummary } from './suggestion-messages';

export interface SuggestionRunState {
  running: boolean;
  phase: string;
  done: number;
  total: number;
  error: string | null;
  last: SuggestionRunSummary | null;
}

let state: SuggestionRunState = { running: false, phase: '', done: 0, total: 0, error: null, last: null };
const listeners = new Set<() => void>();
function publish(next: Partial<SuggestionRunState>): void {
  state = { ...state, ...next };
  for (const listener of listeners) listener();
}

let worker: Worker | null = null;
let nextId = 1;
let current: Promise<SuggestionRunSummary> | null = null;
let again: Promise<SuggestionRunSummary> | null = null;

function startWorker(): Worker {
  worker ??= new Worker(new URL('../workers/suggestions.worker.ts', import.meta.url), {
    type: 'module',
    name: 'suggestions',
  });
  return worker;
}

function runOnce(): Promise<SuggestionRunSummary> {
  const id = nextId++;
  const w = startWorker();
  publish({ running: true, phase: 'Starting', done: 0, total: 0, error: null });
  return new Promise<SuggestionRunSummary>((resolve, reject) => {
    const onMessage = (event: MessageEvent<SuggestionWorkerReply>) => {
      const reply = event.data;
      if (reply.id !== id) return;
      if (reply.type === 'progress') {
        publish({ phase: reply.phase, done: reply.done, total: reply.total });
        return;
      }
      w.removeEventListener('message', onMessage);
      if (reply.type === 'done') {
        publish({ running: false, phase: '', last: reply.summary });
        resolve(reply.summary);
      } else if (reply.type === 'error') {
        publish({ running: false, phase: '', error: reply.message });
        reject(new Error(reply.message));
      }
    };
    w.addEventListener('message', onMessage);
    w.postMessage({ type: 'run', id });
  });
}

/** The stored suggestions as light queue rows, read in the worker. */
export function readQueueBases(): Promise<QueueBase[]> {
  const id = nextId++;
  const w = startWorker();
  return new Promise<QueueBase[]>((resolve, reject) => {
    const onMessage = (event: MessageEvent<SuggestionWorkerReply>) => {
      const reply = event.data;
      if (reply.id !== id) return;
      w.removeEventListener('message', onMessage);
      if (reply.type === 'queue') resolve(queueBasesOf(reply.columns));
      if (reply.type === 'error') reject(new Error(reply.message));
    };
    w.addEventListener('message', onMessage);
    w.postMessage({ type: 'queue', id });
  });
}

/**
 * Re-runs the rules in the worker: undecided requests get fresh suggestions, decided ones keep
 * theirs and get the "new evidence" badge when their evidence changed. Call it after an import,
 * an undo of an import, a settings change or a re-picked job. Calls during a run coalesce into
 * one more run after it.
 */
export function refreshSuggestions(): Promise<SuggestionRunSummary> {
  if (current === null) {
    current = runOnce().finally(() => {
      current = null;
      // Something may have changed while the worker ran: check once more.
      if (again === null) void refreshSuggestionsIfStale().catch(() => undefined);
    });
    return current;
  }
  again ??= current
    .catch(() => undefined)
    .then(() => {
      again = null;
      return refreshSuggestions();
    });
  return again;
}

/** Runs the worker only when the imports, settings or compensations changed since the last run. */
export async function refreshSuggestionsIfStale(): Promise<void> {
  const inForce = await settingsInForce();
  const [stamp, saved] = await Promise.all([
    suggestionInputsStamp(db, inForce.sha256),
    db.settings.get('suggestions.stamp'),
  ]);
  if (saved?.value !== stamp) await refreshSuggestions();
}

/**
 * True when the stored suggestions were computed from the imports, settings and compensations in
 * force now. Accepting a suggestion made before the latest import (an outage file, say) would
 * record an outcome the evidence no longer supports.
 */
export async function suggestionsAreCurrent(): Promise<boolean> {
  if (state.running) return false;
  const inForce = await settingsInForce();
  const [stamp, saved] = await Promise.all([
    suggestionInputsStamp(db, inForce.sha256),
    db.settings.get('suggestions.stamp'),
  ]);
  return saved?.value === stamp;
}

let watching = false;
let staleTimer: ReturnType<typeof setTimeout> | null = null;

/** Imports finishing or being undone, exports and proactive credit-backs all trigger a stale check. */
export function watchSuggestionInputs(): void {
  if (watching) return;
  watching = true;
  Dexie.on('storagemutated', (parts) => {
    const keys = Object.keys(parts);
    const relevant = ['importBatches', 'exportSets', 'policySettings', 'decisions'].some((table) =>
      keys.some((key) => key.includes(`/${table}/`)),
    );
    if (!relevant) return;
    if (staleTimer) clearTimeout(staleTimer);
    staleTimer = setTimeout(() => {
      void refreshSuggestionsIfStale().catch(() => undefined);
    }, 800);
  });
  void refreshSuggestionsIfStale().catch(() => undefined);
}

function subscribeSuggestionRun(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useSuggestionRun(): SuggestionRunState {
  return useSyncExternalStore(subscribeSuggestionRun, () => state);
}

export function suggestionRunning(): boolean {
  return state.running;
}

/**
 * Calls back each time a run of this window's worker ends, with what it wrote (null when it
 * failed).
 */
export function onSuggestionRunEnd(callback: (summary: SuggestionRunSummary | null) => void): () => void {
  let running = state.running;
  return subscribeSuggestionRun(() => {
    if (running && !state.running) callback(state.error === null ? state.last : null);
    running = state.running;
  });
}

/**
 * A reviewer re-picks the job of an undecided request from its candidates; the rules run again
 * with that job (rule 3 then names `reviewer` as how the job was picked).
 */
export async function repickJob(requestId: string, jobId: string, actor: string): Promise<void> {
  if (actor.trim() === '') throw new Error('Set your reviewer identity in Settings first.');
  const decided = await db.decisions.get(requestId);
  if (decided) throw new Error('Undo the decision before re-picking the job.');
  await db.transaction('rw', db.jobPicks, db.audit, async () => {
    const before = (await db.jobPicks.get(requestId))?.jobId ?? null;
    await db.jobPicks.put({ requestId, jobId, pickedBy: actor.trim(), pickedAt: new Date().toISOString() });
    await appendAudit({
      actor: actor.trim(),
      action: 'decision.repick',
      subject: `request:${requestId}`,
      before: { jobId: before },
      after: { jobId },
    });
  });
  await refreshSuggestions();
}
