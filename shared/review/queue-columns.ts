import type { Flag, Outcome } from '../policy/types';
import type { QueueBase } from './queue';

/**
 * The queue's rows as columns, for the suggestions worker's reply. The page deserializes a posted
 * message on its main thread: 24,000 row objects, each with two arrays, made a long task of
 * 300–700 ms there, whereas a dozen columns are a few flat arrays. Most rows have no flag and no
 * outage, so those two lists are kept only for the rows that have any.
 */
export interface QueueColumns {
  requestIds: string[];
  accountEmails: string[];
  receivedAt: Float64Array;
  jobIds: (string | null)[];
  outcomes: Outcome[];
  /** NaN stands for null. */
  credits: Float64Array;
  /** NaN stands for null. */
  amountMinor: Float64Array;
  currencies: (string | null)[];
  newEvidence: Uint8Array;
  lists: { row: number; flags: readonly Flag[]; outageIds: readonly string[] }[];
}

const NONE: readonly never[] = Object.freeze([]);

const orNaN = (value: number | null): number => value ?? Number.NaN;
const orNull = (value: number | undefined): number | null =>
  value === undefined || Number.isNaN(value) ? null : value;

export function queueColumns(bases: readonly QueueBase[]): QueueColumns {
  const n = bases.length;
  const columns: QueueColumns = {
    requestIds: new Array<string>(n),
    accountEmails: new Array<string>(n),
    receivedAt: new Float64Array(n),
    jobIds: new Array<string | null>(n),
    outcomes: new Array<Outcome>(n),
    credits: new Float64Array(n),
    amountMinor: new Float64Array(n),
    currencies: new Array<string | null>(n),
    newEvidence: new Uint8Array(n),
    lists: [],
  };
  bases.forEach((base, row) => {
    columns.requestIds[row] = base.requestId;
    columns.accountEmails[row] = base.accountEmail;
    columns.receivedAt[row] = base.receivedAt;
    columns.jobIds[row] = base.jobId;
    columns.outcomes[row] = base.suggestedOutcome;
    columns.credits[row] = orNaN(base.credits);
    columns.amountMinor[row] = orNaN(base.amountMinor);
    columns.currencies[row] = base.currency;
    columns.newEvidence[row] = base.newEvidence ? 1 : 0;
    if (base.flags.length > 0 || base.outageIds.length > 0) {
      columns.lists.push({ row, flags: base.flags, outageIds: base.outageIds });
    }
  });
  return columns;
}

export function queueBasesOf(columns: QueueColumns): QueueBase[] {
  const lists = new Map(columns.lists.map((list) => [list.row, list]));
  return columns.requestIds.map((requestId, row) => {
    const list = lists.get(row);
    return {
      requestId,
      accountEmail: columns.accountEmails[row] as string,
      receivedAt: columns.receivedAt[row] as number,
      jobId: columns.jobIds[row] ?? null,
      suggestedOutcome: columns.outcomes[row] as Outcome,
      credits: orNull(columns.credits[row]),
      amountMinor: orNull(columns.amountMinor[row]),
      currency: columns.currencies[row] ?? null,
      flags: list?.flags ?? NONE,
      outageIds: list?.outageIds ?? NONE,
      newEvidence: columns.newEvidence[row] === 1,
    };
  });
}
