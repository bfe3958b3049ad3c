import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { reconcileCommand } from '../../../cli/commands/reconcile';

const scenarios = fileURLToPath(new URL('../../fixtures/scenarios/', import.meta.url));
let outDir = '';

async function reconcileScenario(name: string): Promise<{ status: number; csv: string; stdout: string }> {
  outDir ||= await mkdtemp(join(tmpdir(), 'reconcile-'));
  const dir = join(scenarios, name);
  const out = join(outDir, `${name}.csv`);
  let stdout = '';
  const status = await reconcileCommand.run(
    {
      values: {
        jobs: [join(dir, 'jobs.csv')],
        ledger: [join(dir, 'ledger.csv')],
        payments: [join(dir, 'payments.csv')],
        requests: [join(dir, 'requests.csv')],
        outages: [join(dir, 'outages.csv')],
        out,
      },
      positionals: [],
    },
    { stdout: (text) => (stdout += text), stderr: () => undefined },
  );
  return { status, csv: await readFile(out, 'utf8'), stdout };
}

describe('reconcile reproduces the scenarios’ expected.csv exactly', () => {
  afterAll(async () => {
    if (outDir) await rm(outDir, { recursive: true, force: true });
  });
  for (const name of ['basic', 'messy']) {
    it(`${name}: row for row, field for field`, async () => {
      const expected = await readFile(join(scenarios, name, 'expected.csv'), 'utf8');
      const { status, csv, stdout } = await reconcileScenario(name);
      expect(status).toBe(0);
      const got = csv.split('\n');
      const want = expected.split('\n');
      for (let i = 0; i < Math.max(got.length, want.length); i++)
        expect(`${i + 1}: ${got[i]}`).toBe(`${i + 1}: ${want[i]}`);
      expect(csv).toBe(expected);
      expect(stdout.split('\n')).toHaveLength(2);
      expect(stdout).toMatch(new RegExp(`^${want.length - 2} requests: credit_back \\d+`));
    });
  }
});
