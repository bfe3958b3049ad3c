/** How a file ends its rows, judged outside quoted fields only. */
export type LineEnding = 'lf' | 'crlf' | 'cr' | 'mixed';

export type Newline = '\n' | '\r\n' | '\r';

/**
 * Looks at the row terminators of a block of text, skipping line breaks inside quoted fields
 * (Excel writes CRLF between rows but a bare LF inside a cell, which is not "mixed").
 */
export function sniffLineEnding(text: string, quoteChar = '"'): LineEnding {
  let lf = 0;
  let crlf = 0;
  let cr = 0;
  let inQuotes = false;
  const quote = quoteChar.charCodeAt(0);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === quote) inQuotes = !inQuotes;
    else if (inQuotes) continue;
    else if (c === 10) lf++;
    else if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) {
        crlf++;
        i++;
      } else if (i + 1 < text.length) cr++;
    }
  }
  const kinds = (lf > 0 ? 1 : 0) + (crlf > 0 ? 1 : 0) + (cr > 0 ? 1 : 0);
  if (kinds > 1) return 'mixed';
  if (crlf > 0) return 'crlf';
  if (cr > 0) return 'cr';
  return 'lf';
}

/**
 * Rewrites every CR LF and lone CR that is outside quotes to LF, leaving quoted cells exactly
 * as written. Must start at a row boundary (outside quotes). A CR at the very end is kept
 * back in `heldCr` when more text may follow, because it may be the first half of a CR LF.
 * Cost is proportional to the number of quotes and CRs, not characters, when no CR exists.
 */
export function normalizeRowBreaks(
  text: string,
  final: boolean,
  quoteChar = '"',
): { text: string; heldCr: boolean } {
  if (text.indexOf('\r') === -1) return { text, heldCr: false };
  const parts: string[] = [];
  let start = 0;
  let pos = 0;
  let inQuotes = false;
  let heldCr = false;
  for (;;) {
    const nextCr = text.indexOf('\r', pos);
    if (nextCr === -1) break;
    // Walk the quotes before this CR to learn whether it sits inside a quoted cell.
    let q = text.indexOf(quoteChar, pos);
    while (q !== -1 && q < nextCr) {
      inQuotes = !inQuotes;
      q = text.indexOf(quoteChar, q + 1);
    }
    pos = nextCr + 1;
    if (inQuotes) continue;
    parts.push(text.substring(start, nextCr));
    if (text.charCodeAt(nextCr + 1) === 10) {
      start = nextCr + 1;
      pos = nextCr + 2;
    } else if (nextCr === text.length - 1 && !final) {
      heldCr = true;
      start = text.length;
    } else {
      parts.push('\n');
      start = nextCr + 1;
    }
  }
  parts.push(text.substring(start));
  return { text: parts.join(''), heldCr };
}

/** Physical line breaks inside one cell: CR LF, lone CR and lone LF each count once. */
export function countLineBreaks(cell: string): number {
  let n = 0;
  let i = cell.indexOf('\n');
  while (i !== -1) {
    n++;
    i = cell.indexOf('\n', i + 1);
  }
  i = cell.indexOf('\r');
  while (i !== -1) {
    if (cell.charCodeAt(i + 1) !== 10) n++;
    i = cell.indexOf('\r', i + 1);
  }
  return n;
}
