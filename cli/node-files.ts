import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { UsageError } from './command';

/** 1 MiB reads: few enough calls to be fast, small enough never to hold a big file. */
const CHUNK_BYTES = 1 << 20;

/**
 * Streams a file as Uint8Array chunks (Buffers are Uint8Arrays, so shared/ code takes them
 * as they are). A missing or unreadable file becomes a UsageError: exit 2, one stderr line.
 */
export async function* fileChunks(path: string): AsyncGenerator<Uint8Array> {
  await assertReadableFile(path);
  const stream = createReadStream(path, { highWaterMark: CHUNK_BYTES });
  try {
    for await (const chunk of stream) yield chunk as Uint8Array;
  } catch (error) {
    throw new UsageError(
      `cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
    );
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
