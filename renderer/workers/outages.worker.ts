/// <reference lib="webworker" />
import type { Job, LedgerEntry, Outage } from '../../shared/domain/records';
import {
  CLASS_CODE,
  HOUR_MS,
  MINUTE_MS,
  anomalyMarks,
  bucketFailures,
  compactReport,
  failureClassifier,
  incidentReport,
  incidentSpan,
  incidentSpans,
  selectAffectedJobs,
  type AffectedJob,
  type FailureSeries,
} from '../../shared/outages';
import type { OutageSpan } from '../../shared/policy/indexes';
import { compileSettings, type CompiledSettings } from '../../shared/policy/compiled-settings';
import type { PolicySettings } from '../../shared/policy/settings';
import { lowerBound } from '../../shared/policy/order';
import { ReviewDeskDb } from '../data/db';
import type { ImportBatch } from '../data/import-records';
import {
  compensationRecords,
  hourBlocks,
  type HourBlocks,
  ledgerForJobs,
  newestTimestamp,
  pairKey,
} from '../data/outage-queries';
import {
  BUCKETS,
  groupKey,
  hourOfGroup,
  ledgerToTuple,
  tupleToJob,
  tupleToLedger,
  type JobTuple,
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
 * The Outages page's reads and sums, off the UI thread. The hourly counts come from one read of
 * the hour blocks, classing each failure by its status, code and message only (one lookup per
 * combination), and are cached in the settings table per job batches and policy settings. The
 * app asks for them in the background after every import or settings change (`precompute`), so
 * the chart's first visit is one small read. The failed jobs as objects (for incident windows and
 * minute zoom) and their ledger rows (which a large incident would otherwise gather from every
 * ledger bucket) are loaded on first use and the rows cached the same way. An incident goes to
 * the page as columns (shared/outages incident-table.ts).
 */
const db = new ReviewDeskDb();
const scope = self as unknown as DedicatedWorkerGlobalScope;
const CACHE_KEY = 'outages.cache';
const HOUR_PREFIX = 'jobs.h.';
/** Kept apart from the counts, so that drawing the chart never reads the ledger rows. */
const LEDGER_CACHE_KEY = 'outages.cache.ledger';
const LATEST_CACHE_KEY = 'outages.cache.latest';

interface Failures {
  /** Sorted by created_at. */
  jobs: Job[];
  times: Float64Array;
  classes: Uint8Array;
  /** The longest run (created_at to completed_at) of a failed job: how far before a window to look. */
  longestRunMs: number;
}

/**
 * The failures as read from the hour blocks, classed but not yet made into jobs: enough for the
 * chart, so that the first visit after an import does not wait for a job object per failure.
 */
interface Scan {
  tuples: JobTuple[];
  times: Float64Array;
  classes: Uint8Array;
  jobsPerHour: Map<number, number>;
}

interface CacheValue extends Summary {
  key: string;
}

interface LatestCacheValue {
  stamp: string;
  latest: number;
}

interface LedgerCacheValue {
  key: string;
  ledger: LedgerTuple[];
}

interface Selection {
  affected: AffectedJob[];
  customerCaused: number;
}

interface State {
  /** The import state (every batch); `key` adds the settings. */
  stamp: string;
  key: string;
  /** The job batches and the settings: what the hourly counts depend on. */
  summaryKey: string;
  compiled: CompiledSettings;
  outages: Outage[];
  latest: number | null;
  summary: Summary;
  failures: () => Promise<Failures>;
  /** Started on first use (an incident or `warm`), so that it never competes with the chart. */
  ledger: (() => Promise<Map<string, LedgerEntry[]>>) & { ready: boolean };
  /** Affected jobs by incident id and window: they change only with the data or settings. */
  selections: Map<string, Selection>;
}

let state: State | null = null;

/** Hour blocks are read in this many slices, all asked for at once. */
const SCAN_SLICES = 8;

/**
 * Every hour block, read in slices that are all requested at once: IndexedDB reads the next slice
 * while this thread decodes and classes the previous one.
 */
