import Dexie from 'dexie';
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import type { BatchSigner, CreditbackBatch, DecisionPeriod, SignedFile } from '../../shared/export';
import {
  BATCH_FORMAT,
  BATCH_NAMESPACE,
  batchFileName,
  decisionExportFileName,
  inPeriod,
  nextBatchId,
  serializeBatch,
  signatureFileName,
  signDecisionExport,
  type ArmoredSigner,
} from '../../shared/export';
import { sha256Hex, utf8 } from '../../shared/signing';
import type { Decision } from '../../shared/review/decision';
import type { LedgerEntry } from '../../shared/domain/records';
import { appliedByBatch, restoreGroups, type BatchApplied } from '../features/exports/applied-view';
import { decisionExportRow } from '../features/exports/decision-rows';
import { planBatch, type ExportPlan } from '../features/exports/export-plan';
import { storedOverdueDays } from '../features/exports/overdue-days';
import { appendAudit } from './audit';
import { db } from './db';
import type { ExportBatchRow, ExportedItemRow } from './export-records';
import {
  exportedItemsOf,
  exportedKeysOf,
  exportLocksOf,
  exportSetOf,
  readExportLocks,
  readExportSets,
  withExportLock,
  type ExportLocks,
} from './export-sets';
import { blockRows, groupKey, tupleToLedger, type LedgerTuple } from './row-blocks';

/** Everything the Exports page weighs, read in one consistent snapshot. */
export interface ExportSnapshot {
  decisions: Decision[];
  suggestedRules: Map<string, number>;
  exported: Map<string, ExportedItemRow>;
  latest: ExportBatchRow | null;
  /** The newest audit entry's seq when this was read (see exportNextBatch). */
  auditHead: number | null;
}

function auditHead(): Promise<number | null> {
  return db.audit
    .orderBy('seq')
    .lastKey()
    .then((seq) => (typeof seq === 'number' ? seq : null));
}

/** What the Exports page plans from (useExportPlan), read in one transaction. */
export async function exportSnapshot(): Promise<ExportSnapshot> {
  const tables = [db.decisions, db.suggestions, db.exportSets, db.exportBatches, db.audit];
  return db.transaction('r', tables, async () => {
    const [sets, latest, head] = await Promise.all([readExportSets(db), chainHead(), auditHead()]);
    const decisions = await openDecisions(exportLocksOf(sets));
    const overrides = decisions.filter((d) => d.rule === null).map((d) => d.requestId);
    const suggestions = await db.suggestions.bulkGet(overrides);
    return {
      decisions,
      suggestedRules: new Map(suggestions.flatMap((s) => (s ? [[s.requestId, s.rule] as const] : []))),
      exported: exportedItemsOf(sets),
      latest: latest ?? null,
      auditHead: head,
    };
  });
}

/**
 * Decided and approved decisions that no batch of this desk holds yet. An exported decision keeps
 * its stored state (export-sets.ts), so the state index's keys are read first and only the open
 * decisions after: once a batch is out, its decisions are never read again here.
 */
async function openDecisions(locks: ExportLocks): Promise<Decision[]> {
  const [decidedIds, approvedIds] = await Promise.all([
    db.decisions.where('state').equals('decided').primaryKeys(),
    db.decisions.where('state').equals('approved').primaryKeys(),
  ]);
  const total = decidedIds.length + approvedIds.length;
  const open = [...decidedIds, ...approvedIds].filter((id) => !locks.has(id));
  if (open.length === 0) return [];
  // bulkGet issues one request per key: several times slower per record than getAll, so it is
  // only worth it when most of the decisions are exported.
  if (open.length * 4 < total) {
    return (await db.decisions.bulkGet(open)).filter((d): d is Decision => d !== undefined);
  }
  // Two equals() reads use getAll; anyOf() walks a cursor, several times slower at 10,000 rows.
  const [decided, approved] = await Promise.all([
    db.decisions.where('state').equals('decided').toArray(),
    db.decisions.where('state').equals('approved').toArray(),
  ]);
  return [...decided, ...approved].filter((d) => !locks.has(d.requestId));
}

