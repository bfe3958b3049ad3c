import { idempotencyKeyText } from '../policy/idempotency';
import { sha256BytesHexSync as sha256SyncHex } from '../util/sha256';

const encoder = new TextEncoder();

/**
 * The idempotency key of shared/policy (same text, same hash), computed synchronously so that
 * keying 10,000 items stays within the batch's 1 s budget.
 */
export function itemIdempotencyKey(accountEmail: string, jobId: string): string {
  return sha256SyncHex(encoder.encode(idempotencyKeyText(accountEmail, jobId)));
}
