import { parseAllowedSigners } from '../signing/allowed-signers';
import { fromUtf8, sha256Hex } from '../signing/bytes';
import { verifySshSignature, type VerificationCheck } from '../signing/verify-signature';
import { checkBatchFields, totalsProblems } from './batch-fields';
import { BATCH_NAMESPACE, DECISION_EXPORT_NAMESPACE, type CreditbackBatch } from './batch-format';
import { checkDecisionCsv, periodFromFileName } from './decision-fields';
import { DECISION_EXPORT_COLUMNS } from './decision-export';

export type { VerificationCheck } from '../signing/verify-signature';
export type ExportKind = 'creditback-batch' | 'decision-export';

export interface ExportFile {
  fileName: string;
  bytes: Uint8Array;
}

export interface VerifyExportInput {
  file: ExportFile;
  /** The armored `.sig` next to the file. */
  signatureText: string;
  allowedSignersText: string;
  /** The batch this one should chain to; without it the chain is reported as not checked. */
  previous?: ExportFile | null;
  now?: Date;
}

export interface ExportVerification {
  kind: ExportKind;
  /** True when no check failed (a check that could not run is not a failure). */
  valid: boolean;
  /** signature, signer, namespace, format, totals, chain: the spec's order. */
  checks: VerificationCheck[];
  /** The parsed batch, when the file is one and its fields could be read. */
  batch: CreditbackBatch | null;
  /** The contents as a table, for display. */
  table: { columns: string[]; rows: string[][] };
}

const MAX_LISTED = 5;

export function detectExportKind(fileName: string, bytes: Uint8Array): ExportKind {
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  if (/^creditback-batch-.*\.json$/i.test(base)) return 'creditback-batch';
  if (/^decisions-.*\.csv$/i.test(base)) return 'decision-export';
  const first = bytes.find(
    (b) => b !== 0x20 && b !== 0x0a && b !== 0x0d && b !== 0x09 && b !== 0xef && b !== 0xbb && b !== 0xbf,
  );
  return first === 0x7b ? 'creditback-batch' : 'decision-export';
}

export async function verifyExport(input: VerifyExportInput): Promise<ExportVerification> {
  const kind = detectExportKind(input.file.fileName, input.file.bytes);
  const text = decode(input.file.bytes);
  const allowedSigners = parseAllowedSigners(input.allowedSignersText);
  return kind === 'creditback-batch'
    ? verifyBatch(input, text, allowedSigners)
    : verifyDecisions(input, text, allowedSigners);
}

async function verifyBatch(
  input: VerifyExportInput,
  text: string | null,
  allowedSigners: ReturnType<typeof parseAllowedSigners>,
): Promise<ExportVerification> {
  const fields = text === null ? null : await checkBatchFields(text);
  const batch = fields?.ok ? fields.batch : null;
  const claimedSigner = readClaimedSigner(fields?.json);
  const signature = await verifySshSignature({
    data: input.file.bytes,
    signatureText: input.signatureText,
    allowedSigners,
    namespace: BATCH_NAMESPACE,
    identity: claimedSigner?.identity ?? null,
    ...(input.now ? { now: input.now } : {}),
  });
  const checks = [...signature.checks];
  const signerCheck = checks[1]!;
  if (signerCheck.ok && claimedSigner && signature.fingerprint !== claimedSigner.key) {
    checks[1] = {
      name: 'signer',
      ok: false,
      message: `the batch names key ${claimedSigner.key} as its signer, but it was signed with key ${signature.fingerprint}`,
    };
  }

  const formatProblems = text === null ? ['the file is not UTF-8 text'] : [...(fields?.problems ?? [])];
  if (text?.startsWith('\uFEFF')) formatProblems.unshift('the file starts with a byte-order mark');
  const namedId = /creditback-batch-(.+)\.json$/i.exec(input.file.fileName)?.[1];
  if (batch && namedId && namedId !== batch.batch_id) {
    formatProblems.push(`the file name says batch ${namedId} but the file holds batch ${batch.batch_id}`);
  }
  checks.push(
    formatProblems.length
      ? {
          name: 'format',
          ok: false,
          message: summarize('the batch does not follow review-desk/creditback-batch@1', formatProblems),
        }
      : {
          name: 'format',
          ok: true,
          message: `review-desk/creditback-batch@1, batch ${batch!.batch_id}, every field valid`,
        },
  );

  if (!batch) {
    checks.push({ name: 'totals', ok: false, message: 'not checked: the batch fields could not be read' });
  } else {
    const problems = totalsProblems(batch);
    checks.push(
      problems.length
        ? { name: 'totals', ok: false, message: summarize('the totals do not match the items', problems) }
        : {
            name: 'totals',
            ok: true,
            message: `${batch.totals.items} items, ${batch.totals.credits} credits to restore, ${batch.totals.reruns} rerun(s)`,
          },
    );
  }
  checks.push(await chainCheck(batch, input.previous ?? null));
  return {
    kind: 'creditback-batch',
    valid: checks.every((c) => c.ok),
    checks,
    batch,
    table: {
      columns: [
        'request_id',
        'account_email',
        'job_id',
        'remedy',
        'credits',
        'decided_by',
        'approved_by',
        'decided_at',
        'rule',
        'reason',
        'idempotency_key',
      ],
      rows: (batch?.items ?? []).map((i) => [
        i.request_id,
        i.account_email,
        i.job_id,
        i.remedy,
        String(i.credits),
        i.decided_by,
        i.approved_by ?? '',
        i.decided_at,
        String(i.rule),
        i.reason,
        i.idempotency_key,
      ]),
    },
  };
}

