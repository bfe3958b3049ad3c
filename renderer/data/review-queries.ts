import type { Job, LedgerEntry, Outage, Payment, SupportRequest } from '../../shared/domain/records';
import type { PolicyData } from '../../shared/policy/indexes';
import { blocksForKey, COMPACTION_FAMILIES, type CompactionFamily, type CompactionState } from './compaction';
import type { ReviewDeskDb } from './db';
import type { ImportBatch, StoredRequest } from './import-records';
import { blockRows, BUCKETS, tupleToJob, tupleToLedger, type JobTuple, type LedgerTuple } from './row-blocks';

/** The canonical request, without the import's bookkeeping fields. */
export function plainRequest(stored: StoredRequest): SupportRequest {
  const { b: _batch, h: _hash, state: _state, ...request } = stored;
  return request;
}

function plainRecord<T extends object>(stored: T & { b: string; h: number }): T {
  const { b: _batch, h: _hash, ...record } = stored;
  return record as T;
}

const RANGE_STEP = 32;

/** Reads a block group family (`jobs.a.`, `ledger.a.`) a slice of buckets at a time, to bound memory. */
async function eachBlockRow(
  database: ReviewDeskDb,
  prefix: string,
  visit: (row: unknown[]) => void,
): Promise<void> {
  for (let start = 0; start < BUCKETS; start += RANGE_STEP) {
    const from = `${prefix}${String(start).padStart(4, '0')}`;
    const to = `${prefix}${String(start + RANGE_STEP).padStart(4, '0')}`;
    const blocks = await database.rowBlocks.where('g').between(from, to, true, false).toArray();
    for (const block of blocks) for (const row of blockRows(block)) visit(row);
  }
}

/**
 * What the rules need, read from the import's tables. Only the accounts that wrote in matter to a
 * suggestion, so other accounts' jobs and ledger rows stay tuples and are never built; the row
 * holding the newest timestamp is kept, because an open outage runs until that moment.
 */
export async function loadPolicyData(
  database: ReviewDeskDb,
  onProgress: (phase: string) => void = () => {},
): Promise<PolicyData> {
  onProgress('requests');
  const [storedRequests, storedPayments, storedOutages] = await Promise.all([
    database.requests.toArray(),
    database.payments.toArray(),
    database.outages.toArray(),
  ]);
  const requests = storedRequests.map(plainRequest);
  // Without requests there is nothing to suggest: skip reading a million jobs for nothing.
  if (requests.length === 0) return { jobs: [], ledger: [], payments: [], requests: [], outages: [] };
  const accounts = new Set(requests.map((r) => r.accountEmail));
  const payments = storedPayments.map((p) => plainRecord<Payment>(p));
  const outages = storedOutages.map((o) => plainRecord<Outage>(o));

  onProgress('jobs');
  const jobs: Job[] = [];
  const seenJobs = new Set<string>();
  const accountJobIds = new Set<string>();
  let newestJob: { tuple: JobTuple; at: number } | null = null;
  await eachBlockRow(database, 'jobs.a.', (row) => {
    const tuple = row as JobTuple;
    const at = Math.max(tuple[3], tuple[4] ?? -Infinity, tuple[5] ?? -Infinity);
    if (newestJob === null || at > newestJob.at) newestJob = { tuple, at };
    if (!accounts.has(tuple[1])) return;
    const key = `${tuple[0]}\n${tuple[1]}\n${tuple[3]}`;
    if (seenJobs.has(key)) return;
    seenJobs.add(key);
    accountJobIds.add(tuple[0]);
    jobs.push(tupleToJob(tuple));
  });
  const newest = newestJob as { tuple: JobTuple; at: number } | null;
  if (newest && !accounts.has(newest.tuple[1])) jobs.push(tupleToJob(newest.tuple));

  onProgress('ledger');
  const ledger: LedgerEntry[] = [];
  const seenEntries = new Set<string>();
  let newestEntry: LedgerTuple | null = null;
  await eachBlockRow(database, 'ledger.a.', (row) => {
    const tuple = row as LedgerTuple;
    if (newestEntry === null || tuple[2] > newestEntry[2]) newestEntry = tuple;
    if (!accounts.has(tuple[1]) && !accountJobIds.has(tuple[5])) return;
    if (seenEntries.has(tuple[0])) return;
    seenEntries.add(tuple[0]);
    ledger.push(tupleToLedger(tuple));
  });
  const lastEntry = newestEntry as LedgerTuple | null;
  if (lastEntry && !seenEntries.has(lastEntry[0])) ledger.push(tupleToLedger(lastEntry));

  return { jobs, ledger, payments, requests, outages };
}

