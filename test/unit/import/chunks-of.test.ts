import { describe, expect, it } from 'vitest';
import { chunksOf, type ByteSource } from '../../../renderer/workers/byte-source';

function sourceOf(bytes: Uint8Array, maxRead = Infinity): ByteSource & { reads: number[] } {
  const reads: number[] = [];
  return {
    size: bytes.length,
    reads,
    read(offset, length) {
      reads.push(offset);
      return Promise.resolve(bytes.slice(offset, offset + Math.min(length, maxRead)));
    },
  };
}

async function collect(source: ByteSource, chunk: number, from = 0): Promise<number[]> {
  const out: number[] = [];
  for await (const part of chunksOf(source, chunk, from)) out.push(...part);
  return out;
}

const data = Uint8Array.from({ length: 1000 }, (_, i) => i % 251);

describe('chunksOf', () => {
  it('yields every byte once, in order, whatever the chunk size', async () => {
    for (const chunk of [1, 7, 100, 999, 1000, 4096])
      expect(await collect(sourceOf(data), chunk)).toEqual([...data]);
  });

  it('starts where it is told', async () => {
    expect(await collect(sourceOf(data), 64, 900)).toEqual([...data.slice(900)]);
  });

  it('keeps reading ahead of what it has yielded', async () => {
    const source = sourceOf(data);
    const parts = chunksOf(source, 100);
    await parts.next();
    expect(source.reads).toEqual([0, 100, 200]);
  });

  it('plans again from the right place after a short read', async () => {
    expect(await collect(sourceOf(data, 30), 100)).toEqual([...data]);
  });

  it('yields nothing for an empty source', async () => {
    expect(await collect(sourceOf(new Uint8Array(0)), 100)).toEqual([]);
  });
});