function previousOf(latest: ExportBatchRow | null) {
  // The stored hash of the stored text: re-encoding and hashing a batch of a few MB per plan is waste.
  return latest ? { sha256: latest.sha256, batchId: latest.batchId } : null;
}

/** The plan of the next batch, with the snapshot it was made from (an export can start from it). */
export interface LivePlan {
  plan: ExportPlan;
  basis: ExportSnapshot;
  /** The batch the plan would sign, stamped with the time it was planned. */
  batch: CreditbackBatch | null;
}

/**
 * The live plan of the next batch. Only the reads are live: hashing the keys is WebCrypto, which
 * a live query must not await, so the plan is computed from each new snapshot afterwards.
 */
export function useExportPlan(signer: BatchSigner | null): LivePlan | undefined {
  const state = useLiveQuery(exportSnapshot, []);
  const [plan, setPlan] = useState<LivePlan | undefined>();
  const identity = signer?.identity ?? '';
  const key = signer?.key ?? '';
  useEffect(() => {
    if (!state) return;
    let live = true;
    void planBatch({
      decisions: state.decisions,
      exported: state.exported,
      suggestedRules: state.suggestedRules,
      signer: { identity, key },
      previous: previousOf(state.latest),
      createdAt: new Date(),
    }).then((result) => {
      if (live) setPlan({ plan: result.plan, basis: state, batch: result.batch });
    });
    return () => {
      live = false;
    };
  }, [state, identity, key]);
  return plan;
}

export class ExportConflictError extends Error {}

function sameSigner(a: BatchSigner, b: BatchSigner): boolean {
  return a.identity === b.identity && a.key === b.key;
}

/** A planned batch as made now: the same items and chain link, a new time and the id for it. */
function restamped(planned: CreditbackBatch, now: Date, latest: ExportBatchRow | null): CreditbackBatch {
  return {
    ...planned,
    batch_id: nextBatchId(now, latest?.batchId ?? null),
    created_at: now.toISOString(),
  };
}

export interface ExportedBatch {
  row: ExportBatchRow;
  signed: SignedFile;
}

/**
 * Builds, signs and records the next batch. Signing happens outside the transaction (IndexedDB
 * would commit it while the host signs); the transaction then re-checks that nothing moved:
 * the chain head is the same, no item was exported meanwhile, no decision changed. Recording
 * comes before saving the files, so a cancelled save never lets the same items out twice.
 *
 * `basis` is the snapshot the page planned from (useExportPlan), which saves reading every
 * decision again; without it the snapshot is read here. `planned` is the batch planned from it:
 * only its id and time change at export, so it is not built again (10,000 item keys hashed twice).
 */
