import { describe, expect, it } from 'vitest';
import { PolicyCollector, buildIndexes } from '@shared/policy/indexes';
import { DAY, T0, data, entry, job, outage, payment, request } from './builders';

describe('indexes', () => {
  const records = data({
    jobs: [
      job({ jobId: 'j1' }),
      job({ jobId: 'j2', accountEmail: 'other@example.com', createdAt: T0 + 9 * DAY }),
    ],
    ledger: [
      entry({ entryId: 'le_2', jobId: 'j1', createdAt: T0 + 1 }),
      entry({ entryId: 'le_1', jobId: 'j1', createdAt: T0 + 1 }),
      entry({ entryId: 'le_3', jobId: 'j2', accountEmail: 'other@example.com' }),
    ],
    payments: [
      payment({ paymentId: 'ch_1' }),
      payment({ paymentId: 'ch_2', accountEmail: 'other@example.com' }),
    ],
    outages: [outage({ incidentId: 'INC-1', resolvedAt: null })],
    requests: [request({ requestId: 'R1' })],
  });
  it('keeps only what a request can reach, sorted', () => {
    const indexes = buildIndexes(records);
    expect([...indexes.jobById.keys()]).toEqual(['j1']);
    expect(indexes.ledgerByJob.get('j1')?.map((e) => e.entryId)).toEqual(['le_1', 'le_2']);
    expect(indexes.ledgerByJob.has('j2')).toBe(false);
    expect([...indexes.paymentsByAccount.keys()]).toEqual(['ana@example.com']);
    expect(indexes.ledgerOfAccount('ana@example.com').map((e) => e.entryId)).toEqual(['le_1', 'le_2']);
    expect([...indexes.knownAccounts]).toEqual(['ana@example.com']);
  });
  it('still sees every row’s time: an open outage runs to the newest timestamp anywhere', () => {
    const indexes = buildIndexes(records);
    expect(indexes.latestTimestamp).toBe(T0 + 9 * DAY);
    expect(indexes.outages[0]?.end).toBe(T0 + 9 * DAY);
  });
  it('streams: ledger rows of a kept job are kept even under another email', () => {
    const collector = new PolicyCollector(records.requests);
    collector.addJob(job({ jobId: 'j1' }));
    collector.addLedgerEntry(entry({ entryId: 'le_9', jobId: 'j1', accountEmail: 'billing@example.com' }));
    collector.addLedgerEntry(entry({ entryId: 'le_8', jobId: 'jx', accountEmail: 'billing@example.com' }));
    expect(
      collector
        .finish()
        .ledgerByJob.get('j1')
        ?.map((e) => e.entryId),
    ).toEqual(['le_9']);
  });
});
