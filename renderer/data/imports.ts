import { useLiveQuery } from 'dexie-react-hooks';
import { appendAudit } from './audit';
import { batchTables, deleteBatchRows } from './batch-rows';
import { db } from './db';
import type { ImportBatch, MappingProfile, ProblemChunk } from './import-records';
import { headerKey } from './import-text';

export { headerKey, newBatchId, problemsCsv } from './import-text';

/** Import history, newest first. */
export function useImportBatches(): ImportBatch[] | undefined {
  return useLiveQuery(() => db.importBatches.orderBy('startedAt').reverse().toArray(), []);
}

/**
 * A batch left `running` by a closed window or a crashed tab: its worker held a Web Lock named
 * after it, which the browser released with the page. Such batches become `incomplete`.
 */
export async function markInterruptedBatches(): Promise<number> {
  const running = await db.importBatches.where('status').equals('running').toArray();
  if (running.length === 0) return 0;
  const held = new Set((await navigator.locks.query()).held?.map((lock) => lock.name) ?? []);
  let marked = 0;
  for (const batch of running) {
    if (held.has(`import:${batch.id}`)) continue;
    await db.importBatches.update(batch.id, {
      status: 'incomplete',
      note: 'interrupted: the window closed or the page crashed during the import',
    });
    marked++;
  }
  return marked;
}

/** The completed earlier import of the very same file, if any (same size and SHA-256). */
export async function completedBatchWithSha(sha256: string): Promise<ImportBatch | undefined> {
  return db.importBatches
    .where('sha256')
    .equals(sha256)
    .filter((b) => b.status === 'complete')
    .first();
}

export async function completedBatchesOfSize(size: number): Promise<ImportBatch[]> {
  return db.importBatches.filter((b) => b.status === 'complete' && b.size === size).toArray();
}

/** Undo (a complete batch) or Remove (an incomplete one): the rows go, the batch stays listed. */
export async function undoBatch(batchId: string, actor: string, how: 'undo' | 'remove'): Promise<void> {
  await db.transaction('rw', [...batchTables(db), db.audit], async () => {
    const batch = await db.importBatches.get(batchId);
    if (!batch) throw new Error(`There is no import ${batchId}.`);
    if (batch.status === 'undone') return;
    await deleteBatchRows(db, batchId);
    await db.importBatches.update(batchId, {
      status: 'undone',
      stored: 0,
      note: how === 'undo' ? `undone by ${actor}` : `removed by ${actor} after an interruption`,
    });
    await appendAudit({
      actor,
      action: how === 'undo' ? 'import.undo' : 'import.remove',
      subject: `batch:${batchId}`,
      before: {
        status: batch.status,
        kind: batch.kind,
        stored: batch.stored,
        fileName: batch.fileName,
        sha256: batch.sha256,
      },
      after: { status: 'undone', stored: 0 },
    });
  });
}

export async function batchProblems(batchId: string): Promise<ProblemChunk['problems']> {
  const chunks = await db.importProblems.where('batchId').equals(batchId).sortBy('id');
  return chunks.flatMap((c) => c.problems).sort((a, b) => a.line - b.line);
}

export async function profileForHeaders(headers: readonly string[]): Promise<MappingProfile | undefined> {
  const matches = await db.mappingProfiles.where('headerKey').equals(headerKey(headers)).toArray();
  return matches.sort((a, b) => b.savedAt - a.savedAt)[0];
}

export async function saveProfile(profile: MappingProfile): Promise<void> {
  await db.mappingProfiles.put(profile);
}

export function useMappingProfiles(): MappingProfile[] | undefined {
  return useLiveQuery(() => db.mappingProfiles.orderBy('name').toArray(), []);
}
