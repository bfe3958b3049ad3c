import type { Job, JobStatus, LedgerEntry, LedgerType } from '../../shared/domain/records';
import type { RowBlock } from './import-records';
import { unpackRows, type RowFilter } from './packed-rows';

/**
 * Jobs and ledger rows are stored as compact tuples in blocks, one block per group per flush.
 * A group is what one review query reads:
 *   jobs.a.<bucket>   every job of the accounts hashed to the bucket (an account's jobs by time)
 *   jobs.i.<bucket>   [jobId, accountEmail, fingerprint] of the job ids hashed there (a job by id)
 *   jobs.h.<hour>     the failed or undelivered jobs created in that UTC hour (failures by time),
 *                     with `total` = every job of that hour
 *   ledger.a.<bucket> ledger rows by account; ledger.j.<bucket> ledger rows by job;
 *   ledger.i.<bucket> [entryId, fingerprint]
 * so that a million rows are a few thousand IndexedDB records, each query reads a handful of
 * them, and a batch's rows are its blocks (index `b`), which Undo deletes.
 *
 * Those blocks are large (about 1 MB at a million rows: that is what lets the import meet its
 * target), and opening a request read about 7 MB of them. So after a batch lands, a background
 * compaction (compaction.ts) copies its rows into many small blocks, under the batch's id:
 *   jobs.c.<bucket>.<sub>    an account's jobs (the same account bucket, split 64 ways)
 *   ledger.c.<bucket>.<sub>  a job's ledger rows
 *   compacted                one empty block per batch whose copy is whole (reads trust no other)
 * These names sort outside every range the other readers scan (`jobs.a.`, `jobs.h.`, `ledger.a.`).
 */
export const BUCKETS = 64;
/** Each compacted account or job bucket is split this many ways (4,096 small groups in all). */
export const SUB_BUCKETS = 64;
/** The group of the marker block that says a batch's compacted copy is whole. */
export const COMPACTED_MARK = 'compacted';
/**
 * Directory groups (a row by its id) use fewer buckets: their rows are small, and IndexedDB
 * stores a value under 64 KB inline at several times the CPU cost per byte of a larger one
 * (measured in the browser process: 73 ms/MB at 16 KB, 14 ms/MB at 256 KB).
 */
export const ID_BUCKETS = 64;
export const HOUR_MS = 3_600_000;

export type BlockKind = 'jobs' | 'ledger';

