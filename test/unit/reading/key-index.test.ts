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
});
