import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  readPolicyIndexes,
  type ReadPolicyIndexesOptions,
  type ReconcileFiles,
} from '../../../cli/commands/reconcile';
import { prepareSettings, suggestAll } from '@shared/policy/engine';
import { suggestionsCsv } from '@shared/policy/suggestions-csv';

/**
 * The parallel read of `reconcile` (job log and ledger cut in two, read in two worker threads)
 * must give exactly what one reader gives: these files are cut (over 1 MiB) with rows that the
 * two halves cannot judge alone.
 */
let dir = '';
const JOBS = 12_000;
const ACCOUNTS = 40;
const BASE = Date.UTC(2026, 2, 1);
const iso = (ms: number): string => new Date(ms).toISOString();
const email = (a: number): string => `Creator${a}@Example.com`;
const jobId = (j: number): string => `job_${String(j).padStart(6, '0')}`;

function jobRow(j: number, variant = ''): string {
  const created = BASE + j * 60_000;
  const failed = j % 5 === 0;
  const message = failed
    ? j % 10 === 0
      ? '"worker crashed, see ""logs""\nretry"'
      : 'CUDA out of memory'
    : '';
  return [
    jobId(j),
    email(j % ACCOUNTS),
    // A few unreadable timestamps: rejected rows in both halves.
    j % 997 === 0 ? 'not a time' : iso(created),
    iso(created + 300_000),
    failed ? 'failed' : 'succeeded',
    failed && j % 10 !== 0 ? 'GPU_OOM' : '',
    message,
    failed ? '' : `https://cdn.example/${jobId(j)}.mp4`,
    `${10 + (j % 3) * 10}${variant}`,
    'vy-motion-2',
    'render',
  ].join(',');
}

const JOBS_HEADER =
  'job_id,account_email,created_at,completed_at,status,error_code,error_message,output_url,credits_charged,model,component';
const LEDGER_HEADER =
  'entry_id,account_email,created_at,type,credits,job_id,amount,currency,reference,description';

function ledgerRow(j: number): string {
  const created = BASE + j * 60_000 + 2000;
  return `le_${j},${email(j % ACCOUNTS)},${iso(created)},deduction,-${10 + (j % 3) * 10},${jobId(j)},,,,deduction for generation ${jobId(j)} of the benchmark's ledger`;
}

/** Jobs in file order; the ledger in reverse, so a job's rows and its ledger rows lie in different halves. */
function files(jobsExtra: { at: number; row: string }[]): { jobs: string; ledger: string } {
  const jobs = [JOBS_HEADER];
  for (let j = 0; j < JOBS; j++) {
    for (const extra of jobsExtra) if (extra.at === j) jobs.push(extra.row);
    jobs.push(jobRow(j));
  }
  // An identical repeat of a kept job's ledger row, in the other half from the row itself.
  const ledger = [LEDGER_HEADER, ledgerRow(5)];
  for (let j = JOBS - 1; j >= 0; j--) {
    if (j % 50 === 0)
      ledger.push(
        `le_p${j},${email(j % ACCOUNTS)},${iso(BASE + j * 60_000)},purchase,990,,99.00,USD,ch_${j},`,
      );
    ledger.push(ledgerRow(j));
  }
  return { jobs: `${jobs.join('\n')}\n`, ledger: `${ledger.join('\n')}\n` };
}

function requests(): string {
  const rows = [
    'request_id,received_at,account_email,approx_failure_time,timezone,error_details,message,requested_remedy,job_id',
  ];
  for (let r = 0; r < 300; r++) {
    const j = (r * 397) % JOBS;
    const approx = BASE + j * 60_000 + 600_000;
    rows.push(
      `R-${r},${iso(approx + 86_400_000)},${email(j % ACCOUNTS).toLowerCase()},${iso(approx)},,,The generation failed.,,${r === 0 ? jobId(5) : ''}`,
    );
  }
  return `${rows.join('\n')}\n`;
}

async function reconcile(paths: ReconcileFiles, how: ReadPolicyIndexesOptions): Promise<string> {
  const { collector, rejected } = await readPolicyIndexes(paths, { timeZone: 'UTC', dateOrder: 'mdy' }, how);
  const indexes = collector.finish();
  const suggestions = await suggestAll(indexes, await prepareSettings());
  return JSON.stringify({
    rejected,
    jobs: [...indexes.jobById.keys()].sort(),
    ledger: [...indexes.ledgerByJob.values()].flat().map((entry) => entry.entryId),
    known: [...indexes.knownAccounts].sort(),
    latest: indexes.latestTimestamp,
    csv: suggestionsCsv(suggestions),
  });
}

async function scenario(name: string, jobsExtra: { at: number; row: string }[]): Promise<ReconcileFiles> {
  const { jobs, ledger } = files(jobsExtra);
  const paths: ReconcileFiles = {
    jobs: [join(dir, `${name}-jobs.csv`)],
    ledger: [join(dir, `${name}-ledger.csv`)],
    payments: [],
    requests: [join(dir, 'requests.csv')],
    outages: [],
  };
  await writeFile(paths.jobs[0] as string, jobs);
  await writeFile(paths.ledger[0] as string, ledger);
  return paths;
}

async function expectSameAsOneReader(paths: ReconcileFiles): Promise<{ cut: string[]; again: string[] }> {
  const stats = { cutFiles: [] as string[], readAgain: [] as string[] };
  const parallel = await reconcile(paths, { parallelMinBytes: 0, splitMinBytes: 0, stats });
  const sequential = await reconcile(paths, { parallelMinBytes: Infinity });
  expect(parallel).toBe(sequential);
  return { cut: stats.cutFiles, again: stats.readAgain };
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'reconcile-parallel-'));
  await writeFile(join(dir, 'requests.csv'), requests());
});

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('reconcile reading job log and ledger in two halves at once', () => {
  it('merges the halves, dropping a row repeated identically across them', async () => {
    // Job 5 again near the end, identical: a duplicate, in the other half from the first.
    const paths = await scenario('repeat', [{ at: JOBS - 10, row: jobRow(5) }]);
    const { cut, again } = await expectSameAsOneReader(paths);
    expect(cut).toEqual([...paths.jobs, ...paths.ledger]);
    expect(again).toEqual([]);
    const parallel = JSON.parse(await reconcile(paths, { parallelMinBytes: 0, splitMinBytes: 0 })) as {
      ledger: string[];
      rejected: Record<string, number>;
    };
    expect(parallel.ledger.filter((id) => id === 'le_5')).toEqual(['le_5']);
    expect(parallel.rejected.jobs).toBeGreaterThan(10);
  }, 60_000);

  it('reads a file again in one piece when a key repeats across the halves with other content', async () => {
    const paths = await scenario('conflict', [{ at: JOBS - 10, row: jobRow(5, '0') }]);
    const { again } = await expectSameAsOneReader(paths);
    expect(again).toEqual(paths.jobs);
  }, 60_000);

  it('reads a file again in one piece when the cut falls inside a quoted cell', async () => {
    const lines = Array.from({ length: 40_000 }, (_, i) => `line ${i} of a long log`).join('\n');
    const long = `job_long,${email(1)},${iso(BASE)},,failed,,"${lines}",,10,vy-motion-2,render`;
    const paths = await scenario('quoted', [{ at: JOBS / 2 - 2_000, row: long }]);
    const { cut, again } = await expectSameAsOneReader(paths);
    expect(cut).toContain(paths.jobs[0]);
    expect(again).toEqual(paths.jobs);
  }, 60_000);
});
