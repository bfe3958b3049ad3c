import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../../cli/dispatch';
import { reconcileCommand } from '../../../cli/commands/reconcile';

let dir = '';

async function run(argv: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const status = await dispatch(['reconcile', ...argv], [reconcileCommand], {
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
  });
  return { status, stdout, stderr };
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'reconcile-cli-'));
  await writeFile(
    join(dir, 'jobs.csv'),
    'job_id,account_email,created_at,completed_at,status,error_code,error_message,credits_charged,model,component\n' +
      'job_1,Ana@Example.com,2026-03-10T12:00:00Z,2026-03-10T12:05:00Z,failed,,"something, went ""wrong""",40,vy-motion-2,render\n' +
      'job_2,bo@example.com,2026-03-10T12:00:00Z,2026-03-10T12:05:00Z,failed,,mystery,10,vy-motion-2,queue\n',
  );
  await writeFile(
    join(dir, 'requests.csv'),
    'request_id,received_at,account_email,approx_failure_time,timezone,error_details,message,requested_remedy,job_id\n' +
      'R-2,2026-03-11T09:00:00Z,bo@example.com,2026-03-10 13:00,Europe/Berlin,,It failed.,,\n' +
      'R-1,2026-03-11T08:00:00Z,ana@example.com,2026-03-10,,,It failed.,rerun,\n',
  );
  await writeFile(
    join(dir, 'incidents.json'),
    JSON.stringify({
      incidents: [
        {
          id: 'sp1',
          name: 'Render degraded',
          started_at: '2026-03-10T11:00:00Z',
          resolved_at: '2026-03-10T13:00:00Z',
          impact: 'major',
          components: [{ name: 'render' }],
        },
      ],
    }),
  );
});

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('reconcile on the command line', () => {
  it('reads Statuspage JSON outages and writes the file in request_id order', async () => {
    const out = join(dir, 'suggestions.csv');
    const result = await run([
      '--jobs',
      join(dir, 'jobs.csv'),
      '--requests',
      join(dir, 'requests.csv'),
      '--outages',
      join(dir, 'incidents.json'),
      '--out',
      out,
    ]);
    expect(result).toEqual({ status: 0, stdout: '2 requests: rerun 1, needs_info 1\n', stderr: '' });
    expect(await readFile(out, 'utf8')).toBe(
      'request_id,outcome,job_id,credits,amount,currency,reason,flags,rule\n' +
        'R-1,rerun,job_1,40,,,platform_failure,outage,9\n' +
        'R-2,needs_info,job_2,,,,cause_unverified,,6\n',
    );
  });
  it('is a usage error without --jobs, --requests or --out, or when --out is an input', async () => {
    const jobs = join(dir, 'jobs.csv');
    const requests = join(dir, 'requests.csv');
    for (const argv of [
      ['--requests', requests, '--out', join(dir, 'x.csv')],
      ['--jobs', jobs, '--out', join(dir, 'x.csv')],
      ['--jobs', jobs, '--requests', requests],
      ['--jobs', jobs, '--requests', requests, '--out', jobs],
      ['--jobs', jobs, '--requests', requests, '--out', join(dir, 'x.csv'), '--timezone', 'Mars/Olympus'],
      ['--jobs', join(dir, 'missing.csv'), '--requests', requests, '--out', join(dir, 'x.csv')],
    ]) {
      const result = await run(argv);
      expect(result.status).toBe(2);
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
    }
    expect(await readFile(jobs, 'utf8')).toContain('job_1');
  });

  it('counts a repeated job id that conflicts with its first row as rejected, and an identical one not', async () => {
    // Ids in order, so their first rows are read without fingerprints; the repeats then need a
    // second look at those rows (see lazyFingerprints) to tell a duplicate from a conflict.
    const jobs = join(dir, 'repeats.csv');
    const header =
      'job_id,account_email,created_at,completed_at,status,error_code,error_message,credits_charged\n';
    const row = (id: number, message: string): string =>
      `job_${id},bo@example.com,2026-03-10T12:00:00Z,2026-03-10T12:05:00Z,failed,,${message},10\n`;
    await writeFile(
      jobs,
      header +
        row(8, 'a') +
        row(9, 'b') +
        row(10, 'c') +
        row(8, 'a') +
        row(9, 'changed') +
        row(10, 'c') +
        row(10, 'd'),
    );
    const result = await run([
      '--jobs',
      jobs,
      '--requests',
      join(dir, 'requests.csv'),
      '--out',
      join(dir, 'r.csv'),
    ]);
    expect(result.status).toBe(0);
    expect(result.stdout).toBe('2 requests: needs_info 2 (rows rejected: jobs 2; see inspect)\n');
  });
});
