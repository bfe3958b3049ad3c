const MB = 1024 * 1024;
const LARGEST = 96 * MB;
const SMALLEST = 48 * MB;

/**
 * How many packed bytes of jobs or ledger rows to gather before writing them. Large flushes make
 * large blocks, which IndexedDB stores at a fraction of the CPU of small ones (a million job rows
 * in two or three commits); but whatever is still buffered when the file ends is written while
 * nothing else is left to do. So the threshold is what the rest of the file should still pack
 * into, estimated from the bytes read so far, between 48 and 96 MB: flushes halve towards the
 * end (96, then 48 MB), and the last write is short. Not smaller: an account block of a
 * smaller flush falls under the 64 KB that IndexedDB stores inline, at several times the cost.
 */
export function blockFlushBytes(packedSoFar: number, bytesRead: number, fileSize: number): number {
  if (bytesRead <= 0 || packedSoFar <= 0) return LARGEST;
  const stillToPack = (packedSoFar / bytesRead) * Math.max(0, fileSize - bytesRead);
  return Math.min(LARGEST, Math.max(SMALLEST, stillToPack));
}
