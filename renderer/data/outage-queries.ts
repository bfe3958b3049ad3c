import type { LedgerEntry, Outage } from '../../shared/domain/records';
import type { RequestOnJob } from '../../shared/outages';
import type { Decision } from '../../shared/review/decision';
import type { ReviewDeskDb } from './db';
import { exportLocksOf, readExportSets, withExportLock } from './export-sets';
import {
  blockRows,
  BUCKETS,
  groupKey,
  hourOfGroup,
  tupleToLedger,
  type JobTuple,
  type LedgerTuple,
} from './row-blocks';

/**
 * Reads for the Outages page, over the import's row blocks (row-blocks.ts). They take the
 * database as a parameter so that the outages worker runs them on its own connection.
 */

const HOUR_PREFIX = 'jobs.h.';

export interface HourBlocks {
  /** Failed or undelivered jobs (shared/outages isFailure), as stored tuples. */
  failures: JobTuple[];
  /** Every job created in the hour, failed or not, by hour start. */
  jobsPerHour: Map<number, number>;
}

/** Failures by time: the hour blocks between two instants (whole hours), or all of them. */
export async function hourBlocks(database: ReviewDeskDb, from?: number, to?: number): Promise<HourBlocks> {
  const lower =
    from === undefined ? HOUR_PREFIX : groupKey.jobsHour(Math.floor(from / 3_600_000) * 3_600_000);
  const upper = to === undefined ? `${HOUR_PREFIX}\uffff` : groupKey.jobsHour(to);
  const blocks = await database.rowBlocks.where('g').between(lower, upper, true, true).toArray();
  const failures: JobTuple[] = [];
  const jobsPerHour = new Map<number, number>();
  for (const block of blocks) {
    const hour = hourOfGroup(block.g);
    jobsPerHour.set(hour, (jobsPerHour.get(hour) ?? 0) + (block.total ?? 0));
    for (const row of blockRows(block)) failures.push(row as JobTuple);
  }
  return { failures, jobsPerHour };
}

const bucketName = (bucket: number) => `ledger.j.${String(bucket).padStart(4, '0')}`;

/**
 * The ledger rows of the given jobs. Reads only the job buckets they hash to; many jobs touch
 * every bucket, so the whole by-job view is then read in slices to bound memory.
 */
export async function ledgerForJobs(
  database: ReviewDeskDb,
  jobIds: ReadonlySet<string>,
): Promise<Map<string, LedgerEntry[]>> {
  const byJob = new Map<string, LedgerEntry[]>();
  const seen = new Set<string>();
  const visit = (rows: unknown[][]) => {
    for (const row of rows) {
      const tuple = row as LedgerTuple;
      if (!jobIds.has(tuple[5]) || seen.has(tuple[0])) continue;
      seen.add(tuple[0]);
      const list = byJob.get(tuple[5]);
      const entry = tupleToLedger(tuple);
      if (list) list.push(entry);
      else byJob.set(tuple[5], [entry]);
    }
  };
  const groups = new Set<string>();
  for (const jobId of jobIds) groups.add(groupKey.ledgerByJob(jobId));
  if (groups.size <= BUCKETS / 8) {
    const blocks = await database.rowBlocks
      .where('g')
      .anyOf([...groups])
      .toArray();
    for (const block of blocks) visit(blockRows(block));
  } else {
    const step = 32;
    for (let start = 0; start < BUCKETS; start += step) {
      const blocks = await database.rowBlocks
        .where('g')
        .between(bucketName(start), bucketName(start + step), true, false)
        .toArray();
      for (const block of blocks) visit(blockRows(block));
    }
  }
  for (const list of byJob.values()) list.sort((a, b) => a.createdAt - b.createdAt);
  return byJob;
}

/** (index key, primary key) pairs of an index, read without loading a single record. */
async function indexPairs(
  table: ReviewDeskDb['suggestions'] | ReviewDeskDb['decisions'],
  index: string,
): Promise<[string, string][]> {
  const collection = table.orderBy(index);
  const [keys, primaryKeys] = await Promise.all([collection.keys(), table.orderBy(index).primaryKeys()]);
  return keys.map((key, i) => [String(key), String(primaryKeys[i])]);
}

export interface CompensationRecords {
  /** By job id: the requests whose picked (or decided) job it is. */
  requests: Map<string, RequestOnJob[]>;
  /** By job id: the proactive credit-back decided for it, by any incident. */
  proactive: Map<string, Decision>;
  /** `<account>\n<job>` of every exported generation. */
  exported: Set<string>;
}

export const pairKey = (accountEmail: string, jobId: string) => `${accountEmail}\n${jobId}`;

/**
 * Requests, decisions and exports that concern the given jobs. The job-id indexes are read as
 * keys only, so a queue of 50,000 requests costs a key scan, not 50,000 record reads.
 */
