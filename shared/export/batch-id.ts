/** `YYYY-MM-DD-NNNN`: the UTC day the batch was made, then its number within that day. */
export const BATCH_ID_PATTERN = /^(\d{4}-\d{2}-\d{2})-(\d{4})$/;

export function nextBatchId(createdAt: Date, previousBatchId: string | null): string {
  const day = createdAt.toISOString().slice(0, 10);
  const previous = previousBatchId ? BATCH_ID_PATTERN.exec(previousBatchId) : null;
  const sequence = previous && previous[1] === day ? Number(previous[2]) + 1 : 1;
  if (sequence > 9999) throw new Error(`more than 9999 batches on ${day}`);
  return `${day}-${String(sequence).padStart(4, '0')}`;
}
