import { describe, expect, it } from 'vitest';
import { splitBytes, tokenizeBytes } from './helpers';

/** Counterexamples the property test found once; kept as fixed cases, cut one unit at a time. */
describe('tokenizer: line breaks split across pushes', () => {
  const cases: { name: string; text: string; rows: string[][]; lines: number[] }[] = [
    {
      name: 'CR rows, then a CRLF whose LF arrives in a later push',
      text: 'a,b\r"x\ny",z\r\nc,d',
      rows: [
        ['a', 'b'],
        ['x\ny', 'z'],
        ['c', 'd'],
      ],
      lines: [1, 2, 4],
    },
    {
      name: 'CRLF rows, a CR inside the last quoted cell, then a bare LF ending the file',
      text: 'a|b\r\n"p|"|"q\nr"\r\nx|"""y""\r"\n',
      rows: [
        ['a', 'b'],
        ['p|', 'q\nr'],
        ['x', '"y"\r'],
      ],
      lines: [1, 2, 4],
    },
    {
      name: 'CRLF file ending on a lone CR',
      text: 'a,b\r\n1,2\r\n3,4\r',
      rows: [
        ['a', 'b'],
        ['1', '2'],
        ['3', '4'],
      ],
      lines: [1, 2, 3],
    },
  ];
  for (const c of cases) {
    for (const utf16 of [false, true]) {
      it(`${c.name}${utf16 ? ' (UTF-16, empty decodes between bytes)' : ''}`, () => {
        const bytes = utf16 ? utf16le(c.text) : new TextEncoder().encode(c.text);
        const { rows } = tokenizeBytes(splitBytes(bytes, [1]), { sniffChars: 8 });
        const kept = rows.filter((r) => !(r.cells.length === 1 && r.cells[0] === ''));
        expect(kept.map((r) => r.cells)).toEqual(c.rows);
        expect(kept.map((r) => r.line)).toEqual(c.lines);
        expect(kept.every((r) => r.error === null)).toBe(true);
      });
    }
  }
});

function utf16le(text: string): Uint8Array {
  const out = new Uint8Array(2 + text.length * 2);
  out.set([0xff, 0xfe]);
  for (let i = 0; i < text.length; i++) {
    out[2 + i * 2] = text.charCodeAt(i) & 0xff;
    out[3 + i * 2] = text.charCodeAt(i) >> 8;
  }
  return out;
}