async function scanFailures(compiled: CompiledSettings): Promise<Scan> {
  const started = performance.now();
  const groups = await db.rowBlocks.where('g').between(HOUR_PREFIX, `${HOUR_PREFIX}\uffff`).keys();
  const hours = [...new Set(groups.map((g) => hourOfGroup(String(g))))].sort((a, b) => a - b);
  const size = Math.max(1, Math.ceil(hours.length / SCAN_SLICES));
  const slices: Promise<HourBlocks>[] = [];
  for (let i = 0; i < hours.length; i += size)
    slices.push(hourBlocks(db, hours[i], hours[Math.min(hours.length, i + size) - 1]));
  const classify = failureClassifier(compiled, false);
  const tuples: JobTuple[] = [];
  const times: number[] = [];
  const classes: number[] = [];
  const jobsPerHour = new Map<number, number>();
  for (const slice of slices) {
    const blocks = await slice;
    for (const t of blocks.failures) {
      tuples.push(t);
      times.push(t[3]);
      classes.push(CLASS_CODE[classify(t[6], t[7], t[8])]);
    }
    for (const [hour, total] of blocks.jobsPerHour)
      jobsPerHour.set(hour, (jobsPerHour.get(hour) ?? 0) + total);
  }
  console.debug(
    `outages: scanned ${tuples.length} failures in ${hours.length} hours in ${Math.round(performance.now() - started)} ms`,
  );
  return { tuples, times: Float64Array.from(times), classes: Uint8Array.from(classes), jobsPerHour };
}

function toFailures(scan: Scan): Failures {
  const { tuples, times, classes } = scan;
  const order = Array.from({ length: tuples.length }, (_, i) => i);
  order.sort((a, b) => (times[a] as number) - (times[b] as number) || a - b);
  const jobs = new Array<Job>(order.length);
  const sortedTimes = new Float64Array(order.length);
  const sortedClasses = new Uint8Array(order.length);
  let longestRunMs = 0;
  order.forEach((from, i) => {
    const job = tupleToJob(tuples[from] as JobTuple);
    jobs[i] = job;
    sortedTimes[i] = times[from] as number;
    sortedClasses[i] = classes[from] as number;
    if (job.completedAt !== null) longestRunMs = Math.max(longestRunMs, job.completedAt - job.createdAt);
  });
  return { jobs, times: sortedTimes, classes: sortedClasses, longestRunMs };
}

