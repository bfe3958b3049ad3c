import type { BatchRemedy, BatchTotals } from '../../shared/export';

/**
 * A credit-back batch as this desk exported it. The file text is kept byte for byte: its
 * SHA-256 is the next batch's `previous_batch_sha256`, and the same bytes can be saved again.
 */
export interface ExportBatchRow {
  batchId: string;
  createdAt: string;
  fileName: string;
  /** The batch file exactly as signed (UTF-8 text). */
  text: string;
  sha256: string;
  signature: string;
  signerIdentity: string;
  signerKey: string;
  totals: BatchTotals;
  /** The batch it chains to, or null for the first. */
  previousBatchId: string | null;
}

/**
 * One exported generation. Keyed by its idempotency key, so the store itself refuses a
 * second export of the same generation, whoever attempts it.
 */
export interface ExportedItemRow {
  idempotencyKey: string;
  batchId: string;
  requestId: string;
  accountEmail: string;
  jobId: string;
  remedy: BatchRemedy;
  credits: number;
  exportedBy: string;
  exportedAt: string;
}
