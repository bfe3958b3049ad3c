import { sha256Hex } from '../util/sha256';

/**
 * One key per generation event (export-format.md): the same generation can never be
 * compensated twice, by any batch or reviewer, whatever the remedy.
 */
export function idempotencyKeyText(accountEmail: string, jobId: string): string {
  return `creditback@1\n${accountEmail.trim().toLowerCase()}\n${jobId}`;
}

/** Lower-case hex SHA-256 of `creditback@1\n<email lower-cased>\n<job_id>`. */
export function idempotencyKey(accountEmail: string, jobId: string): Promise<string> {
  return sha256Hex(idempotencyKeyText(accountEmail, jobId));
}
