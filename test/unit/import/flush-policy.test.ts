import { describe, expect, it } from 'vitest';
import { blockFlushBytes } from '../../../renderer/workers/flush-policy';

const MB = 1024 * 1024;

/** The flush sizes of a file that packs into `total` bytes, checked every `step` bytes read. */
function flushes(total: number, fileSize: number, step: number): number[] {
  const ratio = total / fileSize;
  const sizes: number[] = [];
  let buffered = 0;
  let flushed = 0;
  for (let read = step; read <= fileSize; read += step) {
    buffered = read * ratio - flushed;
    if (buffered >= blockFlushBytes(flushed + buffered, read, fileSize)) {
      sizes.push(buffered);
      flushed += buffered;
      buffered = 0;
    }
  }
  if (buffered > 0) sizes.push(buffered);
  return sizes;
}

describe('block flush size', () => {
  it('is the largest size before anything is known', () => {
    expect(blockFlushBytes(0, 0, 1e9)).toBe(96 * MB);
  });

  it('halves towards the end of the file, so the last write is small', () => {
    const sizes = flushes(190 * MB, 160 * MB, 4 * MB);
    expect(sizes[0]).toBeGreaterThan(90 * MB);
    expect(sizes.at(-1)).toBeLessThanOrEqual(49 * MB);
    expect(sizes.length).toBeLessThanOrEqual(3);
    expect(sizes.reduce((a, b) => a + b, 0)).toBeCloseTo(190 * MB, -3);
  });

  it('never asks for more than 96 MB or less than 48 MB', () => {
    for (const [packed, read, size] of [
      [1, 1, 1e12],
      [1e9, 1e9, 1e9 + 1],
      [5 * MB, 4 * MB, 2e9],
    ] as const) {
      const bytes = blockFlushBytes(packed, read, size);
      expect(bytes).toBeGreaterThanOrEqual(48 * MB);
      expect(bytes).toBeLessThanOrEqual(96 * MB);
    }
  });
});
