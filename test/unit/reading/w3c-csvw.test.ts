import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ReadError, readAllRecords } from '@shared/reading/index';
import { fixture, listFiles, splitBytes, tokenizeBytes } from './helpers';

const root = fixture('external', 'w3c-csvw');
const files = listFiles(root, (n) => n.endsWith('.csv') || n.endsWith('.tsv'));

describe('W3C CSVW test inputs', () => {
  it('has the suite', () => {
    expect(files.length).toBeGreaterThan(150);
  });

  it('every CSV tokenizes without a throw, whole and in 5-byte chunks', () => {
    for (const file of files) {
      const bytes = new Uint8Array(readFileSync(file));
      const whole = tokenizeBytes([bytes]).rows.map((r) => r.cells);
      const chunked = tokenizeBytes(splitBytes(bytes, [5])).rows.map((r) => r.cells);
      expect(chunked, relative(root, file)).toEqual(whole);
    }
  });

  it('every CSV goes through the record reader to a report or a clear file-level error', async () => {
    const codes = new Set<string>();
    for (const file of files) {
      try {
        const { report } = await readAllRecords(splitBytes(new Uint8Array(readFileSync(file)), [4096]), {
          fileName: relative(root, file),
        });
        expect(report.rows).toBe(report.accepted + report.rejected + report.duplicates + report.skipped);
      } catch (error) {
        expect(error, relative(root, file)).toBeInstanceOf(ReadError);
        expect((error as ReadError).message).toContain(relative(root, file));
        codes.add((error as ReadError).code);
      }
    }
    // None of these tables is a review source: they fail as a file, never with a crash.
    expect([...codes].every((c) => ['no-header', 'missing-column', 'empty', 'binary'].includes(c))).toBe(
      true,
    );
  });
});
