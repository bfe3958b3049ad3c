import { describe, expect, it } from 'vitest';
import {
  countQueue,
  DEFAULT_SORT,
  EMPTY_FILTER,
  otherRequestsOf,
  queryQueue,
  type QueueRow,
} from '@shared/review/queue';

function row(overrides: Partial<QueueRow> & { requestId: string }): QueueRow {
  return {
    accountEmail: 'ana@example.com',
    receivedAt: 1_000,
    jobId: null,
    suggestedOutcome: 'credit_back',
    decidedOutcome: null,
    credits: null,
    amountMinor: null,
    currency: null,
    flags: [],
    outageIds: [],
    state: 'suggested',
    newEvidence: false,
    ...overrides,
  };
}

const ROWS: QueueRow[] = [
  row({
    requestId: 'REQ-3',
    receivedAt: 3_000,
    credits: 900,
    flags: ['four_eyes'],
    jobId: 'job-9',
    state: 'decided',
  }),
  row({
    requestId: 'REQ-1',
    receivedAt: 1_000,
    credits: 40,
    jobId: 'job-1',
    outageIds: ['INC-1'],
    flags: ['outage'],
  }),
  row({
    requestId: 'REQ-2',
    receivedAt: 2_000,
    suggestedOutcome: 'deny_subjective',
    accountEmail: 'bo@example.com',
    jobId: 'job-2',
    state: 'approved',
  }),
  row({
    requestId: 'REQ-4',
    receivedAt: 2_000,
    suggestedOutcome: 'needs_info',
    accountEmail: 'cy@example.com',
    newEvidence: true,
    outageIds: ['INC-2'],
  }),
];
const ids = (rows: QueueRow[]) => rows.map((r) => r.requestId);

describe('queue filters', () => {
  it('with no filter lists every request in received order, ties by request id', () => {
    expect(ids(queryQueue(ROWS, EMPTY_FILTER, DEFAULT_SORT))).toEqual(['REQ-1', 'REQ-2', 'REQ-4', 'REQ-3']);
  });

  it('ORs values within a dimension and ANDs dimensions', () => {
    const f = {
      ...EMPTY_FILTER,
      outcomes: ['credit_back', 'needs_info'] as const,
      states: ['suggested'] as const,
    };
    expect(
      ids(queryQueue(ROWS, { ...f, outcomes: [...f.outcomes], states: [...f.states] }, DEFAULT_SORT)),
    ).toEqual(['REQ-1', 'REQ-4']);
  });

  it('filters by flag, new evidence, outage and received date', () => {
    expect(ids(queryQueue(ROWS, { ...EMPTY_FILTER, flags: ['four_eyes'] }, DEFAULT_SORT))).toEqual(['REQ-3']);
    expect(ids(queryQueue(ROWS, { ...EMPTY_FILTER, flags: ['new_evidence'] }, DEFAULT_SORT))).toEqual([
      'REQ-4',
    ]);
    expect(ids(queryQueue(ROWS, { ...EMPTY_FILTER, outage: 'any' }, DEFAULT_SORT))).toEqual([
      'REQ-1',
      'REQ-4',
    ]);
    expect(ids(queryQueue(ROWS, { ...EMPTY_FILTER, outage: 'INC-2' }, DEFAULT_SORT))).toEqual(['REQ-4']);
    const window = { ...EMPTY_FILTER, receivedFrom: 2_000, receivedTo: 3_000 };
    expect(ids(queryQueue(ROWS, window, DEFAULT_SORT))).toEqual(['REQ-2', 'REQ-4']);
  });

  it('searches request ids and job ids by prefix and emails by substring, ignoring case', () => {
    expect(ids(queryQueue(ROWS, { ...EMPTY_FILTER, search: 'req-2' }, DEFAULT_SORT))).toEqual(['REQ-2']);
    expect(ids(queryQueue(ROWS, { ...EMPTY_FILTER, search: 'JOB-9' }, DEFAULT_SORT))).toEqual(['REQ-3']);
    expect(ids(queryQueue(ROWS, { ...EMPTY_FILTER, search: 'cy@' }, DEFAULT_SORT))).toEqual(['REQ-4']);
    expect(ids(queryQueue(ROWS, { ...EMPTY_FILTER, search: 'nobody' }, DEFAULT_SORT))).toEqual([]);
  });
});

describe('queue sorting and counts', () => {
  it('sorts by credits and state, both ways, with request id breaking ties', () => {
    expect(ids(queryQueue(ROWS, EMPTY_FILTER, { key: 'credits', descending: true }))).toEqual([
      'REQ-3',
      'REQ-1',
      'REQ-4',
      'REQ-2',
    ]);
    expect(ids(queryQueue(ROWS, EMPTY_FILTER, { key: 'state', descending: false }))).toEqual([
      'REQ-1',
      'REQ-4',
      'REQ-3',
      'REQ-2',
    ]);
    expect(ids(queryQueue(ROWS, EMPTY_FILTER, { key: 'request', descending: true }))).toEqual([
      'REQ-4',
      'REQ-3',
      'REQ-2',
      'REQ-1',
    ]);
    expect(ids(queryQueue(ROWS, EMPTY_FILTER, { key: 'email', descending: false }))).toEqual([
      'REQ-1',
      'REQ-3',
      'REQ-2',
      'REQ-4',
    ]);
  });

  it('counts each outcome and state', () => {
    expect(countQueue(ROWS)).toEqual({
      total: 4,
      byOutcome: { credit_back: 2, deny_subjective: 1, needs_info: 1 },
      byState: { suggested: 2, decided: 1, approved: 1, exported: 0 },
      newEvidence: 1,
    });
  });

  it('does not reorder the input', () => {
    const before = ids(ROWS);
    queryQueue(ROWS, EMPTY_FILTER, { key: 'credits', descending: true });
    expect(ids(ROWS)).toEqual(before);
  });
});

describe("the account's other requests", () => {
  it('are the queue rows of the same account, without the open one, in received order', () => {
    const rows = [
      ...ROWS,
      row({ requestId: 'REQ-9', receivedAt: 500 }),
      row({ requestId: 'REQ-8', receivedAt: 3_000 }),
    ];
    expect(ids(otherRequestsOf(rows, { requestId: 'REQ-1', accountEmail: 'ana@example.com' }))).toEqual([
      'REQ-9',
      'REQ-3',
      'REQ-8',
    ]);
    expect(otherRequestsOf(ROWS, { requestId: 'REQ-4', accountEmail: 'cy@example.com' })).toEqual([]);
  });
});
