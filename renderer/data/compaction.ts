import type { ReviewDeskDb } from './db';
import type { ImportBatch, RowBlock } from './import-records';
import { packTuples, unpackRows } from './packed-rows';
import { BUCKETS, COMPACTED_MARK, groupKey, hashOf } from './row-blocks';

/**
 * The background compaction of landed imports (see row-blocks.ts for the groups). The import
 * writes an account's jobs and a job's ledger rows into 64 large buckets, because large values
 * are what let a million rows land in time; a request page wants one account and one job, and
 * read about 7 MB for them. Once a batch has landed, its rows are copied into BUCKETS ×
 * SUB_BUCKETS small groups (about 25 KB each at a million rows), bucket by bucket, each bucket's
 * groups written in one transaction, and a marker block says the copy is whole.
 *
 * Nothing is deleted: the import's blocks stay for the readers that scan everything (the
 * suggestions, the outages), and the copy carries the batch's id, so Undo removes both. A crash
 * mid-way leaves a partial copy without a marker, which reads ignore and the next run replaces.
 */
export type CompactedKind = 'jobs' | 'ledger';

export interface CompactionFamily {
  kind: CompactedKind;
  /** The import's group of an account (jobs) or job (ledger) bucket. */
  sourceGroup(bucket: number): string;
  /** The compacted group of a key, and the prefix of all compacted groups of a bucket. */
  compactGroup(key: string): string;
  compactPrefix(bucket: number): string;
  /** Tuple index of the key (account email, job id) and of created_at. */
  keyField: number;
  timeField: number;
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

export const COMPACTION_FAMILIES: Record<CompactedKind, CompactionFamily> = {
  jobs: {
    kind: 'jobs',
    sourceGroup: groupKey.jobsByAccountBucket,
    compactGroup: groupKey.compactJobsByAccount,
    compactPrefix: (bucket) => `jobs.c.${pad(bucket, 4)}.`,
    keyField: 1,
    timeField: 3,
  },
  ledger: {
    kind: 'ledger',
    sourceGroup: groupKey.ledgerByJobBucket,
    compactGroup: groupKey.compactLedgerByJob,
    compactPrefix: (bucket) => `ledger.c.${pad(bucket, 4)}.`,
    keyField: 5,
    timeField: 2,
  },
};

/**
 * One bucket's rows of one batch, regrouped into the bucket's compacted groups: rows sorted by
 * key, then time, so that a group holds each key's rows together.
 */
export function compactBlocks(
  family: CompactionFamily,
  batchId: string,
  blocks: readonly RowBlock[],
): RowBlock[] {
  const byGroup = new Map<string, unknown[][]>();
  const groupOfKey = new Map<string, string>();
  for (const block of blocks) {
    for (const row of unpackRows(block.g, block)) {
      const key = row[family.keyField] as string;
      let group = groupOfKey.get(key);
      if (group === undefined) {
        group = family.compactGroup(key);
        groupOfKey.set(key, group);
      }
      const rows = byGroup.get(group);
      if (rows) rows.push(row);
      else byGroup.set(group, [row]);
    }
  }
  const k = family.keyField;
  const t = family.timeField;
  return [...byGroup.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([g, rows]) => {
      rows.sort((x, y) => {
        const kx = x[k] as string;
        const ky = y[k] as string;
        return kx < ky ? -1 : kx > ky ? 1 : (x[t] as number) - (y[t] as number);
      });
      return { g, b: batchId, ...packTuples(g, rows) };
    });
}

function markerOf(batchId: string): RowBlock {
  const empty = new ArrayBuffer(0);
  return {
    g: COMPACTED_MARK,
    b: batchId,
    n: 0,
    text: new Uint8Array(empty),
    lens: new Uint8Array(empty),
    nums: new Float64Array(empty),
  };
}

export type CompactionOutcome = 'done' | 'stopped' | 'gone';

/**
 * The next bucket of each batch a run stopped in. Buckets before it are copied whole (each in
 * its transaction; only Undo removes them, and then the batch is gone), so a run in the same
 * session goes on from there; a new session starts the batch over.
 */
export type CompactionProgress = Map<string, number>;

/**
 * Copies one landed batch into its compacted groups, a bucket per write. `shouldStop` is
 * asked between buckets (an import started, say); a stopped batch is taken up again where
 * `progress` says, or from the start, each bucket replacing what an earlier run left of it. 'gone': the batch was
 * undone meanwhile (its rows, copies included, went with it).
 */
export async function compactBatch(
  database: ReviewDeskDb,
  batchId: string,
  family: CompactionFamily,
  shouldStop: () => Promise<boolean> | boolean = () => false,
  progress: CompactionProgress = new Map(),
): Promise<CompactionOutcome> {
  if (await shouldStop()) return 'stopped';
  // The batch's blocks, partial copies of an earlier run included; a landed batch gains none.
  const batchKeys = new Set(await database.rowBlocks.where('b').equals(batchId).primaryKeys());
  const landed = async () => (await database.importBatches.get(batchId))?.status === 'complete';
  for (let bucket = progress.get(batchId) ?? 0; bucket < BUCKETS; bucket++) {
    if (await shouldStop()) return 'stopped';
    // Read, regroup and write in three steps: only the write holds the store, briefly, so a
    // request opened meanwhile waits for one bucket's write at most, not for its regrouping.
    const sources = await database.transaction('r', database.rowBlocks, database.importBatches, async () => {
      if (!(await landed())) return null;
      const keys = await database.rowBlocks.where('g').equals(family.sourceGroup(bucket)).primaryKeys();
      const blocks = await database.rowBlocks.bulkGet(keys.filter((key) => batchKeys.has(key)));
      return blocks.filter((block): block is RowBlock => block !== undefined);
    });
    // A landed batch's blocks never change; if it is undone meanwhile, the write sees it.
    const fresh = sources === null ? [] : compactBlocks(family, batchId, sources);
    const copied =
      sources !== null &&
      (await database.transaction('rw', database.rowBlocks, database.importBatches, async () => {
        if (!(await landed())) return false;
        const prefix = family.compactPrefix(bucket);
        const compactKeys = await database.rowBlocks
          .where('g')
          .between(prefix, `${prefix}\uffff`, true, true)
          .primaryKeys();
        await database.rowBlocks.bulkDelete(compactKeys.filter((key) => batchKeys.has(key)));
        if (fresh.length > 0) await database.rowBlocks.bulkAdd(fresh);
        return true;
      }));
    if (!copied) {
      progress.delete(batchId);
      return 'gone';
    }
    progress.set(batchId, bucket + 1);
  }
  progress.delete(batchId);
  return database.transaction('rw', database.rowBlocks, database.importBatches, async () => {
    if (!(await landed())) return 'gone';
    const marks = await database.rowBlocks.where('g').equals(COMPACTED_MARK).toArray();
    if (!marks.some((mark) => mark.b === batchId)) await database.rowBlocks.add(markerOf(batchId));
    return 'done';
  });
}

/**
 * An import that really runs: its worker holds the Web Lock named after its batch (a batch left
 * `running` by a closed window holds none). Compaction gives way to it.
 */
export async function importRunning(database: ReviewDeskDb): Promise<boolean> {
  const running = await database.importBatches.where('status').equals('running').toArray();
  if (running.length === 0) return false;
  const held = new Set((await navigator.locks.query()).held?.map((lock) => lock.name) ?? []);
  return running.some((batch) => held.has(`import:${batch.id}`));
}

function isCompactedKind(kind: string): kind is CompactedKind {
  return kind === 'jobs' || kind === 'ledger';
}

/** The landed jobs and ledger batches without a whole compacted copy, oldest first. */
export async function batchesToCompact(database: ReviewDeskDb): Promise<ImportBatch[]> {
  const [batches, marks] = await Promise.all([
    database.importBatches.toArray(),
    database.rowBlocks.where('g').equals(COMPACTED_MARK).toArray(),
  ]);
  const done = new Set(marks.map((mark) => mark.b));
  return batches
    .filter((b) => b.status === 'complete' && isCompactedKind(b.kind) && !done.has(b.id))
    .sort((a, b) => a.startedAt - b.startedAt || (a.id < b.id ? -1 : 1));
}

/** Compacts every landed batch that needs it, until done or told to stop. */
export async function compactLandedBatches(
  database: ReviewDeskDb,
  shouldStop: () => Promise<boolean> | boolean = () => false,
  onBatch: (batch: ImportBatch, outcome: CompactionOutcome, ms: number) => void = () => {},
  progress: CompactionProgress = new Map(),
): Promise<CompactionOutcome> {
  for (const batch of await batchesToCompact(database)) {
    if (!isCompactedKind(batch.kind)) continue;
    if (await shouldStop()) return 'stopped';
    const started = performance.now();
    const family = COMPACTION_FAMILIES[batch.kind];
    const outcome = await compactBatch(database, batch.id, family, shouldStop, progress);
    onBatch(batch, outcome, performance.now() - started);
    if (outcome === 'stopped') return 'stopped';
  }
  return 'done';
}

/** Which batches a read takes from the compacted groups (`done`), and every batch. */
export interface CompactionState {
  batches: ImportBatch[];
  done: Set<string>;
}

/** Read it once per request page and share it between that page's reads (one transaction). */
export async function readCompactionState(database: ReviewDeskDb): Promise<CompactionState> {
  const [batches, marks] = await Promise.all([
    database.importBatches.toArray(),
    database.rowBlocks.where('g').equals(COMPACTED_MARK).toArray(),
  ]);
  return { batches, done: new Set(marks.map((mark) => mark.b)) };
}

/**
 * The blocks holding a key's rows for a read: the compacted group of every batch whose copy is
 * whole, and the import's bucket of the others (still running, incomplete, or not yet
 * compacted), in import order, so that the first batch that stored a row id still wins.
 * One read transaction, so a copy finishing meanwhile is seen either whole or not at all; a
 * caller that passes `state` runs this inside its own transaction, where it read that state.
 */
export async function blocksForKey(
  database: ReviewDeskDb,
  family: CompactionFamily,
  key: string,
  state?: Promise<CompactionState>,
): Promise<RowBlock[]> {
  return database.transaction('r', database.rowBlocks, database.importBatches, async () => {
    const [{ batches, done }, compact] = await Promise.all([
      state ?? readCompactionState(database),
      database.rowBlocks.where('g').equals(family.compactGroup(key)).toArray(),
    ]);
    const pending = batches
      .filter((b) => b.kind === family.kind && b.status !== 'undone' && !done.has(b.id))
      .map((b) => b.id);
    let sources: RowBlock[] = [];
    if (pending.length > 0) {
      const [groupKeys, pendingKeys] = await Promise.all([
        database.rowBlocks
          .where('g')
          .equals(family.sourceGroup(hashOf(key) % BUCKETS))
          .primaryKeys(),
        database.rowBlocks.where('b').anyOf(pending).primaryKeys(),
      ]);
      const wanted = new Set(pendingKeys);
      const found = await database.rowBlocks.bulkGet(groupKeys.filter((id) => wanted.has(id)));
      sources = found.filter((block): block is RowBlock => block !== undefined);
    }
    const order = new Map(
      [...batches].sort((a, b) => a.startedAt - b.startedAt).map((b, i) => [b.id, i] as const),
    );
    const rank = (block: RowBlock) => order.get(block.b) ?? -1;
    return [...compact.filter((block) => done.has(block.b)), ...sources].sort(
      (a, b) => rank(a) - rank(b) || (a.id ?? 0) - (b.id ?? 0),
    );
  });
}
