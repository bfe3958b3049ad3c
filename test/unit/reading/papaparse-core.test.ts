import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CsvTokenizer, type TokenizerOptions } from '@shared/reading/index';
import { fixture, splitText } from './helpers';

interface Vector {
  description: string;
  input: string;
  config?: Record<string, unknown>;
  expected: { data: unknown[]; errors: { code: string; row: number }[] };
}

const vectors: Vector[] = JSON.parse(
  readFileSync(fixture('external', 'papaparse', 'core-parser-tests.json'), 'utf8'),
);

function tokenize(vector: Vector, chunkSize: number) {
  const data: string[][] = [];
  const errors: { code: string; row: number }[] = [];
  const tokenizer = new CsvTokenizer(
    { ...(vector.config as TokenizerOptions), sniffChars: 1 << 20 },
    (cells, _line, error) => {
      if (error) errors.push({ code: error.code, row: data.length });
      data.push(cells);
    },
  );
  for (const piece of splitText(vector.input, chunkSize)) tokenizer.push(piece);
  tokenizer.finish();
  return { data, errors };
}

describe('PapaParse core-parser vectors through the chunked tokenizer', () => {
  it('has all 62 vectors', () => {
    expect(vectors.length).toBe(62);
  });

  for (const vector of vectors) {
    it(vector.description, () => {
      const whole = tokenize(vector, vector.input.length || 1);
      expect(whole.data).toEqual(vector.expected.data);
      // The tokenizer keeps one error per row (a row is rejected once): PapaParse's first.
      const firstPerRow = new Map<number, string>();
      for (const e of vector.expected.errors) if (!firstPerRow.has(e.row)) firstPerRow.set(e.row, e.code);
      expect(whole.errors).toEqual([...firstPerRow].map(([row, code]) => ({ code, row })));
      // Cutting the text anywhere must not change a well-formed result.
      if (vector.expected.errors.length === 0) {
        for (const size of [1, 2, 3, 5]) expect(tokenize(vector, size).data).toEqual(vector.expected.data);
      }
    });
  }
});
