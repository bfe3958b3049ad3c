import { normalizeHeader } from '../../shared/reading';
import type { ProblemChunk } from './import-records';

/** Sortable by time and readable in the history and the audit log, e.g. imp-20261125-224700-3fa2. */
export function newBatchId(now = new Date()): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  const random = Math.floor(Math.random() * 0x10000)
    .toString(16)
    .padStart(4, '0');
  return `imp-${stamp}-${random}`;
}

function csvCell(value: string | number): string {
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The error report as CSV: physical line, column, raw value, reason, severity. */
export function problemsCsv(problems: ProblemChunk['problems']): string {
  const lines = ['line,severity,column,value,reason'];
  for (const p of problems)
    lines.push([p.line, p.severity, p.column, p.value, p.reason].map(csvCell).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

/** The header set a profile is recognised by: normalised names, sorted, order-independent. */
export function headerKey(headers: readonly string[]): string {
  return headers
    .map(normalizeHeader)
    .filter((h) => h !== '')
    .sort()
    .join('|');
}
