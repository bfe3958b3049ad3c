import { BATCH_ID_PATTERN } from './batch-id';
import { itemIdempotencyKey } from './item-key';
import {
  BATCH_FORMAT,
  BATCH_KEYS,
  ITEM_KEYS,
  SIGNER_KEYS,
  TOTALS_KEYS,
  computeTotals,
  serializeBatch,
  type CreditbackBatch,
} from './batch-format';

const HEX64 = /^[0-9a-f]{64}$/;
const ISO_MS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const FINGERPRINT = /^SHA256:[A-Za-z0-9+/]{43}$/;

/** `json` is the parsed value even when the fields are wrong, so a caller never parses twice. */
export type BatchParse =
  | { ok: true; batch: CreditbackBatch; problems: string[]; json: unknown }
  | { ok: false; problems: string[]; json: unknown };

/**
 * Checks the file against the format: the JSON shape and every field, then that the bytes are
 * exactly the canonical serialization (key order, indent, LF), since those bytes are what was signed.
 */
export async function checkBatchFields(text: string): Promise<BatchParse> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, problems: [`not valid JSON: ${(error as Error).message}`], json: undefined };
  }
  const problems: string[] = [];
  if (!isObject(value)) return { ok: false, problems: ['the file is not a JSON object'], json: value };
  checkKeys(value, BATCH_KEYS, 'the batch', problems);
  if (value.format !== BATCH_FORMAT)
    problems.push(`format is ${JSON.stringify(value.format)}, expected "${BATCH_FORMAT}"`);
  if (typeof value.batch_id !== 'string' || !BATCH_ID_PATTERN.test(value.batch_id)) {
    problems.push(`batch_id ${JSON.stringify(value.batch_id)} is not YYYY-MM-DD-NNNN`);
  }
  checkInstant(value.created_at, 'created_at', problems);
  if (!isObject(value.signer)) problems.push('signer is not an object');
  else {
    checkKeys(value.signer, SIGNER_KEYS, 'signer', problems);
    if (!nonEmpty(value.signer.identity)) problems.push('signer.identity is empty');
    if (typeof value.signer.key !== 'string' || !FINGERPRINT.test(value.signer.key)) {
      problems.push(`signer.key ${JSON.stringify(value.signer.key)} is not a SHA256: key fingerprint`);
    }
  }
  if (value.previous_batch_sha256 !== null && !isHex64(value.previous_batch_sha256)) {
    problems.push('previous_batch_sha256 is neither null nor 64 lower-case hex digits');
  }
  if (!isHex64(value.policy_settings_sha256))
    problems.push('policy_settings_sha256 is not 64 lower-case hex digits');
  if (!Array.isArray(value.items)) problems.push('items is not a list');
  else if (value.items.length === 0) problems.push('items is empty: a batch carries at least one item');
  else await checkItems(value.items, problems);
  if (!isObject(value.totals)) problems.push('totals is not an object');
  else {
    checkKeys(value.totals, TOTALS_KEYS, 'totals', problems);
    for (const key of TOTALS_KEYS) {
      if (!isCount(value.totals[key])) problems.push(`totals.${key} is not a whole number ≥ 0`);
    }
  }
  if (problems.length > 0) return { ok: false, problems, json: value };
  const batch = value as unknown as CreditbackBatch;
  if (serializeBatch(batch) !== text) {
    problems.push(
      'the bytes are not the canonical form (keys in spec order, 2-space indent, LF line ends, one trailing LF)',
    );
  }
  return { ok: true, batch, problems, json: value };
}

