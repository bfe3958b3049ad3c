import type { JobStatus } from '../domain/records';
import type { ErrorClass } from '../policy/types';
import type { DecisionState } from '../review/decision';
import { CLASS_CODE, FAILURE_CLASSES } from './failure-class';
import type { AffectedRow, IncidentReport, RequestOnJob } from './incident-report';
import type { ProactiveCandidate } from './proactive';

/** A proactive credit-back already decided for a row, as the incident page shows it. */
export interface ProactiveMark {
  requestId: string;
  state: DecisionState;
}

const RESTORED = 1;
const EXPORTED = 2;
const ELIGIBLE = 4;

/**
 * An incident's affected rows as columns, in report order. Handing 10,000 AffectedRow objects
 * (each with its job, requests and decision) from the worker to the page cost hundreds of
 * milliseconds of structured cloning; a few arrays of strings and numbers cost a few. Requests
 * and proactive decisions are rare, so they are kept by row index.
 */
export interface IncidentTable {
  length: number;
  jobId: string[];
  accountEmail: string[];
  /** Empty when equal to accountEmail. */
  accountEmailRaw: string[];
  createdAt: Float64Array;
  status: JobStatus[];
  errorCode: string[];
  errorMessage: string[];
  /** CLASS_CODE of the row's error class. */
  errorClass: Uint8Array;
  charged: Float64Array;
  /** Bits: 1 restored, 2 exported, 4 eligible for a proactive credit-back. */
  flags: Uint8Array;
  requests: Map<number, readonly RequestOnJob[]>;
  proactive: Map<number, ProactiveMark>;
}

/** What the incident page shows: the report with its rows as columns. */
export type CompactReport = Omit<IncidentReport, 'rows'> & { table: IncidentTable };

export function incidentTable(rows: readonly AffectedRow[]): IncidentTable {
  const length = rows.length;
  const table: IncidentTable = {
    length,
    jobId: new Array<string>(length),
    accountEmail: new Array<string>(length),
    accountEmailRaw: new Array<string>(length),
    createdAt: new Float64Array(length),
    status: new Array<JobStatus>(length),
    errorCode: new Array<string>(length),
    errorMessage: new Array<string>(length),
    errorClass: new Uint8Array(length),
    charged: new Float64Array(length),
    flags: new Uint8Array(length),
    requests: new Map(),
    proactive: new Map(),
  };
  rows.forEach((row, i) => {
    const { job } = row;
    table.jobId[i] = job.jobId;
    table.accountEmail[i] = job.accountEmail;
    table.accountEmailRaw[i] = job.accountEmailRaw === job.accountEmail ? '' : job.accountEmailRaw;
    table.createdAt[i] = job.createdAt;
    table.status[i] = job.status;
    table.errorCode[i] = job.errorCode;
    table.errorMessage[i] = job.errorMessage;
    table.errorClass[i] = CLASS_CODE[row.errorClass];
    table.charged[i] = row.charged;
    table.flags[i] =
      (row.restored ? RESTORED : 0) | (row.exported ? EXPORTED : 0) | (row.eligible ? ELIGIBLE : 0);
    if (row.requests.length > 0) table.requests.set(i, row.requests);
    if (row.proactive)
      table.proactive.set(i, { requestId: row.proactive.requestId, state: row.proactive.state });
  });
  return table;
}

export function compactReport(report: IncidentReport): CompactReport {
  const { rows, ...rest } = report;
  return { ...rest, table: incidentTable(rows) };
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
  const email = table.accountEmail[index] as string;
  return {
    index,
    jobId: table.jobId[index] as string,
    accountEmail: email,
    accountEmailRaw: table.accountEmailRaw[index] || email,
    createdAt: table.createdAt[index] as number,
    status: table.status[index] as JobStatus,
    errorCode: table.errorCode[index] as string,
    errorMessage: table.errorMessage[index] as string,
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
    const jobId = table.jobId[i] as string;
    if (deselected.has(jobId)) continue;
    out.push({
      job: { jobId, accountEmail: table.accountEmail[i] as string },
      charged: table.charged[i] as number,
      eligible: true,
    });
  }
  return out;
}
