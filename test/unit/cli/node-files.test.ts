import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileChunks } from '../../../cli/node-files';
import { UsageError } from '../../../cli/command';

let dir = '';
/** Over two reads of 1 MiB, with a short last one. */
const SIZE = (5 << 19) + 12_345;
const bytes = Uint8Array.from({ length: SIZE }, (_, i) => (i * 7 + (i >> 11)) & 0xff);

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'node-files-'));
  await writeFile(join(dir, 'data.bin'), bytes);
  await writeFile(join(dir, 'empty.bin'), new Uint8Array(0));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

async function collect(path: string, range: { start: number; end: number } | null = null) {
  const chunks: Uint8Array[] = [];
  for await (const chunk of fileChunks(path, range)) chunks.push(chunk.slice());
  const all = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const chunk of chunks) {
    all.set(chunk, at);
    at += chunk.length;
  }
  return { chunks, all };
}

/** toEqual walks megabytes element by element: seconds. */
const same = (a: Uint8Array, b: Uint8Array): boolean => Buffer.compare(a, b) === 0;

describe('fileChunks', () => {
  it('gives every byte once, in order: a first piece of 1 MiB, then 64 KiB ones', async () => {
    const { chunks, all } = await collect(join(dir, 'data.bin'));
    expect(same(all, bytes)).toBe(true);
    expect(chunks[0]!.length).toBe(1 << 20);
    expect(chunks.slice(1, -1).every((c) => c.length === 1 << 16)).toBe(true);
    expect(chunks.at(-1)!.length).toBe((SIZE - (1 << 20)) % (1 << 16) || 1 << 16);
  });

  it('reads exactly a byte range, across reads', async () => {
    const range = { start: 1_000_001, end: SIZE - 777 };
    const { all } = await collect(join(dir, 'data.bin'), range);
    expect(same(all, bytes.subarray(range.start, range.end))).toBe(true);
  });

  it('gives nothing for an empty file or an empty range', async () => {
    expect((await collect(join(dir, 'empty.bin'))).chunks).toEqual([]);
    expect((await collect(join(dir, 'data.bin'), { start: 5, end: 5 })).chunks).toEqual([]);
  });

  it('can be left early without leaking the read ahead', async () => {
    for await (const chunk of fileChunks(join(dir, 'data.bin'))) {
      expect(chunk[0]).toBe(bytes[0]);
      break;
    }
  });

  it('names a missing file or a directory in a usage error', async () => {
    await expect(collect(join(dir, 'missing.csv'))).rejects.toThrow(UsageError);
    await expect(collect(join(dir, 'missing.csv'))).rejects.toThrow(/missing\.csv: no such file/);
    await expect(collect(dir)).rejects.toThrow(/is a directory/);
  });
});
