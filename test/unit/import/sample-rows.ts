import type { Job, LedgerEntry } from '@shared/domain/records';

/** A failed job with every awkward field: a raw email that differs, nulls, quotes, a line break. */
export const sampleJob: Job = {
  jobId: 'job_1',
  accountEmail: 'ana@example.com',
  accountEmailRaw: ' Ana@Example.com',
  createdAt: Date.UTC(2026, 2, 1, 10, 30),
  startedAt: null,
  completedAt: Date.UTC(2026, 2, 1, 10, 35),
  status: 'failed',
  errorCode: 'GPU_OOM',
  errorMessage: 'out of memory, "frame" 12\nretry — naïve 日本 🎬',
  outputUrl: '',
  delivered: false,
  creditsCharged: null,
  model: 'vy-motion-2',
  component: 'render',
};

export const sampleLedgerEntry: LedgerEntry = {
  entryId: 'L1',
  accountEmail: 'ana@example.com',
  createdAt: 1,
  type: 'restore',
  credits: -10,
  jobId: 'job_1',
  amountMinor: null,
  currency: '',
  reference: 'key-1',
  description: 'x'.repeat(300),
};
