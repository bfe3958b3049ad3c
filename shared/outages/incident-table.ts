import type { JobStatus } from '../domain/records';
import type { ErrorClass } from '../policy/types';
import type { DecisionState } from '../review/decision';
import { CLASS_CODE, FAILURE_CLASSES } from './failure-class';
import type { AccountImpact, AffectedRow, IncidentReport, RequestOnJob } from './incident-report';
import type { ProactiveCandidate } from './proactive';

/** A proactive credit-back already decided for a row, as the incident page shows it. */
export interface ProactiveMark {
  requestId: string;
  state: DecisionState;
}

/**
 * Strings of a column end to end, with where each ends: structured cloning copies one string
 * instead of making 10,000, and the page slices out only the cells it shows.
 */
export interface StringColumn {
  text: string;
  ends: Uint32Array;
}

export function stringColumn(values: readonly string[]): StringColumn {
  const ends = new Uint32Array(values.length);
  let at = 0;
  values.forEach((value, i) => {
    at += value.length;
    ends[i] = at;
  });
  return { text: values.join(''), ends };
}

export function cell(column: StringColumn, index: number): string {
  return column.text.slice(index === 0 ? 0 : column.ends[index - 1], column.ends[index]);
}

const RESTORED = 1;
const EXPORTED = 2;
const ELIGIBLE = 4;

/**
 * An incident's affected rows as columns, in report order. Handing 10,000 AffectedRow objects
 * (each with its job, requests and decision) from the worker to the page cost hundreds of
 * milliseconds of structured cloning and the page shows a screenful of them; a few strings and
 * typed arrays clone in a few milliseconds. Requests and proactive decisions are rare, so they
 * are kept by row index.
 */
export interface IncidentTable {
  length: number;
  jobId: StringColumn;
  accountEmail: StringColumn;
  /** Empty when equal to accountEmail. */
  accountEmailRaw: StringColumn;
  createdAt: Float64Array;
  status: StringColumn;
  errorCode: StringColumn;
  errorMessage: StringColumn;
  /** CLASS_CODE of the row's error class. */
  errorClass: Uint8Array;
  charged: Float64Array;
  /** Bits: 1 restored, 2 exported, 4 eligible for a proactive credit-back. */
  flags: Uint8Array;
  requests: Map<number, readonly RequestOnJob[]>;
  proactive: Map<number, ProactiveMark>;
}

/** The accounts of a report as columns, in report order. */
export interface AccountTable {
  length: number;
  accountEmail: StringColumn;
  /** jobs, creditsAtStake, requested, restored, eligibleJobs, eligibleCredits per account. */
  numbers: Float64Array;
}

const ACCOUNT_NUMBERS = [
  'jobs',
  'creditsAtStake',
  'requested',
  'restored',
  'eligibleJobs',
  'eligibleCredits',
] as const satisfies readonly (keyof AccountImpact)[];

export function accountTable(accounts: readonly AccountImpact[]): AccountTable {
  const numbers = new Float64Array(accounts.length * ACCOUNT_NUMBERS.length);
  accounts.forEach((account, i) =>
    ACCOUNT_NUMBERS.forEach((name, j) => (numbers[i * ACCOUNT_NUMBERS.length + j] = account[name])),
  );
  return {
    length: accounts.length,
    accountEmail: stringColumn(accounts.map((a) => a.accountEmail)),
    numbers,
  };
}

export function accountAt(table: AccountTable, index: number): AccountImpact {
  const base = index * ACCOUNT_NUMBERS.length;
  const at = (j: number) => table.numbers[base + j] as number;
  return {
    accountEmail: cell(table.accountEmail, index),
    jobs: at(0),
    creditsAtStake: at(1),
    requested: at(2),
    restored: at(3),
    eligibleJobs: at(4),
    eligibleCredits: at(5),
  };
}

/** What the incident page shows: the report with its rows and accounts as columns. */
export type CompactReport = Omit<IncidentReport, 'rows' | 'accounts'> & {
  table: IncidentTable;
  accounts: AccountTable;
};

