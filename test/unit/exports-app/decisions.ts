import type { Decision } from '@shared/review/decision';

/** A decision as the review stores it; each test changes only what it is about. */
export function decision(overrides: Partial<Decision> & { requestId: string }): Decision {
  return {
    source: 'request',
    accountEmail: `${overrides.requestId.toLowerCase()}@example.com`,
    jobId: `job_${overrides.requestId}`,
    outcome: 'credit_back',
    suggestedOutcome: 'credit_back',
    credits: 10,
    amountMinor: null,
    currency: null,
    rule: 9,
    reason: 'platform_failure',
    flags: [],
    note: '',
    decidedBy: 'ana@finance',
    decidedAt: '2026-11-25T10:00:00.000Z',
    approvedBy: null,
    approvedAt: null,
    state: 'approved',
    batchId: null,
    settingsSha256: 'a'.repeat(64),
    incidentId: null,
    ...overrides,
  };
}
