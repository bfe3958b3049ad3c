/// <reference lib="webworker" />
import type { Job, LedgerEntry, Outage } from '../../shared/domain/records';
import {
  CLASS_CODE,
  HOUR_MS,
  MINUTE_MS,
  anomalyMarks,
  bucketFailures,
  failureClass,
  incidentReport,
  incidentSpan,
  incidentSpans,
  selectAffectedJobs,
  type FailureSeries,
} from '../../shared/outages';
import { compileSettings, type CompiledSettings } from '../../shared/policy/compiled-settings';
import { lowerBound } from '../../shared/policy/order';
import { ReviewDeskDb } from '../data/db';
import {
  compensationRecords,
  hourBlocks,
  importStamp,
  ledgerForJobs,
  newestTimestamp,
  pairKey,
} from '../data/outage-queries';
import {
  BUCKETS,
  groupKey,
  ledgerToTuple,
  tupleToJob,
  tupleToLedger,
  type LedgerTuple,
} from '../data/row-blocks';
import type {
  IncidentResult,
  Overview,
  OutagesReply,
  OutagesRequest,
  Summary,
} from '../features/outages/outages-messages';

/**
 * The Outages page's reads and sums, off the UI thread. The hourly counts are cached in the
 * settings table per import state and policy settings, so the chart of a million jobs is one
 * small read once computed. The failed jobs (for incident windows and minute zoom) and their
 * ledger rows are then loaded in the background; the ledger rows of failed jobs, which a large
 * incident would otherwise gather from every ledger bucket, are cached the same way.
 */
const db = new ReviewDeskDb();
const scope = self as unknown as DedicatedWorkerGlobalScope;
const CACHE_KEY = 'outages.cache';
/** Kept apart from the counts, so that drawing the chart never reads the ledger rows. */
const LEDGER_CACHE_KEY = 'outages.cache.ledger';

interface Failures {
  /** Sorted by created_at. */
  jobs: Job[];
  times: Float64Array;
  classes: Uint8Array;
  /** The longest run (created_at to completed_at) of a failed job: how far before a window to look. */
  longestRunMs: number;
}

interface CacheValue extends Summary {
  key: string;
}

interface LedgerCacheValue {
  key: string;
  ledger: LedgerTuple[];
}

interface State {
  key: string;
  compiled: CompiledSettings;
  outages: Outage[];
  latest: number | null;
  summary: Summary;
  failures: Promise<Failures>;
  ledger: Promise<Map<string, LedgerEntry[]>>;
  ledgerReady: boolean;
}

let state: State | null = null;

async function loadFailures(
  compiled: CompiledSettings,
): Promise<Failures & { jobsPerHour: Map<number, number> }> {
  const blocks = await hourBlocks(db);
  const jobs = blocks.failures.map(tupleToJob).sort((a, b) => a.createdAt - b.createdAt);
  const times = new Float64Array(jobs.length);
  const classes = new Uint8Array(jobs.length);
  let longestRunMs = 0;
  jobs.forEach((job, i) => {
    times[i] = job.createdAt;
    classes[i] = CLASS_CODE[failureClass(job, compiled, false)];
    if (job.completedAt !== null) longestRunMs = Math.max(longestRunMs, job.completedAt - job.createdAt);
  });
  return { jobs, times, classes, longestRunMs, jobsPerHour: blocks.jobsPerHour };
}

function summarize(failures: Failures, jobsPerHourMap: Map<number, number>): Summary {
  let first = Number.POSITIVE_INFINITY;
  let last = Number.NEGATIVE_INFINITY;
  for (const hour of jobsPerHourMap.keys()) {
    first = Math.min(first, hour);
    last = Math.max(last, hour);
  }
  if (failures.times.length > 0) {
    first = Math.min(first, failures.times[0] as number);
    last = Math.max(last, failures.times[failures.times.length - 1] as number);
  }
  const hourly: FailureSeries = Number.isFinite(first)
    ? bucketFailures(failures, first, last, HOUR_MS)
    : bucketFailures({ times: [], classes: [] }, 0, -1, HOUR_MS);
  const jobsPerHour = new Uint32Array(hourly.counts[0].length);
  for (const [hour, total] of jobsPerHourMap) {
    const index = Math.round((hour - hourly.start) / HOUR_MS);
    if (index >= 0 && index < jobsPerHour.length) jobsPerHour[index] = (jobsPerHour[index] as number) + total;
  }
  return { hourly, jobsPerHour, failures: failures.jobs.length };
}

async function saveCache(value: CacheValue): Promise<void> {
  await db.settings.put({ key: CACHE_KEY, value });
}

function ledgerMap(tuples: readonly LedgerTuple[]): Map<string, LedgerEntry[]> {
  const map = new Map<string, LedgerEntry[]>();
  for (const tuple of tuples) {
    const list = map.get(tuple[5]);
    const entry = tupleToLedger(tuple);
    if (list) list.push(entry);
    else map.set(tuple[5], [entry]);
  }
  return map;
}

/** Reads every ledger bucket once for the failed jobs' rows, then caches them beside the counts. */
async function scanLedger(key: string, failures: Promise<Failures>): Promise<Map<string, LedgerEntry[]>> {
  const { jobs } = await failures;
  const map = await ledgerForJobs(db, new Set(jobs.map((job) => job.jobId)));
  const value: LedgerCacheValue = { key, ledger: [...map.values()].flat().map(ledgerToTuple) };
  await db.settings.put({ key: LEDGER_CACHE_KEY, value });
  return map;
}