export function incidentTable(rows: readonly AffectedRow[]): IncidentTable {
  const length = rows.length;
  const text = (pick: (row: AffectedRow) => string) => stringColumn(rows.map(pick));
  const table: IncidentTable = {
    length,
    jobId: text((row) => row.job.jobId),
    accountEmail: text((row) => row.job.accountEmail),
    accountEmailRaw: text((row) =>
      row.job.accountEmailRaw === row.job.accountEmail ? '' : row.job.accountEmailRaw,
    ),
    createdAt: Float64Array.from(rows, (row) => row.job.createdAt),
    status: text((row) => row.job.status),
    errorCode: text((row) => row.job.errorCode),
    errorMessage: text((row) => row.job.errorMessage),
    errorClass: Uint8Array.from(rows, (row) => CLASS_CODE[row.errorClass]),
    charged: Float64Array.from(rows, (row) => row.charged),
    flags: Uint8Array.from(
      rows,
      (row) => (row.restored ? RESTORED : 0) | (row.exported ? EXPORTED : 0) | (row.eligible ? ELIGIBLE : 0),
    ),
    requests: new Map(),
    proactive: new Map(),
  };
  rows.forEach((row, i) => {
    if (row.requests.length > 0) table.requests.set(i, row.requests);
    if (row.proactive)
      table.proactive.set(i, { requestId: row.proactive.requestId, state: row.proactive.state });
  });
  return table;
}

export function compactReport(report: IncidentReport): CompactReport {
  const { rows, accounts, ...rest } = report;
  return { ...rest, table: incidentTable(rows), accounts: accountTable(accounts) };
}

/** One row of the table, as the page reads it. */
export interface TableRow {
  index: number;
  jobId: string;
  accountEmail: string;
  accountEmailRaw: string;
  createdAt: number;
  status: JobStatus;
  errorCode: string;
  errorMessage: string;
  errorClass: ErrorClass;
  charged: number;
  restored: boolean;
  exported: boolean;
  eligible: boolean;
  requests: readonly RequestOnJob[];
  proactive: ProactiveMark | null;
}

export function tableRow(table: IncidentTable, index: number): TableRow {
  const flags = table.flags[index] as number;
  const email = cell(table.accountEmail, index);
  return {
    index,
    jobId: cell(table.jobId, index),
    accountEmail: email,
    accountEmailRaw: cell(table.accountEmailRaw, index) || email,
    createdAt: table.createdAt[index] as number,
    status: cell(table.status, index) as JobStatus,
    errorCode: cell(table.errorCode, index),
    errorMessage: cell(table.errorMessage, index),
    errorClass: FAILURE_CLASSES[table.errorClass[index] as number] ?? 'unknown',
    charged: table.charged[index] as number,
    restored: (flags & RESTORED) !== 0,
    exported: (flags & EXPORTED) !== 0,
    eligible: (flags & ELIGIBLE) !== 0,
    requests: table.requests.get(index) ?? [],
    proactive: table.proactive.get(index) ?? null,
  };
}

/** Rows that may be credited proactively, minus the ones the support lead unticked. */
export function selectedCandidates(
  table: IncidentTable,
  deselected: ReadonlySet<string>,
): ProactiveCandidate[] {
  const out: ProactiveCandidate[] = [];
  for (let i = 0; i < table.length; i++) {
    if (((table.flags[i] as number) & ELIGIBLE) === 0) continue;
    const jobId = cell(table.jobId, i);
    if (deselected.has(jobId)) continue;
    out.push({
      job: { jobId, accountEmail: cell(table.accountEmail, i) },
      charged: table.charged[i] as number,
      eligible: true,
    });
  }
  return out;
}

/** How many rows selectedCandidates gives, without making them (nothing unticked: no slicing). */
export function selectedCount(table: IncidentTable, deselected: ReadonlySet<string>): number {
  let n = 0;
  for (let i = 0; i < table.length; i++)
    if (
      ((table.flags[i] as number) & ELIGIBLE) !== 0 &&
      (deselected.size === 0 || !deselected.has(cell(table.jobId, i)))
    )
      n++;
  return n;
}
