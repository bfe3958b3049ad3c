import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { bundlePaths, freshBundle, isFresh } from '../../../cli/bundle.mjs';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'review-desk-launcher-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the review-desk command (cli/main.ts bundled)', () => {
  it('reproduces the messy scenario’s expected.csv, run as the installed command is', () => {
    const dir = join(root, 'test/fixtures/scenarios/messy');
    const out = join(work, 'messy.csv');
    const args = ['jobs', 'ledger', 'payments', 'requests', 'outages'].flatMap((kind) => [
      `--${kind}`,
      join(dir, `${kind}.csv`),
    ]);
    // Without the V8 flags: the command starts a child that has them.
    const run = spawnSync(
      process.execPath,
      [join(root, 'cli/review-desk.mjs'), 'reconcile', ...args, '--out', out],
      {
        encoding: 'utf8',
      },
    );
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^\d+ requests: credit_back \d+/);
    expect(readFileSync(out, 'utf8')).toBe(readFileSync(join(dir, 'expected.csv'), 'utf8'));
  }, 60_000);

  it('exits 2 with the usage error, as the TypeScript entry does', () => {
    const run = spawnSync(process.execPath, [join(root, 'cli/review-desk.mjs'), 'reconcile'], {
      encoding: 'utf8',
    });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/--jobs is required/);
  }, 60_000);

  it('builds the bundle again when one of its inputs changed', async () => {
    const entry = join(work, 'entry.ts');
    const helper = join(work, 'helper.ts');
    writeFileSync(helper, 'export const word: string = "one";\n');
    writeFileSync(entry, 'import { word } from "./helper";\nconsole.log(word);\n');
    const paths = bundlePaths('test-entry', join(work, 'cache'));
    expect(isFresh(paths)).toBe(false);
    const bundle = await freshBundle(entry, paths);
    expect(isFresh(paths)).toBe(true);
    expect(spawnSync(process.execPath, [bundle], { encoding: 'utf8' }).stdout).toBe('one\n');

    writeFileSync(helper, 'export const word: string = "two";\n');
    utimesSync(helper, new Date(), new Date(Date.now() + 5000));
    expect(isFresh(paths)).toBe(false);
    await freshBundle(entry, paths);
    expect(spawnSync(process.execPath, [bundle], { encoding: 'utf8' }).stdout).toBe('two\n');

    rmSync(bundle);
    expect(isFresh(paths)).toBe(false);
  }, 60_000);
});
