import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { prepareSettings, suggestAll } from '../../../shared/policy/engine';
import { buildIndexes, type PolicyData } from '../../../shared/policy/indexes';
import { policyDataArb, shuffled } from './arbitrary-records';

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
