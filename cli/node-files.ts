import { open, stat } from 'node:fs/promises';
import { UsageError } from './command';

/**
 * The first piece is 1 MiB: the reader decides the encoding from the bytes it has once 256 KiB
 * arrived, so this keeps that decision (and inspect's report) as it was.
 */
const FIRST_CHUNK_BYTES = 1 << 20;
/**
 * Then 64 KiB pieces. With 1 MiB ones each push held about 7,000 rows' cells and records alive at
 * once, long enough to survive young-generation GCs and be copied to the old one: reconcile took
 * a quarter more CPU (16–32 KiB measured the same as 64 KiB, 128 KiB already worse).
 */
const CHUNK_BYTES = 1 << 16;
/**
 * The file is read 1 MiB at a time, and the next read is started before the pieces of the last
 * one are handed on: with one 64 KiB read awaited after another, reconcile waited about 0.9 s for
 * the thread pool over 300 MB, time PapaParse's read-ahead stream does not wait.
 */
const READ_BYTES = 1 << 20;

/**
 * Streams a file (or the bytes [start, end) of it) as Uint8Array chunks. A chunk's memory is
 * never reused (the reader may keep a chunk until the next one). A missing or unreadable file
 * becomes a UsageError: exit 2, one stderr line.
 */
export async function* fileChunks(
  path: string,
  range: { start: number; end: number } | null = null,
): AsyncGenerator<Uint8Array> {
  await assertReadableFile(path);
  const fail = (error: unknown): UsageError =>
    new UsageError(
      `cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
    );
  const handle = await open(path, 'r').catch((error: unknown) => {
    throw fail(error);
  });
  const end = range ? range.end : Number.POSITIVE_INFINITY;
  const readAt = (position: number): Promise<Uint8Array> | null => {
    const size = Math.min(READ_BYTES, end - position);
    if (size <= 0) return null;
    const buffer = new Uint8Array(size);
    return handle.read(buffer, 0, size, position).then(
      ({ bytesRead }) => buffer.subarray(0, bytesRead),
      (error: unknown) => {
        throw fail(error);
      },
    );
  };
  let next = readAt(range ? range.start : 0);
  try {
    let position = range ? range.start : 0;
    let first = true;
    while (next) {
      const bytes = await next;
      if (bytes.length === 0) return;
      position += bytes.length;
      next = readAt(position);
      const piece = first ? FIRST_CHUNK_BYTES : CHUNK_BYTES;
      first = false;
      for (let at = 0; at < bytes.length; at += piece) yield bytes.subarray(at, at + piece);
    }
  } finally {
    // A read still in flight when the caller stops early: let it end before closing the file.
    await next?.catch(() => undefined);
    await handle.close();
  }
}
export async function assertReadableFile(path: string): Promise<void> {
  let info;
  try {
    info = await stat(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(
      code === 'ENOENT' ? `${path}: no such file` : `cannot read ${path}: ${code ?? String(error)}`,
    );
  }
  if (info.isDirectory()) throw new UsageError(`${path} is a directory, not a file`);
}
