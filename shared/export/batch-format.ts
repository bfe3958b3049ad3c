/** The credit-back batch, `export-format.md`: field names and order are the wire format. */
export const BATCH_FORMAT = 'review-desk/creditback-batch@1';
export const BATCH_NAMESPACE = 'creditback-batch@review-desk';
export const DECISION_EXPORT_NAMESPACE = 'decision-export@review-desk';

export type BatchRemedy = 'credit_back' | 'rerun';

export interface BatchItem {
  idempotency_key: string;
  request_id: string;
  account_email: string;
  job_id: string;
  remedy: BatchRemedy;
  credits: number;
  decided_by: string;
  approved_by: string | null;
  decided_at: string;
  rule: number;
  reason: string;
}

export interface BatchSigner {
  identity: string;
  /** Fingerprint of the signing key, `SHA256:…` as ssh-keygen -l prints it. */
  key: string;
}

export interface BatchTotals {
  items: number;
  /** Sum over credit_back items only: a rerun restores nothing. */
  credits: number;
  reruns: number;
}

export interface CreditbackBatch {
  format: typeof BATCH_FORMAT;
  batch_id: string;
  created_at: string;
  signer: BatchSigner;
  previous_batch_sha256: string | null;
  policy_settings_sha256: string;
  items: BatchItem[];
  totals: BatchTotals;
}

export const BATCH_KEYS = [
  'format',
  'batch_id',
  'created_at',
  'signer',
  'previous_batch_sha256',
  'policy_settings_sha256',
  'items',
  'totals',
] as const;
export const SIGNER_KEYS = ['identity', 'key'] as const;
export const ITEM_KEYS = [
  'idempotency_key',
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
] as const;
export const TOTALS_KEYS = ['items', 'credits', 'reruns'] as const;

/**
 * The exact bytes that are signed: keys rebuilt in spec order (whatever order the object has),
 * two-space indent, LF, one trailing LF. A verifier re-serializes and compares, so any other
 * spelling of the same JSON is rejected rather than silently accepted.
 */
export function serializeBatch(batch: CreditbackBatch): string {
  const ordered = {
    format: batch.format,
    batch_id: batch.batch_id,
    created_at: batch.created_at,
    signer: { identity: batch.signer.identity, key: batch.signer.key },
    previous_batch_sha256: batch.previous_batch_sha256,
    policy_settings_sha256: batch.policy_settings_sha256,
    items: batch.items.map((item) => ({
      idempotency_key: item.idempotency_key,
      request_id: item.request_id,
      account_email: item.account_email,
      job_id: item.job_id,
      remedy: item.remedy,
      credits: item.credits,
      decided_by: item.decided_by,
      approved_by: item.approved_by,
      decided_at: item.decided_at,
      rule: item.rule,
      reason: item.reason,
    })),
    totals: { items: batch.totals.items, credits: batch.totals.credits, reruns: batch.totals.reruns },
  };
  return `${JSON.stringify(ordered, null, 2)}\n`;
}

export function batchFileName(batchId: string): string {
  return `creditback-batch-${batchId}.json`;
}

export function signatureFileName(fileName: string): string {
  return `${fileName}.sig`;
}

export function computeTotals(items: readonly BatchItem[]): BatchTotals {
  let credits = 0;
  let reruns = 0;
  for (const item of items) {
    if (item.remedy === 'credit_back') credits += item.credits;
    else reruns++;
  }
  return { items: items.length, credits, reruns };
}