export async function exportNextBatch(input: {
  actor: string;
  signer: BatchSigner;
  sign: ArmoredSigner;
  basis?: ExportSnapshot;
  planned?: CreditbackBatch | null;
  now?: Date;
}): Promise<ExportedBatch> {
  const started = performance.now();
  const state = input.basis ?? (await exportSnapshot());
  const now = input.now ?? new Date();
  const batch =
    input.basis && input.planned && sameSigner(input.planned.signer, input.signer)
      ? restamped(input.planned, now, state.latest)
      : (
          await planBatch({
            decisions: state.decisions,
            exported: state.exported,
            suggestedRules: state.suggestedRules,
            signer: input.signer,
            previous: previousOf(state.latest),
            createdAt: now,
          })
        ).batch;
  if (!batch) throw new ExportConflictError('Nothing is ready to export.');
  // signBatch's steps, with the file's hash taken while the host signs and the text kept (decoding
  // 4 MB back to text and hashing it after signing cost about 100 ms).
  const text = serializeBatch(batch);
  const bytes = utf8(text);
  const fileName = batchFileName(batch.batch_id);
  const [signature, sha256] = await Promise.all([input.sign(BATCH_NAMESPACE, bytes), sha256Hex(bytes)]);
  const signed: SignedFile = { fileName, bytes, signatureFileName: signatureFileName(fileName), signature };
  const row: ExportBatchRow = {
    batchId: batch.batch_id,
    createdAt: batch.created_at,
    fileName,
    text,
    sha256,
    signature,
    signerIdentity: batch.signer.identity,
    signerKey: batch.signer.key,
    totals: batch.totals,
    previousBatchId: state.latest?.batchId ?? null,
  };
  // The benchmark (scripts/bench-export-web.ts) reports these two parts of the export.
  const signedAt = performance.now();
  performance.measure('export:build-and-sign', { start: started, end: signedAt });
  await db.transaction('rw', [db.exportBatches, db.exportSets, db.decisions, db.audit], async () => {
    const head = await chainHeadId();
    if (head !== (state.latest?.batchId ?? null)) {
      throw new ExportConflictError(
        `Batch ${head} was exported meanwhile; look at the list again before exporting.`,
      );
    }
    // A generation leaves once, whoever exported it: checked here against every batch stored now,
    // own and recorded from other desks (a handful of records, one per batch).
    const sets = await readExportSets(db);
    const taken = exportedKeysOf(sets);
    const clash = batch.items.find((i) => taken.has(i.idempotency_key));
    if (clash) {
      throw new ExportConflictError(
        `Job ${clash.job_id} was exported meanwhile; nothing was exported. Look at the list again.`,
      );
    }
    await checkDecisionsUnchanged(batch, state, exportLocksOf(sets));
    // The set locks the batch's decisions; their records are left as they are (export-sets.ts).
    await Promise.all([
      db.exportSets.add(exportSetOf(batch, batch.items, { own: true, exportedBy: input.actor })),
      db.exportBatches.add(row),
    ]);
    // One entry for the batch; its request ids are the per-item detail.
    await appendAudit({
      actor: input.actor,
      action: 'export.batch',
      subject: `batch:${batch.batch_id}`,
      before: { previousBatch: state.latest?.batchId ?? null },
      after: {
        fileName: row.fileName,
        sha256: row.sha256,
        previousBatchSha256: batch.previous_batch_sha256,
        signer: batch.signer,
        totals: batch.totals,
        requestIds: batch.items.map((i) => i.request_id),
      },
    });
  });
  performance.measure('export:record', { start: signedAt });
  // Committed: the pages that list batches find this one in memory instead of reading its MBs back.
  storedBatches.set(row.batchId, row);
  parsedBatches.set(parsedKey(row), batch);
  return { row, signed };
}

/**
 * The re-check of the batch's decisions inside the export transaction. Every change to decisions,
 * export sets and batches appends an audit entry in the same transaction (audit.ts), so an
 * unchanged audit head means nothing moved since the snapshot, and reading 10,000 decisions
 * again is skipped. Otherwise each item is checked against what is stored now.
 */
async function checkDecisionsUnchanged(
  batch: CreditbackBatch,
  state: ExportSnapshot,
  locks: ExportLocks,
): Promise<void> {
  if (state.auditHead !== null && (await auditHead()) === state.auditHead) return;
  const byRequest = new Map(state.decisions.map((d) => [d.requestId, d]));
  // Whole-store reads (getAll): bulkGet issues one request per key, far slower at 10,000.
  const [decided, approved] = await Promise.all([
    db.decisions.where('state').equals('decided').toArray(),
    db.decisions.where('state').equals('approved').toArray(),
  ]);
  const current = new Map([...decided, ...approved].map((d) => [d.requestId, withExportLock(d, locks)]));
  for (const item of batch.items) {
    const now = current.get(item.request_id);
    const then = byRequest.get(item.request_id);
    if (!now || !then || !sameDecision(now, then)) {
      throw new ExportConflictError(
        `The decision on ${item.request_id} changed meanwhile; look at the list again before exporting.`,
      );
    }
  }
}

