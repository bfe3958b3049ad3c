import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ReadError, readAllRecords } from '@shared/reading/index';
import { splitBytes, tokenizeBytes } from './helpers';

const DELIMITERS = [',', ';', '\t', '|'] as const;
const BREAKS = ['\n', '\r\n', '\r'] as const;

const cellText = fc
  .array(
    fc.constantFrom('a', 'Z', '7', ' ', '"', ',', ';', '\t', '|', '\r', '\n', 'é', '€', '😀', '\u00a0'),
    {
      maxLength: 8,
    },
  )
  .map((chars) => chars.join(''));

const table = fc.integer({ min: 2, max: 5 }).chain((width) =>
  fc.record({
    header: fc.array(fc.stringMatching(/^[a-z][a-z0-9]{0,5}$/), { minLength: width, maxLength: width }),
    rows: fc.array(fc.array(cellText, { minLength: width, maxLength: width }), { maxLength: 8 }),
    delimiter: fc.constantFrom(...DELIMITERS),
    // One break for the whole file, or a different one per row.
    breaks: fc.oneof(
      fc.constantFrom(...BREAKS).map((b) => [b]),
      fc.array(fc.constantFrom(...BREAKS), { minLength: 1 }),
    ),
    quoteAll: fc.array(fc.boolean(), { minLength: 1, maxLength: 7 }),
    finalBreak: fc.boolean(),
    bom: fc.boolean(),
    utf16: fc.boolean(),
    cuts: fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 6 }),
  }),
);

function serialize(
  t: fc.Arbitrary<unknown> extends never ? never : Parameters<Parameters<typeof table.map>[0]>[0],
): string {
  let n = 0;
  const cell = (value: string) => {
    const mustQuote = /["\r\n]/.test(value) || value.includes(t.delimiter);
    return mustQuote || t.quoteAll[n++ % t.quoteAll.length] ? `"${value.replace(/"/g, '""')}"` : value;
  };
  const lines = [t.header, ...t.rows].map((r) => r.map(cell).join(t.delimiter));
  let text = '';
  lines.forEach((line, i) => {
    text += line;
    if (i < lines.length - 1 || t.finalBreak) text += t.breaks[i % t.breaks.length];
  });
  return text;
}

function encode(text: string, bom: boolean, utf16: boolean): Uint8Array {
  if (utf16) {
    const out = new Uint8Array(2 + text.length * 2);
    out.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) {
      out[2 + i * 2] = text.charCodeAt(i) & 0xff;
      out[3 + i * 2] = text.charCodeAt(i) >> 8;
    }
    return out;
  }
  return new TextEncoder().encode(bom ? `\uFEFF${text}` : text);
}

describe('property: any well-formed CSV reads back exactly, in any chunking', () => {
  it('tokenizer layer (encoding, line endings, quotes, delimiters)', () => {
    fc.assert(
      fc.property(table, (t) => {
        const bytes = encode(serialize(t), t.bom, t.utf16);
        const { rows } = tokenizeBytes(splitBytes(bytes, t.cuts), { delimiter: undefined });
        const got = rows.filter((r) => !(r.cells.length === 1 && r.cells[0] === ''));
        expect(got.every((r) => r.error === null)).toBe(true);
        expect(got.map((r) => r.cells)).toEqual([t.header, ...t.rows]);
        // Physical lines: each row starts after every break written before it.
        let line = 1;
        const expectedLines = [t.header, ...t.rows].map((r) => {
          const start = line;
          line += 1 + r.reduce((n, c) => n + (c.match(/\r\n|\r|\n/g)?.length ?? 0), 0);
          return start;
        });
        expect(got.map((r) => r.line)).toEqual(expectedLines);
      }),
      { numRuns: 600 },
    );
  }, 120_000);

  it('record reader: any job log, however broken, gives a report and never throws', async () => {
    const value = fc.oneof(
      cellText,
      fc.constantFrom(
        '2026-03-01T10:00:00Z',
        '2026-03-01 10:00',
        '03/05/2026 8:00 PM',
        '1772359200',
        'failed',
        'SUCCEEDED',
        '5',
        '',
      ),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(value, { minLength: 0, maxLength: 7 }), { maxLength: 12 }),
        fc.array(fc.integer({ min: 1, max: 30 }), { minLength: 1, maxLength: 4 }),
        fc.constantFrom(...BREAKS),
        async (rows, cuts, lineBreak) => {
          const cell = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
          const text = [
            'job_id,account_email,created_at,status,credits_charged,output_url',
            ...rows.map((r) => r.map(cell).join(',')),
          ].join(lineBreak);
          try {
            const { report, records } = await readAllRecords(
              splitBytes(new TextEncoder().encode(text), cuts),
              { kind: 'jobs' },
            );
            expect(report.rows).toBe(report.accepted + report.rejected + report.duplicates + report.skipped);
            expect(records).toHaveLength(report.accepted);
            expect(report.errors).toHaveLength(report.rejected);
          } catch (error) {
            // The only file-level verdict such data can earn: slash dates in the other order.
            expect(error).toBeInstanceOf(ReadError);
            expect((error as ReadError).code).toBe('mixed-date-order');
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
