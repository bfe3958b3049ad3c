import type { ByteSourceSpec } from './import-protocol';

export interface ByteSource {
  size: number;
  read(offset: number, length: number): Promise<Uint8Array>;
}

type SliceReply = { bytes: Uint8Array | null; error?: string };

/**
 * Relayed reads: the page owns the desktop file handle (PickedFile), so the worker asks for each
 * slice by message and the page answers with the bytes, transferred, not copied.
 */
export class SliceRelay {
  private next = 1;
  private readonly waiting = new Map<number, (reply: SliceReply) => void>();

  constructor(private readonly ask: (requestId: number, offset: number, length: number) => void) {}

  request(offset: number, length: number): Promise<Uint8Array> {
    const requestId = this.next++;
    return new Promise((resolve, reject) => {
      this.waiting.set(requestId, (reply) => {
        if (reply.bytes) resolve(reply.bytes);
        else reject(new Error(reply.error ?? 'the file could not be read'));
      });
      this.ask(requestId, offset, length);
    });
  }

  answer(requestId: number, reply: SliceReply): void {
    const settle = this.waiting.get(requestId);
    this.waiting.delete(requestId);
    settle?.(reply);
  }
}

export function openByteSource(spec: ByteSourceSpec, relay: SliceRelay): ByteSource {
  if (spec.kind === 'file') {
    const file = spec.file;
    return {
      size: file.size,
      async read(offset, length) {
        return new Uint8Array(await file.slice(offset, offset + length).arrayBuffer());
      },
    };
  }
  return { size: spec.size, read: (offset, length) => relay.request(offset, length) };
}

/**
 * Reads the source front to back in chunks, two chunks ahead, so that reading overlaps parsing
 * even when a read is slow (the browser process serves them, and it is busy storing rows).
 */
export async function* chunksOf(
  source: ByteSource,
  chunkBytes: number,
  from = 0,
): AsyncGenerator<Uint8Array> {
  const AHEAD = 2;
  let planned = from;
  const queue: { offset: number; bytes: Promise<Uint8Array> }[] = [];
  const plan = () => {
    while (queue.length < AHEAD && planned < source.size) {
      queue.push({ offset: planned, bytes: source.read(planned, chunkBytes) });
      planned += chunkBytes;
    }
  };
  plan();
  while (queue.length > 0) {
    const { offset, bytes } = queue.shift()!;
    const chunk = await bytes;
    const end = offset + chunk.length;
    if (chunk.length === 0) return;
    if (chunk.length < chunkBytes && end < source.size) {
      // A short read: the reads planned after it start at the wrong place. Plan again from here.
      for (const stale of queue) stale.bytes.catch(() => undefined);
      queue.length = 0;
      planned = end;
    }
    plan();
    yield chunk;
  }
}
