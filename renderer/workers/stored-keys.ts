import type { ImportKind } from '../../shared/domain/records';
import type { ReviewDeskDb } from '../data/db';
import { ID_BUCKETS, blockRows, type DirectoryTuple } from '../data/row-blocks';

/**
 * The natural keys already stored for a block kind by other batches, with their content
 * fingerprints: a row of the new file whose key is here is a duplicate (same fingerprint) or a
 * conflict. Loaded once per import, a few buckets at a time, and only when such batches exist.
 */
export async function loadStoredKeys(
  db: ReviewDeskDb,
  kind: 'jobs' | 'ledger',
  ownBatchId: string,
): Promise<Map<string, number>> {
  const keys = new Map<string, number>();
  const others = await db.importBatches
    .filter(
      (b) => b.kind === kind && b.id !== ownBatchId && b.status !== 'undone' && b.status !== 'cancelled',
    )
    .count();
  if (others === 0) return keys;
  const step = 8;
  for (let from = 0; from < ID_BUCKETS; from += step) {
    const lower = `${kind}.i.${String(from).padStart(4, '0')}`;
    const upper = `${kind}.i.${String(from + step).padStart(4, '0')}`;
    const blocks = await db.rowBlocks.where('g').between(lower, upper, true, false).toArray();
    for (const block of blocks) {
      if (block.b === ownBatchId) continue;
      for (const row of blockRows(block) as DirectoryTuple[]) keys.set(row[0], row[1]);
    }
  }
  return keys;
}

export function isBlockKind(kind: ImportKind): kind is 'jobs' | 'ledger' {
  return kind === 'jobs' || kind === 'ledger';
}