function sameDecision(a: Decision, b: Decision): boolean {
  return (
    a.state === b.state &&
    a.outcome === b.outcome &&
    a.decidedAt === b.decidedAt &&
    a.approvedBy === b.approvedBy &&
    a.credits === b.credits &&
    a.jobId === b.jobId
  );
}

/**
 * Stored batches never change (nothing updates or deletes them), so each row, a few MB of file
 * text, is read once per page life: the live queries read the keys and only the rows not yet here.
 */
const storedBatches = new Map<string, ExportBatchRow>();

/** The rows of these batch ids, in that order; call inside a transaction over exportBatches. */
async function batchRows(ids: readonly string[]): Promise<ExportBatchRow[]> {
  const missing = ids.filter((id) => !storedBatches.has(id));
  if (missing.length > 0) {
    for (const row of await db.exportBatches.bulkGet(missing)) if (row) storedBatches.set(row.batchId, row);
  }
  return ids.flatMap((id) => storedBatches.get(id) ?? []);
}

function chainHeadId(): Promise<string | null> {
  return db.exportBatches
    .orderBy('batchId')
    .lastKey()
    .then((id) => (typeof id === 'string' ? id : null));
}

/** The newest batch, the one the next batch chains to. */
async function chainHead(): Promise<ExportBatchRow | null> {
  const id = await chainHeadId();
  return id === null ? null : ((await batchRows([id]))[0] ?? null);
}

/** Newest first. */
export function useExportBatches(): ExportBatchRow[] | undefined {
  return useLiveQuery(
    () =>
      db.transaction('r', db.exportBatches, async () =>
        batchRows(await db.exportBatches.orderBy('batchId').reverse().primaryKeys()),
      ),
    [],
  );
}

/** Stored batches never change, so each is parsed once (a 10,000-item batch is a few MB). */
const parsedBatches = new Map<string, CreditbackBatch>();

const parsedKey = (row: ExportBatchRow) => `${row.batchId}:${row.sha256}`;

function parsedBatch(row: ExportBatchRow): CreditbackBatch {
  const key = parsedKey(row);
  let batch = parsedBatches.get(key);
  if (!batch) {
    batch = parseStoredBatch(row);
    parsedBatches.set(key, batch);
  }
  return batch;
}

/** A stored batch, read back; the desk wrote it, so only its own format is expected. */
export function parseStoredBatch(row: ExportBatchRow): CreditbackBatch {
  const batch = JSON.parse(row.text) as CreditbackBatch;
  if (batch.format !== BATCH_FORMAT) throw new Error(`${row.fileName} is not a ${BATCH_FORMAT} file`);
  return batch;
}

/** Every decision of the period, whatever its state, signed for the auditors. */
export async function exportDecisions(input: {
  actor: string;
  period: DecisionPeriod;
  sign: ArmoredSigner;
}): Promise<{ signed: SignedFile; count: number }> {
  const fileName = decisionExportFileName(input.period);
  const [stored, locks] = await db.transaction('r', [db.decisions, db.exportSets], () =>
    Promise.all([db.decisions.toArray(), readExportLocks(db)]),
  );
  const decisions = stored
    .filter((d) => inPeriod(d.decidedAt, input.period))
    .map((d) => withExportLock(d, locks));
  const requests = await db.suggestions.bulkGet(decisions.map((d) => d.requestId));
  const rows = decisions.map((d, i) => decisionExportRow(d, requests[i]?.receivedAt ?? null));
  const signed = await signDecisionExport(rows, input.period, input.sign);
  await appendAudit({
    actor: input.actor,
    action: 'export.decisions',
    subject: `decisions:${input.period.from}..${input.period.to}`,
    before: null,
    after: { fileName, sha256: await sha256Hex(signed.bytes), decisions: rows.length },
  });
  return { signed, count: rows.length };
}