function summarize(scan: Scan): Summary {
  let first = Number.POSITIVE_INFINITY;
  let last = Number.NEGATIVE_INFINITY;
  for (const hour of scan.jobsPerHour.keys()) {
    first = Math.min(first, hour);
    last = Math.max(last, hour);
  }
  for (const time of scan.times) {
    if (time < first) first = time;
    if (time > last) last = time;
  }
  const hourly: FailureSeries = Number.isFinite(first)
    ? bucketFailures(scan, first, last, HOUR_MS)
    : bucketFailures({ times: [], classes: [] }, 0, -1, HOUR_MS);
  const jobsPerHour = new Uint32Array(hourly.counts[0].length);
  for (const [hour, total] of scan.jobsPerHour) {
    const index = Math.round((hour - hourly.start) / HOUR_MS);
    if (index >= 0 && index < jobsPerHour.length) jobsPerHour[index] = (jobsPerHour[index] as number) + total;
  }
  return { hourly, jobsPerHour, failures: scan.tuples.length };
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

/** Runs `work` once, on first call. */
function once<T>(work: () => Promise<T>): () => Promise<T> {
  let started: Promise<T> | null = null;
  return () => (started ??= work());
}

async function build(
  stamp: string,
  key: string,
  summaryKey: string,
  settings: PolicySettings,
): Promise<State> {
  const compiled = compileSettings(settings);
  let summary: Summary;
  let failures: () => Promise<Failures>;
  if (state !== null && state.summaryKey === summaryKey) {
    // Only other kinds of data changed (a ledger, say): the failures are the same.
    ({ summary, failures } = state);
  } else {
    const cached = (await db.settings.get(CACHE_KEY))?.value as CacheValue | undefined;
    let scan: Scan | null = null;
    if (cached?.key === summaryKey) {
      summary = { hourly: cached.hourly, jobsPerHour: cached.jobsPerHour, failures: cached.failures };
    } else {
      scan = await scanFailures(compiled);
      summary = summarize(scan);
      // Only a cache: a failed write costs the next visit a scan, not this one its chart.
      void saveCache({ key: summaryKey, ...summary }).catch(() => undefined);
    }
    // The jobs as objects are made on first use (minute zoom, an incident, `warm`), after the chart.
    failures = once(async () => {
      const from = scan ?? (await scanFailures(compiled));
      scan = null;
      return toFailures(from);
    });
  }
  const ledger = Object.assign(
    once(async () => {
      const stored = (await db.settings.get(LEDGER_CACHE_KEY))?.value as LedgerCacheValue | undefined;
      const map = stored?.key === key ? ledgerMap(stored.ledger) : await scanLedger(key, failures());
      ledger.ready = true;
      return map;
    }),
    { ready: false },
  );
  const next: State = {
    stamp,
    key,
    summaryKey,
    compiled,
    outages: [],
    latest: null,
    summary,
    failures,
    ledger,
    selections: new Map(),
  };
  state = next;
  return next;
}

/**
 * The import state: every batch, and the job batches alone (the chart depends on those only, so
 * importing a ledger does not count the failures again).
 */
async function importStamps(): Promise<{ all: string; jobs: string }> {
  const batches = await db.importBatches.toArray();
  const line = (b: ImportBatch) => `${b.id}:${b.status}:${b.stored}`;
  return {
    all: batches.map(line).sort().join(','),
    jobs: batches
      .filter((b) => b.kind === 'jobs')
      .map(line)
      .sort()
      .join(','),
  };
}

/** One build per key at a time: the page's overview and a background precompute share it. */
const building = new Map<string, Promise<State>>();

async function prepare(settings: PolicySettings, settingsSha256: string): Promise<State> {
  const stamps = await importStamps();
  const key = `${stamps.all}|${settingsSha256}`;
  if (state !== null && state.key === key) return state;
  let pending = building.get(key);
  if (!pending) {
    pending = build(stamps.all, key, `${stamps.jobs}|${settingsSha256}`, settings).finally(() =>
      building.delete(key),
    );
    building.set(key, pending);
  }
  return pending;
}

/** The newest timestamp in the data (where open incidents end), cached per import state. */
async function newestFor(stamp: string): Promise<number> {
  const cached = (await db.settings.get(LATEST_CACHE_KEY))?.value as LatestCacheValue | undefined;
  if (cached?.stamp === stamp) return cached.latest;
  const latest = await newestTimestamp(db);
  const value: LatestCacheValue = { stamp, latest };
  await db.settings.put({ key: LATEST_CACHE_KEY, value });
  return latest;
}

async function overview(request: Extract<OutagesRequest, { type: 'overview' }>): Promise<Overview> {
  const started = performance.now();
  const current = await prepare(request.settings, request.settingsSha256);
  current.outages = request.outages;
  if (current.latest === null && request.outages.some((o) => o.resolvedAt === null))
    current.latest = await newestFor(current.stamp);
  const spans = incidentSpans(request.outages, current.latest ?? Number.NEGATIVE_INFINITY);
  return {
    ...current.summary,
    latest: current.latest,
    anomalies: anomalyMarks(current.summary.hourly, spans),
    ms: performance.now() - started,
  };
}

/**
 * After an import or a settings change, away from the page: the hourly counts (and, with an open
 * incident, the newest timestamp) are computed and cached, so the next visit draws at once, and
 * the failed jobs and their ledger rows are loaded (and the rows cached) for the incident pages.
 * Nothing is done while an import is still writing.
 */
async function precompute(settings: PolicySettings, settingsSha256: string): Promise<boolean> {
  const batches = await db.importBatches.toArray();
  if (batches.length === 0 || batches.some((b) => b.status === 'running')) return false;
  const current = await prepare(settings, settingsSha256);
  const outages = await db.outages.toArray();
  if (outages.some((o) => o.resolvedAt === null)) await newestFor(current.stamp);
  // The failed jobs' ledger rows too: a large incident would otherwise read every ledger bucket.
  await Promise.all([current.failures(), current.ledger()]);
  return true;
}

function ready(): State {
  if (!state) throw new Error('The outages overview has not been loaded yet.');
  return state;
}

async function minutes(from: number, to: number): Promise<FailureSeries> {
  const failures = await ready().failures();
  const lo = lowerBound(failures.jobs, from - MINUTE_MS, (job) => job.createdAt);
  const hi = lowerBound(failures.jobs, to + MINUTE_MS, (job) => job.createdAt);
  return bucketFailures(
    { times: failures.times.subarray(lo, hi), classes: failures.classes.subarray(lo, hi) },
    from,
    to,
    MINUTE_MS,
  );
}

async function select(current: State, incidentId: string, span: OutageSpan): Promise<Selection> {
  const key = `${incidentId}|${span.start}|${span.end}`;
  const known = current.selections.get(key);
  if (known) return known;
  const { jobs, longestRunMs } = await current.failures();
  // Exact: a failed job whose run reaches the window was created at most the longest run before it.
  const lo = lowerBound(jobs, span.start - longestRunMs, (job) => job.createdAt);
  const hi = lowerBound(jobs, span.end + 1, (job) => job.createdAt);
  const { affected, customerCaused } = selectAffectedJobs(span, jobs.slice(lo, hi), current.compiled);
  const selection = { affected, customerCaused: customerCaused.length };
  current.selections.set(key, selection);
  return selection;
}

async function incident(incidentId: string): Promise<IncidentResult> {
  const started = performance.now();
  const current = ready();
  const outage = current.outages.find((o) => o.incidentId === incidentId);
  if (!outage) throw new Error(`There is no incident ${incidentId}.`);
  const span = incidentSpan(outage, current.latest ?? outage.startedAt);
  const selection = await select(current, incidentId, span);
  const ids = new Set(selection.affected.map((a) => a.job.jobId));
  const buckets = new Set([...ids].map((id) => groupKey.ledgerByJob(id)));
  // A small incident reads its few ledger buckets rather than wait for the background read.
  const ledgerRead =
    !current.ledger.ready && buckets.size <= BUCKETS / 8 ? ledgerForJobs(db, ids) : current.ledger();
  const selectedAt = performance.now();
  const [ledger, records] = await Promise.all([ledgerRead, compensationRecords(db, ids)]);
  const readAt = performance.now();
  const report = incidentReport(span, selection.affected, {
    ledgerFor: (jobId) => ledger.get(jobId) ?? [],
    requestsFor: (jobId) => records.requests.get(jobId) ?? [],
    proactiveFor: (_email, jobId) => records.proactive.get(jobId) ?? null,
    isExported: (email, jobId) => records.exported.has(pairKey(email, jobId)),
  });
  const compact = compactReport(report);
  console.debug(
    `outages: incident ${incidentId}: select ${Math.round(selectedAt - started)} ms, reads ${Math.round(readAt - selectedAt)} ms, report ${Math.round(performance.now() - readAt)} ms`,
  );
  return { report: compact, customerCaused: selection.customerCaused, ms: performance.now() - started };
}

/** Resolves once the failed jobs, their ledger rows and every incident's affected jobs are in memory. */
async function warm(): Promise<number> {
  const current = ready();
  const started = performance.now();
  await Promise.all([current.failures(), current.ledger()]);
  // Every incident's affected jobs, so that opening one only reads its compensation standing.
  for (const outage of current.outages)
    await select(current, outage.incidentId, incidentSpan(outage, current.latest ?? outage.startedAt));
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
    else if (request.type === 'precompute')
      precompute(request.settings, request.settingsSha256).then(
        (done) => post({ type: 'precompute', id: request.id, done }),
        fail,
      );
    else
      incident(request.incidentId).then((result) => post({ type: 'incident', id: request.id, result }), fail);
  } catch (error) {
    fail(error);
  }
};
