import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KeyIndex } from '@shared/reading/key-index';

describe('KeyIndex', () => {
  it('remembers every key with its first line and fingerprint through many growths', () => {
    const index = new KeyIndex();
    const n = 50_000;
    for (let i = 0; i < n; i++) expect(index.addOrFind(`job_${i}`, i + 2, i * 7)).toBe(-1);
    expect(index.size).toBe(n);
    for (let i = 0; i < n; i += 97) {
      const entry = index.addOrFind(`job_${i}`, 999_999, 0);
      expect(entry).not.toBe(-1);
      expect(index.lineOf(entry)).toBe(i + 2);
      expect(index.fingerprintOf(entry)).toBe(i * 7);
    }
    expect(index.size).toBe(n);
    expect(index.addOrFind('job_x', 1, 1)).toBe(-1);
  });

  it('sized up front, still grows past a guess that was too low', () => {
    const index = new KeyIndex(1000);
    for (let i = 0; i < 5000; i++) expect(index.addOrFind(`e${i}`, i, -i)).toBe(-1);
    for (let i = 0; i < 5000; i += 7) {
      const entry = index.addOrFind(`e${i}`, 0, 0);
      expect([index.lineOf(entry), index.fingerprintOf(entry)]).toEqual([i, -i]);
    }
    expect(index.size).toBe(5000);
  });

  it('tells apart keys that differ only by order, case or length', () => {
    const index = new KeyIndex();
    for (const key of ['ab', 'ba', 'AB', 'a', 'ab ', '', '😀', 'job_1', 'job_10'])
      expect(index.addOrFind(key, 1, 0)).toBe(-1);
  });

  it('finds a repeat of a key that came in id order (shorter first), whatever came between', () => {
    const index = new KeyIndex();
    const ascending = ['le_8', 'le_9', 'le_10', 'le_11', 'le_100'];
    ascending.forEach((key, i) => expect(index.addOrFind(key, i + 2, i)).toBe(-1));
    // Out of order but new, then in order again past the last key.
    expect(index.addOrFind('le_50', 20, 50)).toBe(-1);
    expect(index.addOrFind('le_101', 21, 101)).toBe(-1);
    expect(index.addOrFind('le_7', 22, 7)).toBe(-1);
    for (const [key, line, fingerprint] of [
      ['le_9', 3, 1],
      ['le_100', 6, 4],
      ['le_50', 20, 50],
      ['le_101', 21, 101],
      ['le_7', 22, 7],
    ] as const) {
      const entry = index.addOrFind(key, 999, -1);
      expect([key, index.lineOf(entry), index.fingerprintOf(entry)]).toEqual([key, line, fingerprint]);
    }
    expect(index.size).toBe(8);
    expect(index.indexOf('le_10')).not.toBe(-1);
    expect(index.indexOf('le_12')).toBe(-1);
  });

  it('answers as a map of first rows would, for any order of keys', () => {
    const keys = fc.oneof(
      fc.integer({ min: 0, max: 60 }).map((n) => `job_${n}`),
      fc.constantFrom('a', 'b', 'ab', 'ba', ''),
    );
    // Runs of sorted keys, as exports come, mixed with unsorted ones.
    const runs = fc.array(
      fc
        .tuple(fc.boolean(), fc.array(keys, { maxLength: 30 }))
        .map(([sorted, run]) =>
          sorted ? [...run].sort((x, y) => x.length - y.length || (x < y ? -1 : x > y ? 1 : 0)) : run,
        ),
      { maxLength: 8 },
    );
    fc.assert(
      fc.property(runs, fc.integer({ min: 0, max: 100 }), (parts, expected) => {
        const index = new KeyIndex(expected);
        const first = new Map<string, number>();
        parts.flat().forEach((key, line) => {
          const entry = index.addOrFind(key, line, line * 3);
          if (first.has(key)) {
            expect(entry).not.toBe(-1);
            expect([index.lineOf(entry), index.fingerprintOf(entry)]).toEqual([
              first.get(key),
              first.get(key)! * 3,
            ]);
          } else {
            expect(entry).toBe(-1);
            first.set(key, line);
          }
        });
        expect(index.size).toBe(first.size);
      }),
    );
  });

  it('survives a trip through its state, and finds the keys two indexes share', () => {
    const first = new KeyIndex();
    const second = new KeyIndex();
    for (let i = 0; i < 3000; i++) first.addOrFind(`k${i}`, i, i);
    for (let i = 2990; i < 4000; i++) second.addOrFind(`k${i}`, i, -i);
    second.addOrFind('k5', 1, 1);
    const copy = KeyIndex.fromState(structuredClone(first.toState()));
    const shared: [number, number][] = [];
    copy.forEachSharedKey(second, (entry, otherEntry) =>
      shared.push([copy.lineOf(entry), second.fingerprintOf(otherEntry)]),
    );
    expect(shared.sort((x, y) => x[0] - y[0])).toEqual([
      [5, 1],
      ...Array.from({ length: 10 }, (_, i) => [2990 + i, -(2990 + i)] as [number, number]),
    ]);
    expect(copy.addOrFind('k2999', 0, 0)).not.toBe(-1);
    expect(copy.addOrFind('k3000', 0, 0)).toBe(-1);
  });
});
