/// <reference lib="webworker" />
import type { Job, LedgerEntry, Outage } from '../../../shared/domain/records';
import {
  CLASS_CODE,
  HOUR_MS,
  MINUTE_MS,
  RUN_LOOKBACK_MS,
  anomalyMarks,
  bucketCount,
  bucketFailures,
  failureClass,
  incidentReport,
  incidentSpan,
  incidentSpans,
  selectAffectedJobs,
  type FailureSeries,
} from '../../../shared/outages';
import { compileSettings, type CompiledSettings } from '../../../shared/policy/compiled-settings';
import { lowerBound } from '../../../shared/policy/order';
import { ReviewDeskDb } from '../../data/db';
import {
  compensationRecords,
  hourBlocks,
  importStamp,
  ledgerForJobs,
  newestTimestamp,
  pairKey,
} from '../../data/outage-queries';
import { BUCKETS, groupKey, tupleToJob } from '../../data/row-blocks';
import type { IncidentResult, Overview, OutagesReply, OutagesRequest } from './outages-messages';

/**
 * The Outages page's reads and sums, off the UI thread. The failed jobs of every hour are read
 * once per import state and kept as columns (time, class) for the chart and as jobs, sorted by
 * time, for incident windows; the ledger rows of failed jobs are read in the background after
 * the chart is out, so that opening an incident later is a lookup.
 */
const db = new ReviewDeskDb();
const scope = self as unknown as DedicatedWorkerGlobalScope;

interface State {
  key: string;
  compiled: CompiledSettings;
  outages: Outage[];
  /** Sorted by created_at. */
  failures: Job[];
  times: Float64Array;
  classes: Uint8Array;
  latest: number | null;
  ledger: Promise<Map<string, LedgerEntry[]>> | null;
  jobsPerHourMap: Map<number, number>;
}

let state: State | null = null;

async function overview(request: Extract<OutagesRequest, { type: 'overview' }>): Promise<Overview> {
  const started = performance.now();
  const stamp = await importStamp(db);
  const key = `${stamp}|${request.settingsSha256}`;
  const compiled = compileSettings(request.settings);
  if (state === null || state.key !== key) {
    const blocks = await hourBlocks(db);
    const failures = blocks.failures.map(tupleToJob).sort((a, b) => a.createdAt - b.createdAt);
    const times = new Float64Array(failures.length);
    const classes = new Uint8Array(failures.length);
    failures.forEach((job, i) => {
      times[i] = job.createdAt;
      classes[i] = CLASS_CODE[failureClass(job, compiled, false)];
    });
    state = {
      key,
      compiled,
      outages: [],
      failures,
      times,
      classes,
      latest: null,
      ledger: null,
      jobsPerHourMap: blocks.jobsPerHour,
    };
  }
  state.outages = request.outages;
  const open = request.outages.some((o) => o.resolvedAt === null);
  if (open && state.latest === null) state.latest = await newestTimestamp(db);

  const hours = [...state.jobsPerHourMap.keys()];
  const first = Math.min(...hours, ...(state.failures.length ? [state.times[0] as number] : []));
  const last = Math.max(
    ...hours,
    ...(state.failures.length ? [state.times[state.times.length - 1] as number] : []),
  );
  const hourly: FailureSeries = Number.isFinite(first)
    ? bucketFailures({ times: state.times, classes: state.classes }, first, last, HOUR_MS)
    : bucketFailures({ times: [], classes: [] }, 0, -1, HOUR_MS);
  const jobsPerHour = new Uint32Array(bucketCount(hourly));
  for (const [hour, total] of state.jobsPerHourMap) {
    const index = Math.round((hour - hourly.start) / HOUR_MS);
    if (index >= 0 && index < jobsPerHour.length) jobsPerHour[index] = (jobsPerHour[index] as number) + total;
  }
  const spans = incidentSpans(request.outages, state.latest ?? Number.NEGATIVE_INFINITY);
  const result: Overview = {
    hourly,
    jobsPerHour,
    failures: state.failures.length,
    latest: state.latest,
    anomalies: anomalyMarks(hourly, spans),
    ms: performance.now() - started,
  };
  warmLedger();
  return result;
}

/** The ledger rows of every failed job, read once in the background. */
function warmLedger(): Promise<Map<string, LedgerEntry[]>> {
  if (!state) throw new Error('No overview yet.');
  state.ledger ??= ledgerForJobs(db, new Set(state.failures.map((job) => job.jobId)));
  return state.ledger;
}

function minutes(from: number, to: number): FailureSeries {
  if (!state) throw new Error('No overview yet.');
  const lo = lowerBound(state.failures, from - MINUTE_MS, (job) => job.createdAt);
  const hi = lowerBound(state.failures, to + MINUTE_MS, (job) => job.createdAt);
  return bucketFailures(
    { times: state.times.subarray(lo, hi), classes: state.classes.subarray(lo, hi) },
    from,
    to,
    MINUTE_MS,
  );
}

async function incident(incidentId: string): Promise<IncidentResult> {
  const started = performance.now();
  if (!state) throw new Error('No overview yet.');
  const outage = state.outages.find((o) => o.incidentId === incidentId);
  if (!outage) throw new Error(`There is no incident ${incidentId}.`);
  const span = incidentSpan(outage, state.latest ?? outage.startedAt);
  const lo = lowerBound(state.failures, span.start - RUN_LOOKBACK_MS, (job) => job.createdAt);
  const hi = lowerBound(state.failures, span.end + 1, (job) => job.createdAt);
  const selection = selectAffectedJobs(span, state.failures.slice(lo, hi), state.compiled);
  const ids = new Set(selection.affected.map((a) => a.job.jobId));
  const buckets = new Set([...ids].map((id) => groupKey.ledgerByJob(id)));
  // A small incident reads its few ledger buckets directly rather than wait for the warm-up.
  const ledgerRead =
    state.ledger === null && buckets.size <= BUCKETS / 8 ? ledgerForJobs(db, ids) : warmLedger();
  const [ledger, records] = await Promise.all([ledgerRead, compensationRecords(db, ids)]);
  const report = incidentReport(span, selection.affected, {
    ledgerFor: (jobId) => ledger.get(jobId) ?? [],
    requestsFor: (jobId) => records.requests.get(jobId) ?? [],
    proactiveFor: (_email, jobId) => records.proactive.get(jobId) ?? null,
    isExported: (email, jobId) => records.exported.has(pairKey(email, jobId)),
  });
  return { report, customerCaused: selection.customerCaused.length, ms: performance.now() - started };
}

function post(reply: OutagesReply, transfer: Transferable[] = []): void {
  scope.postMessage(reply, transfer);
}

scope.onmessage = (event: MessageEvent<OutagesRequest>) => {
  const request = event.data;
  const fail = (error: unknown) =>
    post({ type: 'error', id: request.id, message: error instanceof Error ? error.message : String(error) });
  try {
    if (request.type === 'overview') {
      overview(request).then((o) => post({ type: 'overview', id: request.id, overview: o }), fail);
    } else if (request.type === 'minutes') {
      post({ type: 'minutes', id: request.id, series: minutes(request.from, request.to) });
    } else {
      incident(request.incidentId).then((result) => post({ type: 'incident', id: request.id, result }), fail);
    }
  } catch (error) {
    fail(error);
  }
};