/** FNV-1a over UTF-16 code units: stable across machines and runs. */
export function hashOf(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export function bucketOf(text: string): number {
  return hashOf(text) % BUCKETS;
}

/** The compacted sub-bucket of a key inside its bucket: other bits of the same hash. */
export function subBucketOf(text: string): number {
  return Math.floor(hashOf(text) / BUCKETS) % SUB_BUCKETS;
}

/** The directory bucket of a natural key: whole account buckets fold onto it (64 divides 512). */
export function idBucketOf(key: string): number {
  return bucketOf(key) % ID_BUCKETS;
}

/**
 * A group named with its bucket number from when there were 512 buckets, renamed to today's:
 * every old bucket folds whole onto one new one, because 64 divides 512.
 */
export function foldedGroup(group: string): string {
  const match = /^(jobs|ledger)\.([aij])\.(\d{4})$/.exec(group);
  if (!match) return group;
  const buckets = match[2] === 'i' ? ID_BUCKETS : BUCKETS;
  return `${match[1]}.${match[2]}.${pad(Number(match[3]) % buckets, 4)}`;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

export const groupKey = {
  jobsByAccount: (email: string) => `jobs.a.${pad(bucketOf(email), 4)}`,
  jobsById: (jobId: string) => `jobs.i.${pad(idBucketOf(jobId), 4)}`,
  jobsByAccountBucket: (bucket: number) => `jobs.a.${pad(bucket, 4)}`,
  jobsByIdBucket: (bucket: number) => `jobs.i.${pad(bucket, 4)}`,
  ledgerByAccountBucket: (bucket: number) => `ledger.a.${pad(bucket, 4)}`,
  ledgerByJobBucket: (bucket: number) => `ledger.j.${pad(bucket, 4)}`,
  ledgerByIdBucket: (bucket: number) => `ledger.i.${pad(bucket, 4)}`,
  /** Hours are epoch ms padded to 16 digits, so a string range is a time range. */
  jobsHour: (hourStart: number) => `jobs.h.${pad(Math.max(0, hourStart), 16)}`,
  ledgerByAccount: (email: string) => `ledger.a.${pad(bucketOf(email), 4)}`,
  ledgerByJob: (jobId: string) => `ledger.j.${pad(bucketOf(jobId), 4)}`,
  ledgerById: (entryId: string) => `ledger.i.${pad(idBucketOf(entryId), 4)}`,
  /** Compacted: an account's jobs, a job's ledger rows (see above). */
  compactJobsByAccount: (email: string) => `jobs.c.${pad(bucketOf(email), 4)}.${pad(subBucketOf(email), 2)}`,
  compactLedgerByJob: (jobId: string) => `ledger.c.${pad(bucketOf(jobId), 4)}.${pad(subBucketOf(jobId), 2)}`,
};

export function hourOfGroup(group: string): number {
  return Number(group.slice('jobs.h.'.length));
}

export type JobTuple = [
  jobId: string,
  accountEmail: string,
  /** Empty when equal to accountEmail, which it nearly always is. */
  accountEmailRaw: string,
  createdAt: number,
  startedAt: number | null,
  completedAt: number | null,
  status: JobStatus,
  errorCode: string,
  errorMessage: string,
  outputUrl: string,
  delivered: 0 | 1,
  creditsCharged: number | null,
  model: string,
  component: string,
];

export function jobToTuple(job: Job): JobTuple {
  return [
    job.jobId,
    job.accountEmail,
    job.accountEmailRaw === job.accountEmail ? '' : job.accountEmailRaw,
    job.createdAt,
    job.startedAt,
    job.completedAt,
    job.status,
    job.errorCode,
    job.errorMessage,
    job.outputUrl,
    job.delivered ? 1 : 0,
    job.creditsCharged,
    job.model,
    job.component,
  ];
}

export function tupleToJob(t: JobTuple): Job {
  return {
    jobId: t[0],
    accountEmail: t[1],
    accountEmailRaw: t[2] === '' ? t[1] : t[2],
    createdAt: t[3],
    startedAt: t[4],
    completedAt: t[5],
    status: t[6],
    errorCode: t[7],
    errorMessage: t[8],
    outputUrl: t[9],
    delivered: t[10] === 1,
    creditsCharged: t[11],
    model: t[12],
    component: t[13],
  };
}

export type LedgerTuple = [
  entryId: string,
  accountEmail: string,
  createdAt: number,
  type: LedgerType,
  credits: number,
  jobId: string,
  amountMinor: number | null,
  currency: string,
  reference: string,
  description: string,
];

export function ledgerToTuple(e: LedgerEntry): LedgerTuple {
  return [
    e.entryId,
    e.accountEmail,
    e.createdAt,
    e.type,
    e.credits,
    e.jobId,
    e.amountMinor,
    e.currency,
    e.reference,
    e.description,
  ];
}

export function tupleToLedger(t: LedgerTuple): LedgerEntry {
  return {
    entryId: t[0],
    accountEmail: t[1],
    createdAt: t[2],
    type: t[3],
    credits: t[4],
    jobId: t[5],
    amountMinor: t[6],
    currency: t[7],
    reference: t[8],
    description: t[9],
  };
}

/** Directory rows: natural key, content fingerprint, and the bucket of the row's account group. */
export type DirectoryTuple = [key: string, fingerprint: number, accountBucket: number];

/**
 * A stored block's rows, as the tuples of its group (JobTuple, LedgerTuple or DirectoryTuple);
 * with `where`, only the rows whose text field at that tuple index equals the value.
 */
export function blockRows(block: RowBlock, where?: RowFilter): unknown[][] {
  return unpackRows(block.g, block, where);
}