/** Decisions per UTC day of decision, for choosing a period. */
export function useDecisionDays(): { first: string; last: string; count: number } | null | undefined {
  // One getAll (each() would cross a cursor step per decision), in an explicit transaction so
  // that Dexie's live-query cache does not deep-copy every decision on each re-run.
  return useLiveQuery(
    () =>
      db.transaction('r', db.decisions, async () => {
        const decisions = await db.decisions.toArray();
        if (decisions.length === 0) return null;
        let first = '9999-12-31';
        let last = '0000-01-01';
        for (const d of decisions) {
          const day = d.decidedAt.slice(0, 10);
          if (day < first) first = day;
          if (day > last) last = day;
        }
        return { first, last, count: decisions.length };
      }),
    [],
  );
}

export function isConflict(error: unknown): boolean {
  return (
    error instanceof ExportConflictError ||
    (error instanceof Dexie.DexieError && error.name === 'ConstraintError')
  );
}

/**
 * The applied loop: each exported batch against the restore rows of the ledgers imported so
 * far, read from the ledger blocks of the batches' accounts and jobs only.
 */
export function useAppliedReports(options: {
  overdueDays: number | null;
}): Map<string, BatchApplied> | undefined {
  // An explicit transaction: Dexie's live-query cache would deep-copy every block it reads.
  return useLiveQuery(async () => {
    const { batches, blocks } = await db.transaction('r', [db.exportBatches, db.rowBlocks], async () => {
      const batches = (await batchRows(await db.exportBatches.orderBy('batchId').primaryKeys())).map(
        parsedBatch,
      );
      const items = batches.flatMap((b) => b.items);
      const groups = items.length ? restoreGroups(items, groupKey) : [];
      return { batches, blocks: groups.length ? await db.rowBlocks.where('g').anyOf(groups).toArray() : [] };
    });
    const wanted = new Set(batches.flatMap((b) => b.items.map((i) => i.idempotency_key)));
    const restores: LedgerEntry[] = [];
    for (const block of blocks) {
      for (const row of blockRows(block, { field: 3, equals: 'restore' })) {
        const tuple = row as LedgerTuple;
        if (wanted.has(tuple[8].trim().toLowerCase())) {
          restores.push(tupleToLedger(tuple));
        }
      }
    }
    return appliedByBatch(batches, restores, { overdueDays: options.overdueDays, now: new Date() });
  }, [options.overdueDays]);
}

/**
 * Records the items of a batch another desk exported (verified first on the Audit page), so this
 * desk never exports those generations again. Items already known are left as they are.
 */
export async function recordForeignBatch(input: {
  actor: string;
  batch: CreditbackBatch;
}): Promise<{ added: number; known: number }> {
  const { batch } = input;
  return db.transaction('rw', [db.exportSets, db.exportBatches, db.audit], async () => {
    const own = await db.exportBatches.get(batch.batch_id);
    if (own && own.signerKey === batch.signer.key) return { added: 0, known: batch.items.length };
    const known = exportedKeysOf(await readExportSets(db));
    const fresh = batch.items.filter((item) => {
      if (known.has(item.idempotency_key)) return false;
      known.add(item.idempotency_key);
      return true;
    });
    if (fresh.length > 0) {
      await db.exportSets.add(exportSetOf(batch, fresh, { own: false, exportedBy: batch.signer.identity }));
    }
    await appendAudit({
      actor: input.actor,
      action: 'export.batch',
      subject: `batch:${batch.batch_id}`,
      before: null,
      after: {
        recordedFrom: 'another desk',
        signer: batch.signer,
        items: batch.items.length,
        newlyRecorded: fresh.length,
      },
    });
    return { added: fresh.length, known: batch.items.length - fresh.length };
  });
}

const OVERDUE_DAYS_KEY = 'exports.overdueDays';

/** After how many days a missing item is highlighted, as the reviewer last set it. */
export function useOverdueDays(): number | undefined {
  return useLiveQuery(async () => storedOverdueDays((await db.settings.get(OVERDUE_DAYS_KEY))?.value), []);
}

/** A display preference of this desk, not a change to any record: it is not audited. */
export async function saveOverdueDays(days: number): Promise<void> {
  await db.settings.put({ key: OVERDUE_DAYS_KEY, value: days });
}
