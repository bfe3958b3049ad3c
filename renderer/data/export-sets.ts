import type { BatchItem } from '../../shared/export';
import type { Decision } from '../../shared/review/decision';
import type { ReviewDeskDb } from './db';
import type { ExportBatchRow, ExportedItemRow, ExportSetRow } from './export-records';

/**
 * The exported generations, one record per batch (ExportSetRow), and the lock they put on this
 * desk's decisions. An export writes its set and leaves the decision records as they were
 * (rewriting 10,000 of them cost about 10 s of browser CPU); every reader of a decision's state
 * applies the lock with withExportLock, so an exported decision reads as `exported`, with its
 * batch, everywhere. Decisions exported before version 8 of the database keep their stored
 * `exported` state, which stays locked the same way.
 */

/** The record of a batch's items, own or recorded from another desk. */
export function exportSetOf(
  batch: { batch_id: string; created_at: string; signer: { key: string } },
  items: readonly BatchItem[],
  origin: { own: boolean; exportedBy: string },
): ExportSetRow {
  return {
    id: origin.own ? batch.batch_id : `foreign:${batch.signer.key}:${batch.batch_id}`,
    batchId: batch.batch_id,
    own: origin.own,
    exportedBy: origin.exportedBy,
    exportedAt: batch.created_at,
    ...itemColumns(
      items.map((i) => ({
        idempotencyKey: i.idempotency_key,
        requestId: i.request_id,
        accountEmail: i.account_email,
        jobId: i.job_id,
        remedy: i.remedy,
        credits: i.credits,
      })),
    ),
  };
}

type ItemColumns = Pick<
  ExportSetRow,
  'idempotencyKeys' | 'requestIds' | 'accountEmails' | 'jobIds' | 'remedies' | 'credits'
>;

/** A set's items as the columns it stores them in. */
function itemColumns(
  items: readonly Pick<
    ExportedItemRow,
    'idempotencyKey' | 'requestId' | 'accountEmail' | 'jobId' | 'remedy' | 'credits'
  >[],
): ItemColumns {
  return {
    idempotencyKeys: items.map((i) => i.idempotencyKey),
    requestIds: items.map((i) => i.requestId),
    accountEmails: items.map((i) => i.accountEmail),
    jobIds: items.map((i) => i.jobId),
    remedies: items.map((i) => i.remedy),
    credits: items.map((i) => i.credits),
  };
}

/** Every exported generation as one row each, keyed by idempotency key. */
export function exportedItemsOf(sets: readonly ExportSetRow[]): Map<string, ExportedItemRow> {
  const items = new Map<string, ExportedItemRow>();
  for (const set of sets) {
    set.idempotencyKeys.forEach((idempotencyKey, i) => {
      items.set(idempotencyKey, {
        idempotencyKey,
        batchId: set.batchId,
        requestId: set.requestIds[i]!,
        accountEmail: set.accountEmails[i]!,
        jobId: set.jobIds[i]!,
        remedy: set.remedies[i]!,
        credits: set.credits[i]!,
        exportedBy: set.exportedBy,
        exportedAt: set.exportedAt,
      });
    });
  }
  return items;
}

/** Every idempotency key of every set: what no later batch may carry again. */
export function exportedKeysOf(sets: readonly ExportSetRow[]): Set<string> {
  const keys = new Set<string>();
  for (const set of sets) for (const key of set.idempotencyKeys) keys.add(key);
  return keys;
}

/** Request id → the batch of this desk that exported its decision. */
export type ExportLocks = ReadonlyMap<string, string>;

export function exportLocksOf(sets: readonly ExportSetRow[]): ExportLocks {
  const locks = new Map<string, string>();
  for (const set of sets)
    if (set.own) for (const requestId of set.requestIds) locks.set(requestId, set.batchId);
  return locks;
}

/** The decision as every reader sees it: exported and locked once a batch of this desk holds it. */
export function withExportLock(decision: Decision, locks: ExportLocks): Decision {
  if (decision.state === 'exported') return decision;
  const batchId = locks.get(decision.requestId);
  return batchId === undefined ? decision : { ...decision, state: 'exported', batchId };
}

/** One getAll: a set per batch, so this stays a handful of records. */
export function readExportSets(database: ReviewDeskDb): Promise<ExportSetRow[]> {
  return database.exportSets.toArray();
}

export async function readExportLocks(database: ReviewDeskDb): Promise<ExportLocks> {
  return exportLocksOf(await readExportSets(database));
}

/**
 * Version 8 of the database: the item records of version 2 become one set per batch. Items of a
 * batch this desk exported (its stored file lists them) form that batch's own set, in the file's
 * order; the rest were recorded from other desks and are grouped by batch, recorder and time.
 */
export function exportSetsFromItems(
  items: readonly ExportedItemRow[],
  ownBatches: readonly Pick<ExportBatchRow, 'batchId' | 'text'>[],
): ExportSetRow[] {
  const byKey = new Map(items.map((item) => [item.idempotencyKey, item]));
  const sets: ExportSetRow[] = [];
  for (const batch of ownBatches) {
    const listed = (JSON.parse(batch.text) as { items: { idempotency_key: string }[] }).items;
    const rows = listed.flatMap((entry) => {
      const item = byKey.get(entry.idempotency_key);
      return item && item.batchId === batch.batchId ? [item] : [];
    });
    if (rows.length === 0) continue;
    for (const row of rows) byKey.delete(row.idempotencyKey);
    sets.push({
      id: batch.batchId,
      batchId: batch.batchId,
      own: true,
      exportedBy: rows[0]!.exportedBy,
      exportedAt: rows[0]!.exportedAt,
      ...itemColumns(rows),
    });
  }
  const foreign = new Map<string, ExportedItemRow[]>();
  for (const item of byKey.values()) {
    const id = `foreign:${item.batchId}:${item.exportedBy}:${item.exportedAt}`;
    const group = foreign.get(id);
    if (group) group.push(item);
    else foreign.set(id, [item]);
  }
  for (const [id, rows] of foreign) {
    sets.push({
      id,
      batchId: rows[0]!.batchId,
      own: false,
      exportedBy: rows[0]!.exportedBy,
      exportedAt: rows[0]!.exportedAt,
      ...itemColumns(rows),
    });
  }
  return sets;
}
