import { describe, expect, it } from 'vitest';
import { HashFilter } from '@shared/policy/hash-filter';

describe('HashFilter', () => {
  it('answers "maybe" for every added string through many growths', () => {
    const filter = new HashFilter();
    const n = 20_000;
    for (let i = 0; i < n; i++) filter.add(`job_${i}`);
    for (let i = 0; i < n; i++) expect(filter.mayHave(`job_${i}`)).toBe(true);
  });

  it('answers "absent" for nearly every string never added', () => {
    const filter = new HashFilter();
    for (let i = 0; i < 5_000; i++) filter.add(`job_${i}`);
    let maybe = 0;
    for (let i = 0; i < 100_000; i++) if (filter.mayHave(`other_${i}`)) maybe++;
    // 5,000 hashes of 2^32: a false "maybe" has a chance of about one in a million per string.
    expect(maybe).toBeLessThan(5);
    expect(new HashFilter().mayHave('')).toBe(false);
  });

  it('tells apart strings that differ only by order, case or length', () => {
    const filter = new HashFilter();
    filter.add('ab');
    for (const other of ['ba', 'AB', 'a', 'ab ', '', 'abc']) expect(filter.mayHave(other)).toBe(false);
    filter.add('');
    expect(filter.mayHave('')).toBe(true);
  });
});
