/** Characters that make a spreadsheet treat a cell as a formula (OWASP CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;

/** Text cells only: a leading `'` makes the spreadsheet show the text instead of running it. */
export function guardFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

export function isUnguardedFormula(text: string): boolean {
  return FORMULA_START.test(text);
}

/** RFC 4180 quoting: only cells holding a comma, quote or line break are quoted. */
export function quoteCsvCell(cell: string): string {
  return /[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

export function csvLine(cells: readonly string[]): string {
  return cells.map(quoteCsvCell).join(',');
}
