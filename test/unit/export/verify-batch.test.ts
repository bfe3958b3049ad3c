import { beforeAll, describe, expect, it } from 'vitest';
import { buildCreditbackBatch } from '@shared/export/build-batch';
import { serializeBatch, type CreditbackBatch } from '@shared/export/batch-format';
import { signBatch, type SignedFile } from '@shared/export/signed-files';
import { verifyExport, type ExportVerification } from '@shared/export/verify-export';
import { fromUtf8, utf8 } from '@shared/signing/bytes';
import { CREATED_AT, SETTINGS_SHA, decision, reviewer, type TestReviewer } from './fixtures';

let ana: TestReviewer;
let first: SignedFile;
let second: SignedFile;
let firstBatch: CreditbackBatch;

async function makeBatch(who: TestReviewer, previous: SignedFile | null, jobs: string[]) {
  const { batch } = await buildCreditbackBatch({
    decisions: jobs.map((jobId, i) =>
      decision({
        requestId: `REQ-${jobId}`,
        jobId,
        outcome: i % 3 === 2 ? 'rerun' : 'credit_back',
        credits: 10 + i,
      }),
    ),
    signer: { identity: who.identity, key: who.fingerprint },
    policySettingsSha256: SETTINGS_SHA,
    exportedKeys: new Set(),
    previous: previous ? { bytes: previous.bytes, batchId: previous.fileName.slice(17, 32) } : null,
    createdAt: CREATED_AT,
  });
  return batch!;
}

beforeAll(async () => {
  ana = await reviewer('ana@finance');
  firstBatch = await makeBatch(ana, null, ['job_1', 'job_2', 'job_3']);
  first = await signBatch(firstBatch, ana.sign);
  second = await signBatch(await makeBatch(ana, first, ['job_4']), ana.sign);
});

function verify(
  overrides: {
    bytes?: Uint8Array;
    signature?: string;
    allowed?: string;
    previous?: SignedFile | null;
    fileName?: string;
  } = {},
  file = first,
) {
  return verifyExport({
    file: { fileName: overrides.fileName ?? file.fileName, bytes: overrides.bytes ?? file.bytes },
    signatureText: overrides.signature ?? file.signature,
    allowedSignersText: overrides.allowed ?? ana.allowedSigners,
    previous: overrides.previous
      ? { fileName: overrides.previous.fileName, bytes: overrides.previous.bytes }
      : null,
  });
}

function check(result: ExportVerification, name: string) {
  const found = result.checks.find((c) => c.name === name);
  if (!found) throw new Error(`no ${name} check`);
  return found;
}

/** Re-signs edited JSON so that only the check under test can fail. */
async function resigned(edit: (batch: CreditbackBatch) => void, raw?: (text: string) => string) {
  const copy = JSON.parse(serializeBatch(firstBatch)) as CreditbackBatch;
  edit(copy);
  const text = raw ? raw(serializeBatch(copy)) : serializeBatch(copy);
  const bytes = utf8(text);
  return { bytes, signature: await ana.sign('creditback-batch@review-desk', bytes) };
}

