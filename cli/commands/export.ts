import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import Papa from 'papaparse';
import { checkBatchFields } from '../../shared/export/batch-fields';
import {
  buildCreditbackBatch,
  type ExportableDecision,
  type RefusedDecision,
} from '../../shared/export/build-batch';
import { signBatch, sshSigSigner } from '../../shared/export/signed-files';
import { DEFAULT_SETTINGS, settingsSha256 } from '../../shared/policy/settings';
import { fromUtf8 } from '../../shared/signing/bytes';
import { PrivateKeyError, parseOpenSshPrivateKey } from '../../shared/signing/private-key';
import { ed25519Fingerprint } from '../../shared/signing/public-key';
import { webCryptoSigner } from '../../shared/signing/signer';
import {
  EXIT_CHECK_FAILED,
  EXIT_OK,
  UsageError,
  type CliIo,
  type Command,
  type ParsedArgs,
} from '../command';
import { assertReadableFile } from '../node-files';

const REQUIRED_COLUMNS = [
  'request_id',
  'outcome',
  'account_email',
  'job_id',
  'credits',
  'decided_by',
  'approved_by',
  'decided_at',
  'rule',
  'reason',
] as const;

/**
 * Choices the spec leaves open, kept here so `--help` readers find them:
 * - the batch is signed by `--identity`; `signer.key` is the key's SHA256 fingerprint;
 * - `four_eyes` comes from an optional `flags` column; without one, credits above the default
 *   threshold (500) mark it, since a bare CSV cannot show a repeat requester;
 * - `policy_settings_sha256` comes from an optional column of that name, else the default settings;
 * - the batch number continues `--previous` on the same day; items already in it are refused.
 */
export const exportCommand: Command = {
  name: 'export',
  summary: 'make a signed credit-back batch (.json + .json.sig) from a decisions CSV',
  usage: 'export --decisions F --key KEYFILE --identity ID --out DIR [--previous BATCHFILE]',
  options: {
    decisions: { type: 'string' },
    key: { type: 'string' },
    identity: { type: 'string' },
    out: { type: 'string' },
    previous: { type: 'string' },
  },
  async run(args: ParsedArgs, io: CliIo): Promise<number> {
    const decisionsPath = requiredString(args, 'decisions');
    const keyPath = requiredString(args, 'key');
    const identity = requiredString(args, 'identity').trim();
    const outDir = requiredString(args, 'out');
    const previousPath = optionalString(args, 'previous');
    if (args.positionals.length) throw new UsageError(`unexpected argument ${args.positionals[0]}`);
    if (!identity || /[\s"]/.test(identity))
      throw new UsageError('--identity must be one word, e.g. ana@finance');

    const key = await readKey(keyPath);
    const decisions = parseDecisionsCsv(await readText(decisionsPath), decisionsPath);
    const previous = previousPath ? await readPrevious(previousPath) : null;
    const { batch, refused } = await buildCreditbackBatch({
      decisions: decisions.rows,
      signer: { identity, key: await ed25519Fingerprint(key.publicKey) },
      policySettingsSha256: decisions.policySettingsSha256 ?? (await settingsSha256(DEFAULT_SETTINGS)),
      exportedKeys: previous?.keys ?? new Set(),
      previous: previous ? { bytes: previous.bytes, batchId: previous.batchId } : null,
      createdAt: new Date(),
    });
    for (const refusal of refused) io.stderr(`refused ${refusal.message}\n`);
    if (!batch) {
      io.stderr(`review-desk export: nothing to export: ${describeEmpty(decisions.rows.length, refused)}\n`);
      return EXIT_CHECK_FAILED;
    }
    const signed = await signBatch(batch, sshSigSigner(webCryptoSigner(key.privateKey, key.publicKey)));
    await mkdir(outDir, { recursive: true });
    await writeNew(join(outDir, signed.fileName), signed.bytes);
    await writeNew(join(outDir, signed.signatureFileName), signed.signature);
    io.stdout(`${signed.fileName}\n${signed.signatureFileName}\n`);
    return EXIT_OK;
  },
};

interface ParsedDecisions {
  rows: ExportableDecision[];
  policySettingsSha256: string | null;
}

export function parseDecisionsCsv(text: string, name: string): ParsedDecisions {
  const parsed = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), {
    header: true,
    skipEmptyLines: 'greedy',
    transformHeader: (h) => h.trim().toLowerCase(),
  });
  const fatal = parsed.errors.find((e) => e.type !== 'FieldMismatch');
  if (fatal)
    throw new UsageError(`${name}: not a readable CSV (${fatal.message}, row ${(fatal.row ?? 0) + 2})`);
  const columns = parsed.meta.fields ?? [];
  const missing = REQUIRED_COLUMNS.filter((c) => !columns.includes(c));
  if (missing.length) throw new UsageError(`${name}: missing column(s) ${missing.join(', ')}`);
  const hasFlags = columns.includes('flags');
  const stamps = new Set<string>();
  const rows = parsed.data.map((row): ExportableDecision => {
    const cell = (c: string) => (row[c] ?? '').trim();
    const credits = cell('credits') === '' ? 0 : Number(cell('credits'));
    const flags = cell('flags').split(/[;,\s]+/);
    if (cell('policy_settings_sha256')) stamps.add(cell('policy_settings_sha256').toLowerCase());
    return {
      requestId: cell('request_id'),
      outcome: cell('outcome'),
      accountEmail: cell('account_email'),
      jobId: cell('job_id'),
      credits,
      decidedBy: cell('decided_by'),
      approvedBy: cell('approved_by') || null,
      decidedAt: utcUnlessZoned(cell('decided_at')),
      rule: Number(cell('rule')),
      reason: cell('reason'),
      fourEyes: hasFlags ? flags.includes('four_eyes') : credits > DEFAULT_SETTINGS.fourEyesCreditThreshold,
    };
  });
  if (stamps.size > 1)
    throw new UsageError(`${name}: decisions made under different policy settings; export them separately`);
  const [stamp] = stamps;
  if (stamp !== undefined && !/^[0-9a-f]{64}$/.test(stamp)) {
    throw new UsageError(`${name}: policy_settings_sha256 is not 64 hex digits`);
  }
  return { rows, policySettingsSha256: stamp ?? null };
}