export async function compensationRecords(
  database: ReviewDeskDb,
  jobIds: ReadonlySet<string>,
): Promise<CompensationRecords> {
  const [suggestionPairs, decisionPairs, sets] = await Promise.all([
    indexPairs(database.suggestions, 'jobId'),
    indexPairs(database.decisions, 'jobId'),
    readExportSets(database),
  ]);
  // Decisions exported by this desk read as exported, as everywhere (export-sets.ts).
  const locks = exportLocksOf(sets);
  const locked = (d: Decision | undefined) => (d ? withExportLock(d, locks) : d);
  const suggestionIds = suggestionPairs.filter(([jobId]) => jobIds.has(jobId)).map(([, id]) => id);
  const decisionIds = decisionPairs.filter(([jobId]) => jobIds.has(jobId)).map(([, id]) => id);
  const decisionsOnJobs = (await database.decisions.bulkGet(decisionIds)).map(locked);
  const requestIds = new Set<string>(suggestionIds);
  for (const d of decisionsOnJobs) if (d && d.source === 'request') requestIds.add(d.requestId);
  const [requestDecisions, storedRequests, requestSuggestions] = await Promise.all([
    database.decisions.bulkGet([...requestIds]).then((list) => list.map(locked)),
    database.requests.bulkGet([...requestIds]),
    database.suggestions.bulkGet([...requestIds]),
  ]);

  const requests = new Map<string, RequestOnJob[]>();
  const proactive = new Map<string, Decision>();
  for (const d of decisionsOnJobs)
    if (d && d.source === 'outage_proactive' && d.jobId) proactive.set(d.jobId, d);
  [...requestIds].forEach((requestId, i) => {
    const decision = requestDecisions[i];
    const suggestion = requestSuggestions[i];
    const jobId = decision?.jobId ?? suggestion?.jobId ?? null;
    if (jobId === null || !jobIds.has(jobId)) return;
    const item: RequestOnJob = {
      requestId,
      receivedAt: storedRequests[i]?.receivedAt ?? 0,
      suggestedOutcome: suggestion?.outcome ?? null,
      decision: decision
        ? { outcome: decision.outcome, state: decision.state, decidedBy: decision.decidedBy }
        : null,
    };
    const list = requests.get(jobId);
    if (list) list.push(item);
    else requests.set(jobId, [item]);
  });
  for (const list of requests.values()) list.sort((a, b) => a.receivedAt - b.receivedAt);
  const exported = new Set<string>();
  for (const set of sets)
    set.jobIds.forEach((jobId, i) =>
      exported.add(pairKey(set.accountEmails[i]!.trim().toLowerCase(), jobId)),
    );
  return { requests, proactive, exported };
}

export async function storedOutages(database: ReviewDeskDb): Promise<Outage[]> {
  const rows = await database.outages.toArray();
  return rows.map(({ b: _b, h: _h, ...outage }) => outage);
}

/**
 * The newest timestamp in the data, where an open incident ends (as the policy engine computes
 * it over every record). It reads every job and ledger row, so it is only asked for when an
 * incident is still open.
 */
export async function newestTimestamp(database: ReviewDeskDb): Promise<number> {
  let newest = Number.NEGATIVE_INFINITY;
  const see = (value: number | null | undefined) => {
    if (typeof value === 'number' && value > newest) newest = value;
  };
  for (const prefix of ['jobs.a.', 'ledger.a.']) {
    const step = 32;
    for (let start = 0; start < BUCKETS; start += step) {
      const from = `${prefix}${String(start).padStart(4, '0')}`;
      const to = `${prefix}${String(start + step).padStart(4, '0')}`;
      const blocks = await database.rowBlocks.where('g').between(from, to, true, false).toArray();
      for (const block of blocks) {
        for (const row of blockRows(block)) {
          if (prefix === 'jobs.a.') {
            const t = row as JobTuple;
            see(t[3]);
            see(t[4]);
            see(t[5]);
          } else see((row as LedgerTuple)[2]);
        }
      }
    }
  }
  const [requests, payments, outages] = await Promise.all([
    database.requests.toArray(),
    database.payments.toArray(),
    database.outages.toArray(),
  ]);
  for (const r of requests) {
    see(r.receivedAt);
    see(r.approx?.t);
  }
  for (const p of payments) see(p.createdAt);
  for (const o of outages) {
    see(o.startedAt);
    see(o.resolvedAt);
  }
  return newest;
}

/** Changes whenever an import lands or is undone: the worker's caches are keyed by it. */
export async function importStamp(database: ReviewDeskDb): Promise<string> {
  const batches = await database.importBatches.toArray();
  return batches
    .map((b) => `${b.id}:${b.status}:${b.stored}`)
    .sort()
    .join(',');
}