/**
 * The records of the rows `where` picks, once per id (a row's first cell), in block order: read
 * from the key's small compacted group once the import is compacted (compaction.ts), from its
 * import bucket before.
 */
async function recordsOfKey<T>(
  database: ReviewDeskDb,
  family: CompactionFamily,
  where: { field: number; equals: string },
  toRecord: (row: unknown[]) => T,
  compaction: Promise<CompactionState> | undefined,
): Promise<T[]> {
  const blocks = await blocksForKey(database, family, where.equals, compaction);
  const byId = new Map<string, T>();
  for (const block of blocks) {
    for (const row of blockRows(block, where)) {
      const id = row[0] as string;
      if (!byId.has(id)) byId.set(id, toRecord(row));
    }
  }
  return [...byId.values()];
}

/** Every job of one account, oldest first. */
export async function accountJobs(
  database: ReviewDeskDb,
  accountEmail: string,
  compaction?: Promise<CompactionState>,
): Promise<Job[]> {
  const where = { field: 1, equals: accountEmail };
  const jobs = await recordsOfKey(
    database,
    COMPACTION_FAMILIES.jobs,
    where,
    (row) => tupleToJob(row as JobTuple),
    compaction,
  );
  return jobs.sort((a, b) => a.createdAt - b.createdAt || (a.jobId < b.jobId ? -1 : 1));
}

/** The ledger rows of one job, oldest first. */
export async function jobLedger(
  database: ReviewDeskDb,
  jobId: string,
  compaction?: Promise<CompactionState>,
): Promise<LedgerEntry[]> {
  const where = { field: 5, equals: jobId };
  const entries = await recordsOfKey(
    database,
    COMPACTION_FAMILIES.ledger,
    where,
    (row) => tupleToLedger(row as LedgerTuple),
    compaction,
  );
  return entries.sort((a, b) => a.createdAt - b.createdAt);
}

export async function accountPayments(database: ReviewDeskDb, accountEmail: string): Promise<Payment[]> {
  const stored = await database.payments.where('accountEmail').equals(accountEmail).toArray();
  return stored.map((p) => plainRecord<Payment>(p)).sort((a, b) => a.createdAt - b.createdAt);
}

export async function allOutages(database: ReviewDeskDb): Promise<Outage[]> {
  return (await database.outages.toArray()).map((o) => plainRecord<Outage>(o));
}

/**
 * What the stored suggestions were computed from: the settings and the import batches, and the
 * generations compensated elsewhere (exports, proactive credit-backs). A different stamp means
 * the suggestions are stale.
 */
/**
 * The imports that suggestions depend on. A running import changes its batch at every flush, so
 * suggestions wait until it has landed: re-running them at every flush of a 54k-request import
 * (each run reading a million jobs) took most of its 111 s.
 */
export function landedBatchesStamp(
  batches: readonly Pick<ImportBatch, 'id' | 'status' | 'stored'>[],
): string {
  return batches
    .filter((b) => b.status !== 'running')
    .map((b) => `${b.id}:${b.status}:${b.stored}`)
    .sort()
    .join(',');
}

export async function suggestionInputsStamp(database: ReviewDeskDb, settingsSha256: string): Promise<string> {
  const [batches, exported, proactive, picks] = await Promise.all([
    database.importBatches.toArray(),
    database.exportSets.count(),
    database.decisions.where('source').equals('outage_proactive').count(),
    database.jobPicks.toArray(),
  ]);
  const batchPart = landedBatchesStamp(batches);
  const pickPart = picks
    .map((p) => `${p.requestId}=${p.jobId}`)
    .sort()
    .join(',');
  return `${settingsSha256}|${batchPart}|${exported}|${proactive}|${pickPart}`;
}
