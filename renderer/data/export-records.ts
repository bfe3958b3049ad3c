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

/**
 * The generations one batch took out of the desk: one record per batch, its items column by
 * column (the i-th entry of each list is one item). One record, not one per item: IndexedDB
 * spends about a millisecond of browser CPU on each small record, so 10,000 item records made
 * an export take seconds, while one record of a few hundred KB is stored as a blob in a few ms.
 *
 * `own` batches were exported by this desk and lock their decisions (see export-sets.ts); the
 * others were recorded from another desk's verified batch (recordForeignBatch), so this desk
 * never exports those generations again. An idempotency key is in at most one set.
 */
export interface ExportSetRow {
  /** The batch id for this desk's own batches; `foreign:<signer key>:<batch id>` otherwise. */
  id: string;
  batchId: string;
  own: boolean;
  exportedBy: string;
  exportedAt: string;
  idempotencyKeys: string[];
  requestIds: string[];
  accountEmails: string[];
  jobIds: string[];
  remedies: BatchRemedy[];
  credits: number[];
}
