import type { CompensationFacts } from '@shared/outages';
import type { Job, LedgerEntry, Outage } from '@shared/domain/records';

export const HOUR = 3_600_000;
export const MINUTE = 60_000;
/** 2026-03-10T12:00:00Z */
export const T0 = Date.UTC(2026, 2, 10, 12, 0, 0);
export const EMAIL = 'ana@example.com';

export function job(overrides: Partial<Job> & { jobId: string }): Job {
  return {
    accountEmail: EMAIL,
    accountEmailRaw: EMAIL,
    createdAt: T0,
    startedAt: null,
    completedAt: null,
    status: 'failed',
    errorCode: 'GPU_OOM',
    errorMessage: '',
    outputUrl: '',
    delivered: false,
    creditsCharged: 10,
    model: 'vy-motion-2',
    component: 'render',
    ...overrides,
  };
}

export function outage(overrides: Partial<Outage> & { incidentId: string }): Outage {
  return {
    title: 'Render cluster degraded',
    startedAt: T0,
    resolvedAt: T0 + 2 * HOUR,
    components: ['render'],
    impact: 'major',
    ...overrides,
  };
}

export function entry(overrides: Partial<LedgerEntry> & { entryId: string }): LedgerEntry {
  return {
    accountEmail: EMAIL,
    createdAt: T0,
    type: 'deduction',
    credits: -10,
    jobId: '',
    amountMinor: null,
    currency: '',
    reference: '',
    description: '',
    ...overrides,
  };
}

/** Compensation facts for a data set where nothing was requested, restored or exported yet. */
export const noFacts: CompensationFacts = {
  ledgerFor: () => [],
  requestsFor: () => [],
  proactiveFor: () => null,
  isExported: () => false,
};
