import { idempotencyKeyText } from '../policy/idempotency';
import { sha256BytesHexSync as sha256SyncHex } from '../util/sha256';

const encoder = new TextEncoder();

/**
 * The Exports page plans the same candidates again after every change (and twice per plan), so
 * recent keys are remembered: a generation's key never changes. Bounded, oldest dropped first.
 */
const remembered = new Map<string, string>();
const REMEMBERED_MAX = 50_000;

/**
 * The idempotency key of shared/policy (same text, same hash), computed synchronously so that
 * keying 10,000 items stays within the batch's 1 s budget.
 */
export function itemIdempotencyKey(accountEmail: string, jobId: string): string {
  const text = idempotencyKeyText(accountEmail, jobId);
  let key = remembered.get(text);
  if (key === undefined) {
    key = sha256SyncHex(encoder.encode(text));
    if (remembered.size >= REMEMBERED_MAX) remembered.delete(remembered.keys().next().value!);
    remembered.set(text, key);
  }
  return key;
}