/** A decided_at without an offset is read as UTC, never in the machine's own zone. */
function utcUnlessZoned(value: string): string {
  const plain = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)$/.exec(value);
  return plain ? `${plain[1]}T${plain[2]}Z` : value;
}

async function readKey(path: string) {
  try {
    return await parseOpenSshPrivateKey(await readText(path));
  } catch (error) {
    if (error instanceof PrivateKeyError) throw new UsageError(`${path}: ${error.message}`);
    throw error;
  }
}

async function readPrevious(
  path: string,
): Promise<{ bytes: Uint8Array; batchId: string; keys: Set<string> }> {
  const bytes = await readBytes(path);
  const fields = await checkBatchFields(decode(bytes, path));
  if (!fields.ok || fields.problems.length) {
    throw new UsageError(`${path}: not a valid credit-back batch (${fields.problems[0] ?? 'unreadable'})`);
  }
  return {
    bytes,
    batchId: fields.batch.batch_id,
    keys: new Set(fields.batch.items.map((i) => i.idempotency_key)),
  };
}

function describeEmpty(rowCount: number, refused: RefusedDecision[]): string {
  if (refused.length) return `all ${refused.length} credit_back/rerun decision(s) were refused`;
  return `none of the ${rowCount} decision(s) is credit_back or rerun`;
}

/** Never overwrite: an exported batch is a record, and a second one with the same id is a mistake. */
async function writeNew(path: string, contents: string | Uint8Array): Promise<void> {
  try {
    await writeFile(path, contents, { flag: 'wx' });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(
      code === 'EEXIST'
        ? `${basename(path)} already exists in the output folder`
        : `cannot write ${path}: ${code}`,
    );
  }
}

export async function readBytes(path: string): Promise<Uint8Array> {
  await assertReadableFile(path);
  try {
    return new Uint8Array(await readFile(path));
  } catch (error) {
    throw new UsageError(`cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
}

export async function readText(path: string): Promise<string> {
  return decode(await readBytes(path), path);
}

function decode(bytes: Uint8Array, path: string): string {
  try {
    return fromUtf8(bytes);
  } catch {
    throw new UsageError(`${path}: not UTF-8 text`);
  }
}

export function requiredString(args: ParsedArgs, name: string): string {
  const value = args.values[name];
  if (typeof value !== 'string' || value === '') throw new UsageError(`--${name} is required`);
  return value;
}

export function optionalString(args: ParsedArgs, name: string): string | null {
  const value = args.values[name];
  if (value === undefined) return null;
  if (typeof value !== 'string' || value === '') throw new UsageError(`--${name} needs a value`);
  return value;
}
