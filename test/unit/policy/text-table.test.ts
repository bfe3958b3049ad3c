import { describe, expect, it } from 'vitest';
import { TextTable } from '@shared/policy/text-table';

describe('TextTable', () => {
  it('numbers texts in the order added, through many growths, and finds each again', () => {
    const table = new TextTable();
    const n = 30_000;
    for (let i = 0; i < n; i++) expect(table.add(`creator${i}@studio.test`)).toBe(i);
    expect(table.size).toBe(n);
    for (let i = n - 1; i >= 0; i--) {
      // A fresh string with the same text, as a reader cuts it from a row.
      const text = ` creator${i}@studio.test`.slice(1);
      expect(table.indexOf(text)).toBe(i);
      expect(table.add(text)).toBe(i);
    }
    expect(table.size).toBe(n);
    expect(table.textOf(123)).toBe('creator123@studio.test');
  });

  it('answers -1 for texts never added, including near misses', () => {
    const table = new TextTable();
    for (const text of ['ab', 'a@b.test', '']) table.add(text);
    for (const other of ['ba', 'AB', 'a', 'ab ', 'abc', 'a@b.tes', 'A@b.test'])
      expect(table.indexOf(other)).toBe(-1);
    expect(table.indexOf('')).toBe(2);
    expect(new TextTable().indexOf('x')).toBe(-1);
  });

  it('likelyIndexOf agrees with indexOf for texts added and texts never added', () => {
    const table = new TextTable();
    for (let i = 0; i < 5_000; i++) table.add(`a${i}@x.test`);
    for (let i = 0; i < 10_000; i++) {
      const text = `a${i}@x.test`;
      expect(table.likelyIndexOf(text)).toBe(table.indexOf(text));
    }
    expect(table.likelyIndexOf('a4999@x.test')).toBe(4999);
    expect(table.likelyIndexOf('a5000@x.test')).toBe(-1);
  });
});
