import Papa from 'papaparse';
import { OUTCOMES } from '../policy/types';
import { csvLine, isUnguardedFormula } from './csv-cells';
import { DECISION_EXPORT_COLUMNS, NUMERIC_COLUMNS, type DecisionPeriod } from './decision-export';

const ISO_MS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const KNOWN_OUTCOMES = new Set<string>(OUTCOMES);

export interface DecisionCsvCheck {
  problems: string[];
  /** Data rows (header excluded), for showing the contents as a table. */
  rows: string[][];
}

/** Every field of a decision export, the formula guard, and that the bytes are the canonical CSV. */
export function checkDecisionCsv(text: string, period: DecisionPeriod | null): DecisionCsvCheck {
  const problems: string[] = [];
  const parsed = Papa.parse<string[]>(text, { header: false, skipEmptyLines: false, newline: '\n' });
  const records = parsed.data;
  // The trailing LF leaves one empty record behind; anything else empty is a damaged file.
  if (
    records.length > 0 &&
    records[records.length - 1]!.length === 1 &&
    records[records.length - 1]![0] === ''
  ) {
    records.pop();
  }
  const [header, ...rows] = records;
  if (!text.endsWith('\n')) problems.push('the file does not end with a line feed');
  if (!header || header.join(',') !== DECISION_EXPORT_COLUMNS.join(',')) {
    problems.push(`the header is not "${DECISION_EXPORT_COLUMNS.join(',')}"`);
    return { problems, rows };
  }
  rows.forEach((cells, index) => {
    const line = index + 2;
    if (cells.length !== DECISION_EXPORT_COLUMNS.length) {
      problems.push(`line ${line}: ${cells.length} cells, expected ${DECISION_EXPORT_COLUMNS.length}`);
      return;
    }
    const cell = (column: (typeof DECISION_EXPORT_COLUMNS)[number]) =>
      cells[DECISION_EXPORT_COLUMNS.indexOf(column)]!;
    DECISION_EXPORT_COLUMNS.forEach((column, i) => {
      if (!NUMERIC_COLUMNS.has(column) && isUnguardedFormula(cells[i]!)) {
        problems.push(`line ${line}: ${column} starts with a formula character and is not guarded with '`);
      }
    });
    if (!cell('request_id')) problems.push(`line ${line}: request_id is empty`);
    if (!KNOWN_OUTCOMES.has(cell('outcome')))
      problems.push(`line ${line}: outcome "${cell('outcome')}" is not a known outcome`);
    if (cell('suggested_outcome') && !KNOWN_OUTCOMES.has(cell('suggested_outcome'))) {
      problems.push(`line ${line}: suggested_outcome "${cell('suggested_outcome')}" is not a known outcome`);
    }
    if (cell('credits') && !/^\d+$/.test(cell('credits')))
      problems.push(`line ${line}: credits is not a whole number`);
    if (cell('amount') && !/^\d+(\.\d+)?$/.test(cell('amount')))
      problems.push(`line ${line}: amount is not a number`);
    if (cell('rule') && !/^[1-9]$/.test(cell('rule'))) problems.push(`line ${line}: rule is not 1 to 9`);
    if (cell('currency') && !/^[A-Z]{3}$/.test(cell('currency')))
      problems.push(`line ${line}: currency is not an ISO code`);
    if (!cell('decided_by')) problems.push(`line ${line}: decided_by is empty`);
    if (cell('approved_by') && cell('approved_by').toLowerCase() === cell('decided_by').toLowerCase()) {
      problems.push(`line ${line}: approved_by is the same reviewer as decided_by`);
    }
    for (const column of ['received_at', 'decided_at'] as const) {
      const value = cell(column);
      if ((value || column === 'decided_at') && !isInstant(value)) {
        problems.push(`line ${line}: ${column} "${value}" is not an ISO 8601 UTC instant`);
      }
    }
    const day = cell('decided_at').slice(0, 10);
    if (period && isInstant(cell('decided_at')) && (day < period.from || day > period.to)) {
      problems.push(`line ${line}: decided on ${day}, outside the period ${period.from} to ${period.to}`);
    }
  });
  if (problems.length === 0) {
    const canonical = `${[DECISION_EXPORT_COLUMNS.join(','), ...rows.map(csvLine)].join('\n')}\n`;
    if (canonical !== text)
      problems.push('the bytes are not the canonical CSV (LF line ends, minimal quoting)');
  }
  return { problems, rows };
}

/** `decisions-<from>-<to>.csv` names its period; another name gives no period to check. */
export function periodFromFileName(fileName: string): DecisionPeriod | null {
  const match = /(?:^|[\\/])decisions-(\d{4}-\d{2}-\d{2})-(\d{4}-\d{2}-\d{2})\.csv$/.exec(fileName);
  return match ? { from: match[1]!, to: match[2]! } : null;
}

function isInstant(value: string): boolean {
  return (
    ISO_MS.test(value) && !Number.isNaN(new Date(value).getTime()) && new Date(value).toISOString() === value
  );
}