describe('verifying a batch', () => {
  it('passes every check in the spec order for a good batch', async () => {
    const result = await verify();
    expect(result.kind).toBe('creditback-batch');
    expect(result.checks.map((c) => [c.name, c.ok])).toEqual([
      ['signature', true],
      ['signer', true],
      ['namespace', true],
      ['format', true],
      ['totals', true],
      ['chain', true],
    ]);
    expect(result.valid).toBe(true);
    expect(check(result, 'totals').message).toBe('3 items, 21 credits to restore, 1 rerun(s)');
    expect(result.table.rows).toHaveLength(3);
  });

  it('reports bad armor, a bad version and a flipped byte each in its own words', async () => {
    expect(check(await verify({ signature: 'hello' }), 'signature').message).toMatch(
      /not an armored SSH signature/,
    );
    const lines = first.signature.split('\n');
    // Base64 character 12 carries the low bits of blob byte 8, inside the uint32 version.
    const body = lines[1]!;
    const bumped = `${body.slice(0, 11)}${body[11] === 'B' ? 'C' : 'B'}${body.slice(12)}`;
    const versioned = [lines[0], bumped, ...lines.slice(2)].join('\n');
    expect(check(await verify({ signature: versioned }), 'signature').message).toMatch(
      /SSHSIG version \d+; only version 1/,
    );
    const flipped = new Uint8Array(first.bytes);
    flipped[40]! ^= 1;
    const result = await verify({ bytes: flipped });
    expect(check(result, 'signature').message).toMatch(/does not match the file/);
    expect(result.valid).toBe(false);
  });

  it('names a signer missing from allowed_signers, and a batch claiming another key', async () => {
    const bob = await reviewer('bob@finance');
    expect(check(await verify({ allowed: bob.allowedSigners }), 'signer').message).toMatch(
      /the signer "ana@finance" with key SHA256:\S+ is not in allowed_signers/,
    );
    const claimed = await resigned((b) => (b.signer.key = bob.fingerprint));
    expect(check(await verify(claimed), 'signer').message).toMatch(
      /names key SHA256:\S+ as its signer, but it was signed with key/,
    );
  });

  it('rejects a batch signed in the decision-export namespace', async () => {
    const signature = await ana.sign('decision-export@review-desk', first.bytes);
    const result = await verify({ signature });
    expect(check(result, 'signature').ok).toBe(true);
    expect(check(result, 'namespace').message).toMatch(
      /namespace "decision-export@review-desk", expected "creditback-batch@review-desk"/,
    );
  });

  it('checks the format and every field, even when properly signed', async () => {
    const cases: [(b: CreditbackBatch) => void, RegExp][] = [
      [(b) => ((b as { format: string }).format = 'other@1'), /format is "other@1"/],
      [(b) => (b.batch_id = '25-11-2026'), /batch_id "25-11-2026" is not YYYY-MM-DD-NNNN/],
      [(b) => (b.items[0]!.credits = -1), /item 1 \(REQ-job_1\): credits is not a whole number/],
      [
        (b) => (b.items[1]!.account_email = 'someone@else.com'),
        /item 2 \(REQ-job_2\): idempotency_key does not match/,
      ],
      [(b) => (b.items[0]!.approved_by = 'ana@finance'), /approved_by is the same reviewer as decided_by/],
      [
        (b) => (b.items[2]!.decided_at = '2026-11-25 20:11'),
        /decided_at "2026-11-25 20:11" is not an ISO 8601/,
      ],
      [(b) => (b.items[0]!.remedy = 'refund' as 'rerun'), /remedy "refund" is neither/],
      [(b) => b.items.push({ ...b.items[0]! }), /item 4 \(REQ-job_1\): same generation as item 1/],
    ];
    for (const [edit, message] of cases) {
      const result = await verify(await resigned(edit));
      expect(check(result, 'signature').ok).toBe(true);
      expect(check(result, 'format').message).toMatch(message);
      expect(result.valid).toBe(false);
    }
  });

  it('rejects any spelling other than the canonical bytes', async () => {
    const crlf = await resigned(
      () => undefined,
      (t) => t.replace(/\n/g, '\r\n'),
    );
    expect(check(await verify(crlf), 'format').message).toMatch(/not the canonical form/);
    const compact = await resigned(
      () => undefined,
      (t) => `${JSON.stringify(JSON.parse(t))}\n`,
    );
    expect(check(await verify(compact), 'format').message).toMatch(/not the canonical form/);
    const reordered = await resigned(
      () => undefined,
      (t) =>
        t.replace(
          '"format": "review-desk/creditback-batch@1",\n  "batch_id": "2026-11-25-0001"',
          '"batch_id": "2026-11-25-0001",\n  "format": "review-desk/creditback-batch@1"',
        ),
    );
    expect(check(await verify(reordered), 'format').message).toMatch(/not in the spec order/);
    const bom = await resigned(
      () => undefined,
      (t) => `\uFEFF${t}`,
    );
    expect(check(await verify(bom), 'format').message).toMatch(/byte-order mark/);
  });

  it('reports totals that disagree with the items', async () => {
    const result = await verify(await resigned((b) => (b.totals.credits = 99)));
    expect(check(result, 'format').ok).toBe(true);
    expect(check(result, 'totals').message).toMatch(
      /totals.credits says 99 but the credit_back items sum to 21/,
    );
  });

  it('checks the chain against the previous batch file', async () => {
    const good = await verify({ previous: first }, second);
    expect(check(good, 'chain')).toMatchObject({
      ok: true,
      message: expect.stringMatching(/follows batch 2026-11-25-0001/),
    });
    const unchecked = await verify({}, second);
    expect(check(unchecked, 'chain')).toMatchObject({ ok: true, skipped: true });
    const wrongPrevious = await verify({ previous: second }, second);
    expect(check(wrongPrevious, 'chain').message).toMatch(/previous_batch_sha256 does not match/);
    expect(check(await verify({ previous: second }), 'chain').message).toMatch(
      /says it is the first of its chain/,
    );
  });

  it('spots the file name disagreeing with the batch id', async () => {
    const result = await verify({ fileName: 'creditback-batch-2026-11-25-0009.json' });
    expect(check(result, 'format').message).toMatch(/file name says batch 2026-11-25-0009/);
  });

  it('reads the signed bytes back as the same batch', () => {
    expect(JSON.parse(fromUtf8(first.bytes))).toEqual(JSON.parse(serializeBatch(firstBatch)));
  });
});
