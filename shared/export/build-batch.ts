import { sha256Hex } from '../signing/bytes';
import { nextBatchId } from './batch-id';
import { itemIdempotencyKey } from './item-key';
import {
  BATCH_FORMAT,
  computeTotals,
  type BatchItem,
  type BatchRemedy,
  type BatchSigner,
  type CreditbackBatch,
} from './batch-format';

/** A reviewer's decision as the exporter needs it; other outcomes are passed over silently. */
export interface ExportableDecision {
  requestId: string;
  outcome: string;
  accountEmail: string;
  jobId: string;
  credits: number;
  decidedBy: string;
  approvedBy: string | null;
  /** ISO 8601 or epoch milliseconds; written as ISO with milliseconds, UTC. */
  decidedAt: string | number;
  rule: number;
  reason: string;
  /** The decision carries the `four_eyes` flag: it needs a second reviewer before export. */
  fourEyes: boolean;
}

export type RefusalCode = 'four_eyes_unapproved' | 'already_exported' | 'twice_in_batch' | 'invalid';

export interface RefusedDecision {
  requestId: string;
  jobId: string;
  idempotencyKey: string | null;
  code: RefusalCode;
  message: string;
}

/**
 * The previous batch file exactly as written (its SHA-256 is the chain link), or that SHA-256
 * when the caller already has it (the desk stores it with each batch it exports).
 */
export type PreviousBatch = { batchId: string } & ({ bytes: Uint8Array } | { sha256: string });

export interface BuildBatchInput {
  decisions: readonly ExportableDecision[];
  signer: BatchSigner;
  policySettingsSha256: string;
  /** Idempotency keys already in any exported batch, by anyone: they can never go out again. */
  exportedKeys: ReadonlySet<string>;
  previous: PreviousBatch | null;
  createdAt: Date;
}

export interface BuiltBatch {
  /** Null when no decision could be exported. */
  batch: CreditbackBatch | null;
  refused: RefusedDecision[];
}

const EXPORTED_OUTCOMES = new Set<string>(['credit_back', 'rerun']);

export async function buildCreditbackBatch(input: BuildBatchInput): Promise<BuiltBatch> {
  const candidates = input.decisions.filter((d) => EXPORTED_OUTCOMES.has(d.outcome));
  const keys = candidates.map((d) =>
    d.accountEmail.trim() && d.jobId.trim() ? itemIdempotencyKey(d.accountEmail, d.jobId) : null,
  );
  const items: BatchItem[] = [];
  const refused: RefusedDecision[] = [];
  const inBatch = new Map<string, string>();
  candidates.forEach((decision, index) => {
    const key = keys[index] ?? null;
    const refuse = (code: RefusalCode, message: string) =>
      refused.push({
        requestId: decision.requestId,
        jobId: decision.jobId,
        idempotencyKey: key,
        code,
        message,
      });
    const problem = invalidField(decision);
    if (problem || key === null) {
      refuse(
        'invalid',
        `${decision.requestId || '(no request id)'}: ${problem ?? 'account email and job id are required'}`,
      );
      return;
    }
    const named = decision.approvedBy?.trim() || null;
    // Approving one's own decision is no second review: the batch must not claim one.
    const approvedBy = named !== null && sameReviewer(named, decision.decidedBy) ? null : named;
    if (decision.fourEyes && approvedBy === null) {
      refuse(
        'four_eyes_unapproved',
        `${decision.requestId}: four_eyes decision needs a second reviewer other than ${decision.decidedBy} before export`,
      );
      return;
    }
    if (input.exportedKeys.has(key)) {
      refuse(
        'already_exported',
        `${decision.requestId}: job ${decision.jobId} of ${decision.accountEmail} was already exported in an earlier batch; a generation is compensated once`,
      );
      return;
    }
    const first = inBatch.get(key);
    if (first !== undefined) {
      refuse(
        'twice_in_batch',
        `${decision.requestId}: job ${decision.jobId} is already in this batch through ${first}`,
      );
      return;
    }
    inBatch.set(key, decision.requestId);
    items.push({
      idempotency_key: key,
      request_id: decision.requestId,
      account_email: decision.accountEmail.trim(),
      job_id: decision.jobId,
      remedy: decision.outcome as BatchRemedy,
      credits: decision.credits,
      decided_by: decision.decidedBy,
      approved_by: approvedBy,
      decided_at: new Date(decision.decidedAt).toISOString(),
      rule: decision.rule,
      reason: decision.reason,
    });
  });
  if (items.length === 0) return { batch: null, refused };
  const batch: CreditbackBatch = {
    format: BATCH_FORMAT,
    batch_id: nextBatchId(input.createdAt, input.previous?.batchId ?? null),
    created_at: input.createdAt.toISOString(),
    signer: { identity: input.signer.identity, key: input.signer.key },
    previous_batch_sha256: input.previous ? await previousSha256(input.previous) : null,
    policy_settings_sha256: input.policySettingsSha256,
    items,
    totals: computeTotals(items),
  };
  return { batch, refused };
}

function sameReviewer(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

function invalidField(d: ExportableDecision): string | null {
  if (!d.requestId.trim()) return 'request id is empty';
  if (!Number.isSafeInteger(d.credits) || d.credits < 0)
    return `credits must be a whole number ≥ 0, got ${d.credits}`;
  if (d.outcome === 'credit_back' && d.credits === 0) return 'a credit_back of 0 credits restores nothing';
  if (!d.decidedBy.trim()) return 'decided_by is empty';
  if (Number.isNaN(new Date(d.decidedAt).getTime()) || d.decidedAt === '')
    return `decided_at "${d.decidedAt}" is not a date`;
  if (!Number.isInteger(d.rule) || d.rule < 1 || d.rule > 9) return `rule must be 1 to 9, got ${d.rule}`;
  if (!d.reason.trim()) return 'reason is empty';
  return null;
}

function previousSha256(previous: PreviousBatch): Promise<string> {
  return 'sha256' in previous ? Promise.resolve(previous.sha256) : sha256Hex(previous.bytes);
}