async function chainCheck(
  batch: CreditbackBatch | null,
  previous: ExportFile | null,
): Promise<VerificationCheck> {
  if (!batch) return { name: 'chain', ok: false, message: 'not checked: the batch fields could not be read' };
  if (!previous) {
    return batch.previous_batch_sha256 === null
      ? { name: 'chain', ok: true, message: 'the first batch of its chain (previous_batch_sha256 is null)' }
      : {
          name: 'chain',
          ok: true,
          skipped: true,
          message: `not checked: give the previous batch file to check previous_batch_sha256 ${batch.previous_batch_sha256.slice(0, 12)}…`,
        };
  }
  if (batch.previous_batch_sha256 === null) {
    return {
      name: 'chain',
      ok: false,
      message: 'the batch says it is the first of its chain, but a previous batch was given',
    };
  }
  const actual = await sha256Hex(previous.bytes);
  if (actual !== batch.previous_batch_sha256) {
    return {
      name: 'chain',
      ok: false,
      message: `previous_batch_sha256 does not match ${previous.fileName}: a batch is missing in between, the wrong file was given, or it was changed`,
    };
  }
  const text = decode(previous.bytes);
  const prior = text === null ? null : await checkBatchFields(text);
  if (!prior?.ok) {
    return {
      name: 'chain',
      ok: false,
      message: `${previous.fileName} matches the hash but is not a valid batch`,
    };
  }
  if (prior.batch.batch_id >= batch.batch_id) {
    return {
      name: 'chain',
      ok: false,
      message: `batch ${batch.batch_id} does not come after ${prior.batch.batch_id}: replayed or out of order`,
    };
  }
  const earlier = new Set(prior.batch.items.map((i) => i.idempotency_key));
  const replayed = batch.items.filter((i) => earlier.has(i.idempotency_key));
  if (replayed.length) {
    return {
      name: 'chain',
      ok: false,
      message: `${replayed.length} item(s) were already in batch ${prior.batch.batch_id} (e.g. ${replayed[0]!.request_id}): a generation is compensated once`,
    };
  }
  return { name: 'chain', ok: true, message: `follows batch ${prior.batch.batch_id} (${previous.fileName})` };
}

async function verifyDecisions(
  input: VerifyExportInput,
  text: string | null,
  allowedSigners: ReturnType<typeof parseAllowedSigners>,
): Promise<ExportVerification> {
  const signature = await verifySshSignature({
    data: input.file.bytes,
    signatureText: input.signatureText,
    allowedSigners,
    namespace: DECISION_EXPORT_NAMESPACE,
    identity: null,
    ...(input.now ? { now: input.now } : {}),
  });
  const checks = [...signature.checks];
  const period = periodFromFileName(input.file.fileName);
  const csv =
    text === null ? { problems: ['the file is not UTF-8 text'], rows: [] } : checkDecisionCsv(text, period);
  if (text?.startsWith('\uFEFF')) csv.problems.unshift('the file starts with a byte-order mark');
  checks.push(
    csv.problems.length
      ? {
          name: 'format',
          ok: false,
          message: summarize('the decision export does not follow the spec', csv.problems),
        }
      : {
          name: 'format',
          ok: true,
          message: `${csv.rows.length} decisions${period ? ` from ${period.from} to ${period.to}` : ''}, every field valid and guarded`,
        },
  );
  checks.push({
    name: 'totals',
    ok: true,
    skipped: true,
    message: 'not applicable: a decision export has no totals',
  });
  checks.push({
    name: 'chain',
    ok: true,
    skipped: true,
    message: 'not applicable: decision exports are not chained',
  });
  return {
    kind: 'decision-export',
    valid: checks.every((c) => c.ok),
    checks,
    batch: null,
    table: { columns: [...DECISION_EXPORT_COLUMNS], rows: csv.rows },
  };
}

/** The signer the file claims, read leniently so a damaged file still names whom to check. */
function readClaimedSigner(json: unknown): { identity: string; key: string } | null {
  const signer = (json as { signer?: { identity?: unknown; key?: unknown } } | null | undefined)?.signer;
  const identity = signer?.identity;
  const key = signer?.key;
  return typeof identity === 'string' && typeof key === 'string' ? { identity, key } : null;
}

function decode(bytes: Uint8Array): string | null {
  try {
    return fromUtf8(bytes);
  } catch {
    return null;
  }
}

function summarize(headline: string, problems: string[]): string {
  const listed = problems.slice(0, MAX_LISTED).join('; ');
  const more = problems.length > MAX_LISTED ? `; and ${problems.length - MAX_LISTED} more` : '';
  return `${headline}: ${listed}${more}`;
}
