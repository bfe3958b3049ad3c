import { ReviewDeskDb, db } from '../data/db';

/**
 * Rows are written on a connection with relaxed durability (Chromium then commits without
 * waiting for the disk flush, which is what makes chunked writes fast). That is safe because
 * the batch only becomes `complete` in a final, default-durability transaction on the main
 * connection: until then a crash leaves it `running`, and the page offers Resume and Remove.
 */
let fastDb: ReviewDeskDb | null = null;
export function rowsDb(): ReviewDeskDb {
  fastDb ??= new ReviewDeskDb(db.name, { chromeTransactionDurability: 'relaxed' });
  return fastDb;
}
