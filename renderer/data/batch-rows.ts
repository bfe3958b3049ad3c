import type { ReviewDeskDb } from './db';

/** Every table that holds a batch's rows or problems, for transactions that remove them. */
export function batchTables(db: ReviewDeskDb) {
  return [db.rowBlocks, db.payments, db.requests, db.outages, db.importProblems, db.importBatches];
}

/** Removes every row and problem a batch stored. Call inside a transaction over batchTables. */
export async function deleteBatchRows(db: ReviewDeskDb, batchId: string): Promise<void> {
  await db.rowBlocks.where('b').equals(batchId).delete();
  await db.payments.where('b').equals(batchId).delete();
  await db.requests.where('b').equals(batchId).delete();
  await db.outages.where('b').equals(batchId).delete();
  await db.importProblems.where('batchId').equals(batchId).delete();
}
