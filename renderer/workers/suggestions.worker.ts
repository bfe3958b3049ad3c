/// <reference lib="webworker" />
import { buildIndexes, prepareSettings, suggestAll, type PolicyIndexes } from '../../shared/policy';
import type { DecisionState } from '../../shared/review/decision';
import { queueBase, type QueueBase } from '../../shared/review/queue';
import { queueColumns } from '../../shared/review/queue-columns';
import { planSuggestionUpdate, type RequestKey } from '../../shared/review/stored-suggestion';
import { ReviewDeskDb } from '../data/db';
import { exportedItemsOf, exportLocksOf, readExportSets, withExportLock } from '../data/export-sets';
import { settingsInForce } from '../data/policy-settings';
import { loadPolicyData, suggestionInputsStamp } from '../data/review-queries';
import type {
  SuggestionRunSummary,
  SuggestionWorkerReply,
  SuggestionWorkerRequest,
} from '../data/suggestion-messages';

/**
 * Computes the suggestions off the UI thread, reading the imported records straight from
 * IndexedDB, and writes them back in chunks. Indexes are kept between runs while the import
 * batches are unchanged, so a re-pick or a settings change does not read a million rows again.
 */
const db = new ReviewDeskDb();
const scope = self as unknown as DedicatedWorkerGlobalScope;
const WRITE_CHUNK = 5000;

let cached: { batches: string; indexes: PolicyIndexes } | null = null;
/** What this worker last wrote per request, so a re-run writes only the suggestions that changed. */
const written = new Map<string, number>();

/** FNV-1a: a change detector for this session only, never stored. */
function digest(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

function post(reply: SuggestionWorkerReply): void {
  scope.postMessage(reply);
}

async function batchesStamp(): Promise<string> {
  const batches = await db.importBatches.toArray();
  return batches
    .map((b) => `${b.id}:${b.status}:${b.stored}`)
    .sort()
    .join(',');
}

async function run(id: number): Promise<SuggestionRunSummary> {
  const started = performance.now();
  const progress = (phase: string, done = 0, total = 0) => post({ type: 'progress', id, phase, done, total });
  // Stamped before reading: an import that lands during the run leaves a different stamp, so
  // the next staleness check runs the rules again instead of trusting half-read data.
  const stampAtStart = await suggestionInputsStamp(db, (await settingsInForce(db)).sha256);
  const batches = await batchesStamp();
  if (cached === null || cached.batches !== batches) {
    cached = null;
    const data = await loadPolicyData(db, (phase) => progress(`Reading ${phase}`));
    progress('Indexing');
    cached = { batches, indexes: buildIndexes(data) };
  }
  const indexes = cached.indexes;
  const inForce = await settingsInForce(db);
  const [decisions, picks, sets] = await Promise.all([
    db.decisions.toArray(),
    db.jobPicks.toArray(),
    readExportSets(db),
  ]);
  const exported = [...exportedItemsOf(sets).values()];
  const locks = exportLocksOf(sets);
  progress('Applying the rules', 0, indexes.requestsInOrder.length);
  const prepared = await prepareSettings(inForce.settings);
  const fresh = await suggestAll(indexes, prepared, {
    exportedIdempotencyKeys: exported.map((item) => item.idempotencyKey),
    exportedJobs: exported.map((item) => ({ accountEmail: item.accountEmail, jobId: item.jobId })),
    proactiveCredits: decisions
      .filter((d) => d.source === 'outage_proactive' && d.jobId !== null)
      .map((d) => ({ accountEmail: d.accountEmail, jobId: d.jobId as string })),
    forcedJobIds: new Map(picks.map((p) => [p.requestId, p.jobId])),
  });

  const requestKeys = new Map<string, RequestKey>();
  for (const request of indexes.requestsInOrder)
    requestKeys.set(request.requestId, {
      accountEmail: request.accountEmail,
      receivedAt: request.receivedAt,
    });
  const states = new Map<string, DecisionState>();
  // An exported decision keeps its stored state; the batch that holds it locks it (export-sets.ts).
  for (const d of decisions)
    if (d.source === 'request') states.set(d.requestId, withExportLock(d, locks).state);
  const decidedIds = [...states.keys()];
  const storedDecided = await db.suggestions.bulkGet(decidedIds);
  const stored = new Map(storedDecided.flatMap((s) => (s ? [[s.requestId, s] as const] : [])));
  const storedIds = await db.suggestions.toCollection().primaryKeys();
  const plan = planSuggestionUpdate(fresh, requestKeys, stored, states, storedIds);

  const changed = plan.put.filter((row) => {
    const hash = digest(JSON.stringify(row));
    if (written.get(row.requestId) === hash) return false;
    written.set(row.requestId, hash);
    return true;
  });
  for (let start = 0; start < changed.length; start += WRITE_CHUNK) {
    await db.suggestions.bulkPut(changed.slice(start, start + WRITE_CHUNK));
    progress('Saving suggestions', Math.min(changed.length, start + WRITE_CHUNK), changed.length);
  }
  if (plan.remove.length > 0) {
    await db.suggestions.bulkDelete(plan.remove);
    for (const requestId of plan.remove) written.delete(requestId);
  }
  await db.settings.put({ key: 'suggestions.stamp', value: stampAtStart });
  return {
    ...plan.counts,
    removed: plan.remove.length,
    written: changed.length,
    requests: indexes.requestsInOrder.length,
    settingsSha256: inForce.sha256,
    settingsVersion: inForce.version,
    ms: Math.round(performance.now() - started),
  };
}

async function queueRows(id: number): Promise<void> {
  const rows: QueueBase[] = [];
  await db.suggestions.each((s) => {
    rows.push(queueBase(s));
  });
  post({ type: 'queue', id, columns: queueColumns(rows) });
}

scope.onmessage = (event: MessageEvent<SuggestionWorkerRequest>) => {
  const { id } = event.data;
  if (event.data.type === 'queue') {
    queueRows(id).catch((error: unknown) =>
      post({ type: 'error', id, message: error instanceof Error ? error.message : String(error) }),
    );
    return;
  }
  run(id).then(
    (summary) => post({ type: 'done', id, summary }),
    (error: unknown) =>
      post({ type: 'error', id, message: error instanceof Error ? error.message : String(error) }),
  );
};