async function checkItems(items: unknown[], problems: string[]): Promise<void> {
  const expectedKeys = items.map((item) =>
    isObject(item) && nonEmpty(item.account_email) && nonEmpty(item.job_id)
      ? itemIdempotencyKey(item.account_email, item.job_id)
      : null,
  );
  const seen = new Map<string, number>();
  for (let index = 0; index < items.length; index++) {
    const item = items[index];
    const at = `item ${index + 1}`;
    if (!isObject(item)) {
      problems.push(`${at} is not an object`);
      continue;
    }
    const name = typeof item.request_id === 'string' && item.request_id ? `${at} (${item.request_id})` : at;
    checkKeys(item, ITEM_KEYS, name, problems);
    for (const key of ['request_id', 'account_email', 'job_id', 'decided_by', 'reason'] as const) {
      if (!nonEmpty(item[key])) problems.push(`${name}: ${key} is empty`);
    }
    if (item.remedy !== 'credit_back' && item.remedy !== 'rerun') {
      problems.push(`${name}: remedy ${JSON.stringify(item.remedy)} is neither credit_back nor rerun`);
    }
    if (!isCount(item.credits)) problems.push(`${name}: credits is not a whole number ≥ 0`);
    if (item.approved_by !== null && !nonEmpty(item.approved_by))
      problems.push(`${name}: approved_by is neither null nor a name`);
    if (
      typeof item.approved_by === 'string' &&
      item.approved_by.trim().toLowerCase() === String(item.decided_by).trim().toLowerCase()
    ) {
      problems.push(`${name}: approved_by is the same reviewer as decided_by`);
    }
    checkInstant(item.decided_at, `${name}: decided_at`, problems);
    if (!Number.isInteger(item.rule) || (item.rule as number) < 1 || (item.rule as number) > 9) {
      problems.push(`${name}: rule is not 1 to 9`);
    }
    if (!isHex64(item.idempotency_key)) {
      problems.push(`${name}: idempotency_key is not 64 lower-case hex digits`);
      continue;
    }
    const expected = expectedKeys[index];
    if (expected && expected !== item.idempotency_key) {
      problems.push(`${name}: idempotency_key does not match its account_email and job_id`);
    }
    const earlier = seen.get(item.idempotency_key);
    if (earlier !== undefined)
      problems.push(`${name}: same generation as item ${earlier} (one generation, one item)`);
    else seen.set(item.idempotency_key, index + 1);
  }
}

export function totalsProblems(batch: CreditbackBatch): string[] {
  const actual = computeTotals(batch.items);
  const problems: string[] = [];
  if (batch.totals.items !== actual.items)
    problems.push(`totals.items says ${batch.totals.items} but the batch has ${actual.items} items`);
  if (batch.totals.credits !== actual.credits) {
    problems.push(
      `totals.credits says ${batch.totals.credits} but the credit_back items sum to ${actual.credits}`,
    );
  }
  if (batch.totals.reruns !== actual.reruns)
    problems.push(`totals.reruns says ${batch.totals.reruns} but the batch has ${actual.reruns} rerun items`);
  return problems;
}

function checkKeys(
  value: Record<string, unknown>,
  keys: readonly string[],
  what: string,
  problems: string[],
): void {
  const actual = Object.keys(value);
  const missing = keys.filter((k) => !(k in value));
  const extra = actual.filter((k) => !keys.includes(k));
  if (missing.length) problems.push(`${what} lacks ${missing.join(', ')}`);
  if (extra.length) problems.push(`${what} has unknown field(s) ${extra.join(', ')}`);
  if (!missing.length && !extra.length && actual.some((k, i) => keys[i] !== k)) {
    problems.push(`${what}: fields are not in the spec order (${keys.join(', ')})`);
  }
}

function checkInstant(value: unknown, what: string, problems: string[]): void {
  if (typeof value !== 'string' || !ISO_MS.test(value) || new Date(value).toISOString() !== value) {
    problems.push(`${what} ${JSON.stringify(value)} is not an ISO 8601 UTC instant with milliseconds`);
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function nonEmpty(value: unknown): value is string {
  return typeof value === 'string' && value.trim() !== '';
}

function isHex64(value: unknown): value is string {
  return typeof value === 'string' && HEX64.test(value);
}

function isCount(value: unknown): value is number {
  return Number.isSafeInteger(value) && (value as number) >= 0;
}