async function prepare(request: Extract<OutagesRequest, { type: 'overview' }>): Promise<State> {
  const key = `${await importStamp(db)}|${request.settingsSha256}`;
  if (state !== null && state.key === key) return state;
  const compiled = compileSettings(request.settings);
  const cached = (await db.settings.get(CACHE_KEY))?.value as CacheValue | undefined;
  let summary: Summary;
  let failures: Promise<Failures>;
  if (cached?.key === key) {
    summary = { hourly: cached.hourly, jobsPerHour: cached.jobsPerHour, failures: cached.failures };
    failures = loadFailures(compiled);
  } else {
    const loaded = await loadFailures(compiled);
    summary = summarize(loaded, loaded.jobsPerHour);
    await saveCache({ key, ...summary });
    failures = Promise.resolve(loaded);
  }
  const ledger = (async () => {
    const stored = (await db.settings.get(LEDGER_CACHE_KEY))?.value as LedgerCacheValue | undefined;
    return stored?.key === key ? ledgerMap(stored.ledger) : scanLedger(key, failures);
  })();
  const next: State = {
    key,
    compiled,
    outages: [],
    latest: null,
    summary,
    failures,
    ledger,
    ledgerReady: false,
  };
  void ledger.then(() => (next.ledgerReady = true)).catch(() => undefined);
  state = next;
  return next;
}

async function overview(request: Extract<OutagesRequest, { type: 'overview' }>): Promise<Overview> {
  const started = performance.now();
  const current = await prepare(request);
  current.outages = request.outages;
  if (current.latest === null && request.outages.some((o) => o.resolvedAt === null))
    current.latest = await newestTimestamp(db);
  const spans = incidentSpans(request.outages, current.latest ?? Number.NEGATIVE_INFINITY);
  return {
    ...current.summary,
    latest: current.latest,
    anomalies: anomalyMarks(current.summary.hourly, spans),
    ms: performance.now() - started,
  };
}

function ready(): State {
  if (!state) throw new Error('The outages overview has not been loaded yet.');
  return state;
}

async function minutes(from: number, to: number): Promise<FailureSeries> {
  const failures = await ready().failures;
  const lo = lowerBound(failures.jobs, from - MINUTE_MS, (job) => job.createdAt);
  const hi = lowerBound(failures.jobs, to + MINUTE_MS, (job) => job.createdAt);
  return bucketFailures(
    { times: failures.times.subarray(lo, hi), classes: failures.classes.subarray(lo, hi) },
    from,
    to,
    MINUTE_MS,
  );
}

async function incident(incidentId: string): Promise<IncidentResult> {
  const started = performance.now();
  const current = ready();
  const outage = current.outages.find((o) => o.incidentId === incidentId);
  if (!outage) throw new Error(`There is no incident ${incidentId}.`);
  const { jobs, longestRunMs } = await current.failures;
  const span = incidentSpan(outage, current.latest ?? outage.startedAt);
  // Exact: a failed job whose run reaches the window was created at most the longest run before it.
  const lo = lowerBound(jobs, span.start - longestRunMs, (job) => job.createdAt);
  const hi = lowerBound(jobs, span.end + 1, (job) => job.createdAt);
  const selection = selectAffectedJobs(span, jobs.slice(lo, hi), current.compiled);
  const ids = new Set(selection.affected.map((a) => a.job.jobId));
  const buckets = new Set([...ids].map((id) => groupKey.ledgerByJob(id)));
  // A small incident reads its few ledger buckets rather than wait for the background read.
  const ledgerRead =
    !current.ledgerReady && buckets.size <= BUCKETS / 8 ? ledgerForJobs(db, ids) : current.ledger;
  const selectedAt = performance.now();
  const [ledger, records] = await Promise.all([ledgerRead, compensationRecords(db, ids)]);
  const readAt = performance.now();
  const report = incidentReport(span, selection.affected, {
    ledgerFor: (jobId) => ledger.get(jobId) ?? [],
    requestsFor: (jobId) => records.requests.get(jobId) ?? [],
    proactiveFor: (_email, jobId) => records.proactive.get(jobId) ?? null,
    isExported: (email, jobId) => records.exported.has(pairKey(email, jobId)),
  });
  console.debug(
    `outages: incident ${incidentId}: select ${Math.round(selectedAt - started)} ms, reads ${Math.round(readAt - selectedAt)} ms, report ${Math.round(performance.now() - readAt)} ms`,
  );
  return { report, customerCaused: selection.customerCaused.length, ms: performance.now() - started };
}

/** Resolves once the failed jobs and their ledger rows are in memory. */
async function warm(): Promise<number> {
  const current = ready();
  const started = performance.now();
  await Promise.all([current.failures, current.ledger]);
  return performance.now() - started;
}

function post(reply: OutagesReply): void {
  scope.postMessage(reply);
}

scope.onmessage = (event: MessageEvent<OutagesRequest>) => {
  const request = event.data;
  const fail = (error: unknown) =>
    post({ type: 'error', id: request.id, message: error instanceof Error ? error.message : String(error) });
  try {
    if (request.type === 'overview')
      overview(request).then((o) => post({ type: 'overview', id: request.id, overview: o }), fail);
    else if (request.type === 'minutes')
      minutes(request.from, request.to).then(
        (series) => post({ type: 'minutes', id: request.id, series }),
        fail,
      );
    else if (request.type === 'warm') warm().then((ms) => post({ type: 'warm', id: request.id, ms }), fail);
    else
      incident(request.incidentId).then((result) => post({ type: 'incident', id: request.id, result }), fail);
  } catch (error) {
    fail(error);
  }
};
