import { describe, expect, it } from 'vitest';
import { ReadError, createDecoder, readAllRecords, sniffEncoding } from '@shared/reading/index';
import { fixtureBytes, splitBytes, tokenizeBytes } from './helpers';

const cells = (bytes: Uint8Array, sizes = [1 << 20]) =>
  tokenizeBytes(splitBytes(bytes, sizes)).rows.filter((r) => !(r.cells.length === 1 && r.cells[0] === ''));

describe('node-csv encoding files', () => {
  for (const sizes of [[1 << 20], [1], [3]]) {
    it(`UTF-16LE with BOM and CRLF (chunks ${sizes})`, () => {
      const bytes = fixtureBytes('external', 'node-csv', '365-utf16le-bom-windows.csv');
      expect(sniffEncoding(bytes)).toEqual({ encoding: 'utf-16le', bom: true });
      expect(cells(bytes, sizes).map((r) => r.cells)).toEqual([
        ['a', 'b', 'c'],
        ['1', '2', '3'],
      ]);
    });

    it(`UTF-8 with BOM and CRLF (chunks ${sizes})`, () => {
      const bytes = fixtureBytes('external', 'node-csv', '365-utf8-bom-windows.csv');
      expect(sniffEncoding(bytes)).toEqual({ encoding: 'utf-8', bom: true });
      expect(cells(bytes, sizes).map((r) => r.cells)).toEqual([
        ['a', 'b', 'c'],
        ['1', '2', '3'],
      ]);
    });
  }

  it('Latin-1 bytes fall back to Windows-1252 and read like the UTF-8 copy', () => {
    const latin = fixtureBytes('external', 'node-csv', '327.cws.csv');
    const utf8 = fixtureBytes('external', 'node-csv', '327.cws.buf.csv');
    expect(sniffEncoding(latin).encoding).toBe('windows-1252');
    expect(sniffEncoding(utf8).encoding).toBe('utf-8');
    const a = cells(latin).map((r) => r.cells);
    expect(a).toEqual(cells(utf8, [1]).map((r) => r.cells));
    expect(a.flat().join(' ')).toContain('Acentuação');
  });

  it('an empty quoted header cell is a header with one unnamed column', () => {
    const { rows } = tokenizeBytes([fixtureBytes('external', 'node-csv', '399.csv')]);
    expect(rows.map((r) => [r.cells, r.line])).toEqual([
      [[''], 1],
      [['value'], 2],
      [[''], 3],
    ]);
  });

  it('PapaParse UTF-8 BOM sample keeps its first header name clean', () => {
    const rows = cells(fixtureBytes('external', 'papaparse', 'utf-8-bom-sample.csv'));
    expect(rows[0]!.cells[0]!.charCodeAt(0)).not.toBe(0xfeff);
  });
});

describe('decoding', () => {
  it('maps Windows-1252 0x80–0x9F to their characters, not C1 controls', () => {
    const d = createDecoder('windows-1252');
    expect(d.decode(new Uint8Array([0x80, 0x93, 0x94, 0xe9, 0x41]))).toBe('€“”éA');
  });

  it('reads UTF-16BE with a BOM', () => {
    const text = 'a,b\r\n1,é\r\n';
    const bytes = new Uint8Array(2 + text.length * 2);
    bytes.set([0xfe, 0xff]);
    for (let i = 0; i < text.length; i++) {
      bytes[2 + i * 2] = text.charCodeAt(i) >> 8;
      bytes[3 + i * 2] = text.charCodeAt(i) & 0xff;
    }
    expect(cells(bytes, [3]).map((r) => r.cells)).toEqual([
      ['a', 'b'],
      ['1', 'é'],
    ]);
  });

  it('decodes UTF-8 in any chunking exactly as one whole decode, ASCII fast path included', () => {
    let seed = 12345;
    const random = (n: number): number => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return seed % n;
    };
    const pieces = ['abc,def\n', 'é', '€', '😀', '\uFEFF', 'plain ascii text, longer than four bytes'];
    const encoder = new TextEncoder();
    for (let round = 0; round < 300; round++) {
      const parts: Uint8Array[] = [];
      if (random(3) === 0) parts.push(new Uint8Array([0xef, 0xbb, 0xbf]));
      for (let i = random(12); i >= 0; i--) {
        // Now and then a byte that is invalid on its own: a lone lead or continuation byte.
        if (random(8) === 0) parts.push(new Uint8Array([random(2) === 0 ? 0xe2 : 0x80]));
        else parts.push(encoder.encode(pieces[random(pieces.length)]!));
      }
      const bytes = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
      let at = 0;
      for (const p of parts) {
        bytes.set(p, at);
        at += p.length;
      }
      const expected = new TextDecoder('utf-8').decode(bytes);
      const decoder = createDecoder('utf-8');
      let text = '';
      for (let from = 0; from < bytes.length;) {
        const to = Math.min(bytes.length, from + 1 + random(random(2) === 0 ? 9 : 40));
        // Offsets that are not multiples of 4 exercise the word-at-a-time ASCII check's edges.
        text += decoder.decode(bytes.subarray(from, to));
        from = to;
      }
      text += decoder.end();
      expect(text).toBe(expected);
      expect(decoder.replacedInvalid).toBe(expected.includes('\uFFFD'));
    }
  });

  it('joins a UTF-8 character cut between two chunks', () => {
    const bytes = new TextEncoder().encode('h\nAcentuação€\n');
    expect(cells(bytes, [1]).map((r) => r.cells)).toEqual([['h'], ['Acentuação€']]);
  });

  it('invalid UTF-8 after the sniffed block is replaced and flagged on its row', async () => {
    const head = 'job_id,account_email,created_at,status\n';
    const good = Array.from(
      { length: 40_000 },
      (_, i) => `j${i},a@x.test,2026-03-01T00:00:00Z,failed\n`,
    ).join('');
    const bytes = new Uint8Array([
      ...new TextEncoder().encode(head + good),
      ...new TextEncoder().encode('late,caf'),
      0xe9,
      ...new TextEncoder().encode('@x.test,2026-03-01T00:00:00Z,failed\n'),
    ]);
    const { report, problems } = await readAllRecords(splitBytes(bytes, [65536]));
    expect(report.encoding).toBe('utf-8');
    expect(report.invalidBytesReplaced).toBe(true);
    expect(report.accepted).toBe(40_001);
    expect(problems.filter((p) => p.severity === 'warning').map((p) => p.line)).toEqual([40_002]);
  });

  it('NUL bytes without a BOM are a binary file', () => {
    expect(() => sniffEncoding(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00]), 'x.zip')).toThrowError(
      ReadError,
    );
    expect(() => sniffEncoding(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00]), 'x.zip')).toThrow(
      /x\.zip: .*binary/,
    );
  });
});
