import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { prepareSettings, suggestAll } from '@shared/policy/engine';
import { PolicyCollector, buildIndexes, type PolicyData } from '@shared/policy/indexes';
import { detachedCopy } from '@shared/reading/index';
import { DEFAULT_SETTINGS } from '@shared/policy/settings';
import { policyDataArb, shuffled } from './arbitrary-records';

describe('property: the streaming collector’s filtering never changes a suggestion', () => {
  it('indexes kept for the 6 h window give the same suggestions as indexes that keep every job', async () => {
    const prepared = await prepareSettings();
    await fc.assert(
      fc.asyncProperty(policyDataArb, async (records) => {
        const filtered = buildIndexes(records, 6);
        const full = buildIndexes(records);
        expect(filtered.jobById.size).toBeLessThanOrEqual(full.jobById.size);
        expect(await suggestAll(filtered, prepared)).toEqual(await suggestAll(full, prepared));
      }),
      { numRuns: 300 },
    );
  });
  it('a collector that copies what it keeps (the CLI’s) gives the same indexes and suggestions, and leaves its input alone', async () => {
    const prepared = await prepareSettings();
    await fc.assert(
      fc.asyncProperty(policyDataArb, async (records) => {
        const before = JSON.stringify(records);
        const copying = new PolicyCollector(records.requests, 6, detachedCopy);
        for (const job of records.jobs) copying.addJob(job);
        for (const entry of records.ledger) copying.addLedgerEntry(entry);
        for (const payment of records.payments) copying.addPayment(payment);
        for (const outage of records.outages) copying.addOutage(outage);
        const copied = copying.finish();
        const plain = buildIndexes(records, 6);
        expect(JSON.stringify(records)).toBe(before);
        expect([...copied.jobById]).toEqual([...plain.jobById]);
        expect([...copied.ledgerByJob]).toEqual([...plain.ledgerByJob]);
        expect([...copied.paymentsByAccount]).toEqual([...plain.paymentsByAccount]);
        expect([...copied.knownAccounts]).toEqual([...plain.knownAccounts]);
        expect(copied.requestsInOrder).toEqual(plain.requestsInOrder);
        expect(await suggestAll(copied, prepared)).toEqual(await suggestAll(plain, prepared));
      }),
      { numRuns: 200 },
    );
  });
  it('refuses indexes filtered for another window', async () => {
    const prepared = await prepareSettings({ ...DEFAULT_SETTINGS, windowHours: 12 });
    const records = { jobs: [], ledger: [], payments: [], requests: [], outages: [] };
    await expect(suggestAll(buildIndexes(records, 6), prepared)).rejects.toThrow(/window/);
    await expect(suggestAll(buildIndexes(records), prepared)).resolves.toEqual([]);
  });
});

describe('property: input row order never changes a suggestion', () => {
  it('any shuffle of every input gives the same suggestions, field for field', async () => {
    const prepared = await prepareSettings();
    const run = (records: PolicyData) => suggestAll(buildIndexes(records), prepared);
    let outcomesSeen = new Set<string>();
    await fc.assert(
      fc.asyncProperty(policyDataArb, fc.integer(), async (records, seed) => {
        const reordered: PolicyData = {
          jobs: shuffled(records.jobs, seed),
          ledger: shuffled(records.ledger, seed + 1),
          payments: shuffled(records.payments, seed + 2),
          requests: shuffled(records.requests, seed + 3),
          outages: shuffled(records.outages, seed + 4),
        };
        const expected = await run(records);
        outcomesSeen = new Set([...outcomesSeen, ...expected.map((s) => s.reason)]);
        expect(await run(reordered)).toEqual(expected);
      }),
      { numRuns: 300 },
    );
    // The generator must reach most of the rules, or the property proves little.
    expect(outcomesSeen.size).toBeGreaterThanOrEqual(10);
  });
});
