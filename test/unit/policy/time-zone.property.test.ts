import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { prepareSettings, suggestAll } from '@shared/policy/engine';
import { buildIndexes } from '@shared/policy/indexes';
import { policyDataArb } from './arbitrary-records';

const ZONES = ['UTC', 'Pacific/Kiritimati', 'America/St_Johns', 'Asia/Kathmandu', 'Pacific/Pago_Pago'];
const original = process.env.TZ;

describe('property: the machine’s time zone never changes a suggestion', () => {
  afterAll(() => {
    if (original === undefined) delete process.env.TZ;
    else process.env.TZ = original;
  });
  it('suggestions are identical under zones from UTC−11 to UTC+14', async () => {
    const prepared = await prepareSettings();
    const probe = Date.UTC(2026, 2, 10, 12);
    await fc.assert(
      fc.asyncProperty(policyDataArb, async (records) => {
        const results = [];
        const offsets = new Set<number>();
        for (const zone of ZONES) {
          // Node re-reads TZ when it is assigned, so local-time Date methods would now differ.
          process.env.TZ = zone;
          offsets.add(new Date(probe).getTimezoneOffset());
          results.push(await suggestAll(buildIndexes(records), prepared));
        }
        expect(offsets.size).toBe(ZONES.length);
        for (const result of results.slice(1)) expect(result).toEqual(results[0]);
      }),
      { numRuns: 60 },
    );
  });
});
