import type { Job, LedgerEntry, Outage, Payment, SupportRequest } from '../../shared/domain/records';
import { db } from './db';
import type { RowBlock } from './import-records';
import {
  BUCKETS,
  blockRows,
  groupKey,
  hourOfGroup,
  tupleToJob,
  tupleToLedger,
  HOUR_MS,
  type DirectoryTuple,
  type JobTuple,
  type LedgerTuple,
} from './row-blocks';

/**
 * Queries over imported data for review and outages. Each reads a few row blocks (see
 * row-blocks.ts) or one index; every result carries the batch that imported it.
 */
export type Imported<T> = T & { batchId: string };

function blocksOf(group: string): Promise<RowBlock[]> {
  return db.rowBlocks.where('g').equals(group).toArray();
}

export async function getJob(jobId: string): Promise<Imported<Job> | null> {
  let accountBucket: number | null = null;
  for (const block of await blocksOf(groupKey.jobsById(jobId))) {
    const hit = (blockRows(block, { field: 0, equals: jobId }) as DirectoryTuple[])[0];
    if (hit) accountBucket = hit[2];
  }
  if (accountBucket === null) return null;
  // Rows stored when there were 512 buckets name their old bucket, which folds onto today's.
  for (const block of await blocksOf(groupKey.jobsByAccountBucket(accountBucket % BUCKETS))) {
    const hit = (blockRows(block, { field: 0, equals: jobId }) as JobTuple[])[0];
    if (hit) return { ...tupleToJob(hit), batchId: block.b };
  }
  return null;
}

/** An account's jobs (normalised email), by created_at then job id, within [from, to] when given. */
export async function jobsOfAccount(
  email: string,
  from = -Infinity,
  to = Infinity,
): Promise<Imported<Job>[]> {
  const jobs: Imported<Job>[] = [];
  for (const block of await blocksOf(groupKey.jobsByAccount(email))) {
    for (const row of blockRows(block, { field: 1, equals: email }) as JobTuple[]) {
      if (row[1] === email && row[3] >= from && row[3] <= to)
        jobs.push({ ...tupleToJob(row), batchId: block.b });
    }
  }
  return jobs.sort(
    (a, b) => a.createdAt - b.createdAt || (a.jobId < b.jobId ? -1 : a.jobId > b.jobId ? 1 : 0),
  );
}

function hourRange(from: number, to: number): [string, string] {
  return [
    groupKey.jobsHour(Math.floor(from / HOUR_MS) * HOUR_MS),
    groupKey.jobsHour(Math.floor(to / HOUR_MS) * HOUR_MS),
  ];
}

/** Failed or undelivered jobs (shared/outages isFailure) created within [from, to]. */
export async function failuresBetween(from: number, to: number): Promise<Imported<Job>[]> {
  const [lower, upper] = hourRange(from, to);
  const jobs: Imported<Job>[] = [];
  await db.rowBlocks
    .where('g')
    .between(lower, upper, true, true)
    .each((block) => {
      for (const row of blockRows(block) as JobTuple[]) {
        if (row[3] >= from && row[3] <= to) jobs.push({ ...tupleToJob(row), batchId: block.b });
      }
    });
  return jobs.sort((a, b) => a.createdAt - b.createdAt);
}

export interface HourCount {
  hour: number;
  jobs: number;
  failures: number;
}

/** Jobs and failures per UTC hour, for failure rates; hours without jobs are left out. */
export async function jobsPerHour(from = 0, to = 8.64e15): Promise<HourCount[]> {
  const [lower, upper] = hourRange(from, to);
  const byHour = new Map<number, HourCount>();
  await db.rowBlocks
    .where('g')
    .between(lower, upper, true, true)
    .each((block) => {
      const hour = hourOfGroup(block.g);
      const entry = byHour.get(hour) ?? { hour, jobs: 0, failures: 0 };
      entry.jobs += block.total ?? 0;
      entry.failures += block.n;
      byHour.set(hour, entry);
    });
  return [...byHour.values()].sort((a, b) => a.hour - b.hour);
}

/** Every stored job, block by block, without holding them all in memory at once. */
export async function forEachJob(visit: (job: Imported<Job>) => void): Promise<void> {
  await db.rowBlocks
    .where('g')
    .between('jobs.a.', 'jobs.a.\uffff', true, true)
    .each((block) => {
      for (const row of blockRows(block) as JobTuple[]) visit({ ...tupleToJob(row), batchId: block.b });
    });
}

export async function ledgerOfAccount(email: string): Promise<Imported<LedgerEntry>[]> {
  const rows: Imported<LedgerEntry>[] = [];
  for (const block of await blocksOf(groupKey.ledgerByAccount(email))) {
    for (const row of blockRows(block, { field: 1, equals: email }) as LedgerTuple[])
      if (row[1] === email) rows.push({ ...tupleToLedger(row), batchId: block.b });
  }
  return rows.sort((a, b) => a.createdAt - b.createdAt);
}

export async function ledgerOfJob(jobId: string): Promise<Imported<LedgerEntry>[]> {
  const rows: Imported<LedgerEntry>[] = [];
  for (const block of await blocksOf(groupKey.ledgerByJob(jobId))) {
    for (const row of blockRows(block, { field: 5, equals: jobId }) as LedgerTuple[])
      if (row[5] === jobId) rows.push({ ...tupleToLedger(row), batchId: block.b });
  }
  return rows.sort((a, b) => a.createdAt - b.createdAt);
}

export async function forEachLedgerEntry(visit: (entry: Imported<LedgerEntry>) => void): Promise<void> {
  await db.rowBlocks
    .where('g')
    .between('ledger.a.', 'ledger.a.\uffff', true, true)
    .each((block) => {
      for (const row of blockRows(block) as LedgerTuple[]) visit({ ...tupleToLedger(row), batchId: block.b });
    });
}

function withBatch<T extends { b: string; h: number }>(row: T): Omit<T, 'b' | 'h'> & { batchId: string } {
  const { b, h: _h, ...rest } = row;
  return { ...rest, batchId: b };
}

export async function paymentsOfAccount(email: string): Promise<Imported<Payment>[]> {
  return (await db.payments.where('accountEmail').equals(email).sortBy('createdAt')).map(withBatch);
}

export async function requestsInState(
  state: string,
): Promise<Imported<SupportRequest & { state: string }>[]> {
  return (await db.requests.where('state').equals(state).sortBy('receivedAt')).map(withBatch);
}

export async function requestsOfAccount(
  email: string,
): Promise<Imported<SupportRequest & { state: string }>[]> {
  return (await db.requests.where('accountEmail').equals(email).sortBy('receivedAt')).map(withBatch);
}

export async function allRequests(): Promise<Imported<SupportRequest & { state: string }>[]> {
  return (await db.requests.orderBy('receivedAt').toArray()).map(withBatch);
}

export async function allPayments(): Promise<Imported<Payment>[]> {
  return (await db.payments.toArray()).map(withBatch);
}

export async function allOutages(): Promise<Imported<Outage>[]> {
  return (await db.outages.toArray()).map(withBatch).sort((a, b) => a.startedAt - b.startedAt);
}
