import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appliedCommand } from '../../../cli/commands/applied';
import { exportCommand } from '../../../cli/commands/export';
import { verifyCommand } from '../../../cli/commands/verify';
import { dispatch } from '../../../cli/dispatch';
import { keygenEd25519, keygenVerify, sshKeygen, TempDir } from '../signing/ssh-keygen-tool';

const commands = [exportCommand, verifyCommand, appliedCommand];

async function run(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const status = await dispatch(argv, commands, {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
  });
  return { status, stdout, stderr };
}

const HEADER =
  'request_id,outcome,account_email,job_id,credits,decided_by,approved_by,decided_at,rule,reason';

let dir: TempDir;
let key: ReturnType<typeof keygenEd25519>;
let allowed: string;

beforeAll(() => {
  dir = new TempDir();
  key = keygenEd25519(dir, 'ana_key', 'ana@finance');
  allowed = dir.file('allowed_signers', `ana@finance ${key.publicLine}\n`);
  dir.file(
    'decisions.csv',
    [
      HEADER,
      'REQ-1,credit_back,User@Example.com,job_1,40,ana@finance,,2026-11-25T20:11:09Z,9,platform_failure',
      'REQ-2,rerun,b@example.com,job_2,25,ana@finance,,2026-11-25 20:12:00,9,platform_failure',
      'REQ-3,deny_subjective,c@example.com,job_3,,ana@finance,,2026-11-25T20:13:00Z,5,output_delivered',
      'REQ-4,credit_back,d@example.com,job_4,900,ana@finance,,2026-11-25T20:14:00Z,9,platform_failure',
      '',
    ].join('\n'),
  );
});

afterAll(() => dir.remove());

describe('export, verify and applied on the command line', () => {
  let batchPath: string;

  it('exports a signed batch that ssh-keygen verifies, refusing the unapproved four_eyes item', async () => {
    const out = join(dir.path, 'out');
    const result = await run(
      'export',
      '--decisions',
      dir.file('decisions.csv'),
      '--key',
      key.privatePath,
      '--identity',
      'ana@finance',
      '--out',
      out,
    );
    expect(result.status).toBe(0);
    const names = result.stdout.trim().split('\n');
    expect(names).toHaveLength(2);
    expect(names[0]).toMatch(/^creditback-batch-\d{4}-\d{2}-\d{2}-0001\.json$/);
    expect(names[1]).toBe(`${names[0]}.sig`);
    expect(readdirSync(out).sort()).toEqual([...names].sort());
    expect(result.stderr).toMatch(/refused REQ-4: four_eyes decision needs a second reviewer/);
    batchPath = join(out, names[0]!);
    const bytes = readFileSync(batchPath);
    const batch = JSON.parse(bytes.toString('utf8'));
    expect(batch.items.map((i: { request_id: string }) => i.request_id)).toEqual(['REQ-1', 'REQ-2']);
    expect(batch.items[1].decided_at).toBe('2026-11-25T20:12:00.000Z');
    expect(batch.signer).toEqual({
      identity: 'ana@finance',
      key: sshKeygen(['-lf', `${key.privatePath}.pub`]).stdout.split(' ')[1],
    });
    const keygen = keygenVerify(dir, {
      allowedSigners: `ana@finance ${key.publicLine}\n`,
      identity: 'ana@finance',
      namespace: 'creditback-batch@review-desk',
      signature: readFileSync(`${batchPath}.sig`, 'utf8'),
      data: bytes,
    });
    expect(keygen.status, keygen.stderr).toBe(0);
  });

  it('verifies it (exit 0), prints each check, and fails a tampered copy (exit 1)', async () => {
    const good = await run('verify', '--allowed-signers', allowed, batchPath);
    expect(good.status).toBe(0);
    expect(
      good.stdout
        .split('\n')
        .filter(Boolean)
        .map((l) => l.split(/\s+/).slice(0, 2).join(' ')),
    ).toEqual([
      'ok signature',
      'ok signer',
      'ok namespace',
      'ok format',
      'ok totals',
      'ok chain',
      'valid: ' + batchPath.split('/').pop(),
    ]);
    const copy = join(dir.path, batchPath.split('/').pop()!);
    writeFileSync(copy, readFileSync(batchPath, 'utf8').replace('"credits": 40', '"credits": 41'));
    writeFileSync(`${copy}.sig`, readFileSync(`${batchPath}.sig`));
    const bad = await run('verify', '--allowed-signers', allowed, copy);
    expect(bad.status).toBe(1);
    expect(bad.stdout).toMatch(/FAIL\s+signature\s+the signature does not match the file/);
    expect(bad.stdout).toMatch(
      /FAIL\s+totals\s+.*totals.credits says 40 but the credit_back items sum to 41/,
    );
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('refuses to export a generation already in the previous batch and chains the next one', async () => {
    dir.file(
      'decisions2.csv',
      `${HEADER}\nREQ-1,credit_back,user@example.com,job_1,40,ana@finance,,2026-11-25T20:11:09Z,9,platform_failure\nREQ-9,credit_back,z@example.com,job_9,5,ana@finance,,2026-11-25T21:00:00Z,9,platform_failure\n`,
    );
    const out = join(dir.path, 'out');
    const result = await run(
      'export',
      '--decisions',
      dir.file('decisions2.csv'),
      '--key',
      key.privatePath,
      '--identity',
      'ana@finance',
      '--out',
      out,
      '--previous',
      batchPath,
    );
    expect(result.status).toBe(0);
    expect(result.stderr).toMatch(/refused REQ-1: .*already exported/);
    const next = join(out, result.stdout.split('\n')[0]!);
    const chained = await run('verify', '--allowed-signers', allowed, next, '--previous', batchPath);
    expect(chained.status).toBe(0);
    expect(chained.stdout).toMatch(/ok\s+chain\s+follows batch/);
  });

  it('reports applied, missing and applied_twice from ledger files', async () => {
    const batch = JSON.parse(readFileSync(batchPath, 'utf8'));
    const [k1, k2] = batch.items.map((i: { idempotency_key: string }) => i.idempotency_key);
    const ledger = dir.file(
      'ledger.csv',
      `entry_id,account_email,created_at,type,credits,job_id,amount,currency,reference,description\nle_1,user@example.com,2026-11-26T10:00:00Z,restore,40,job_1,,,${k1},credit back\nle_2,user@example.com,2026-11-26T10:05:00Z,restore,40,job_1,,,${k1},again\n`,
    );
    const result = await run('applied', '--batch', batchPath, '--ledger', ledger);
    expect(result.status).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report.counts).toEqual({ applied: 0, missing: 1, applied_twice: 1 });
    expect(report.items.find((i: { idempotency_key: string }) => i.idempotency_key === k2).status).toBe(
      'missing',
    );
  });

  it('exits 2 with one line for unreadable input', async () => {
    const missing = await run('verify', '--allowed-signers', allowed, join(dir.path, 'nope.json'));
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/nope\.json: no such file/);
    const encrypted = dir.file('enc_key');
    sshKeygen(['-q', '-t', 'ed25519', '-N', 'secret', '-f', encrypted]);
    const refused = await run(
      'export',
      '--decisions',
      dir.file('decisions.csv'),
      '--key',
      encrypted,
      '--identity',
      'ana@finance',
      '--out',
      join(dir.path, 'x'),
    );
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(/encrypted with a passphrase/);
    expect(refused.stderr.trim().split('\n')).toHaveLength(1);
  });
});
