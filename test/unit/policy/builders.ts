import type { Job, LedgerEntry, Outage, Payment, SupportRequest } from '@shared/domain/records';
import type { PolicyData } from '@shared/policy/indexes';

export const HOUR = 3_600_000;
export const MINUTE = 60_000;
export const DAY = 24 * HOUR;
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

export function payment(overrides: Partial<Payment> & { paymentId: string }): Payment {
  return {
    createdAt: T0 - DAY,
    amountMinor: 1500,
    amountRefundedMinor: 0,
    currency: 'USD',
    status: 'Paid',
    accountEmail: EMAIL,
    description: 'Credit pack',
    invoiceId: '',
    ...overrides,
  };
}

export function request(overrides: Partial<SupportRequest> & { requestId: string }): SupportRequest {
  return {
    receivedAt: T0 + DAY,
    accountEmail: EMAIL,
    accountEmailRaw: EMAIL,
    approx: { t: T0, dateOnly: false, dayStart: null, dayEnd: null },
    timezone: '',
    errorDetails: '',
    message: 'The generation failed, please help.',
    requestedRemedy: 'credit_back',
    jobId: '',
    ...overrides,
  };
}

export function outage(overrides: Partial<Outage> & { incidentId: string }): Outage {
  return {
    title: 'Render cluster degraded',
    startedAt: T0 - HOUR,
    resolvedAt: T0 + HOUR,
    components: [],
    impact: 'major',
    ...overrides,
  };
}

export function data(parts: Partial<PolicyData>): PolicyData {
  return { jobs: [], ledger: [], payments: [], requests: [], outages: [], ...parts };
}
