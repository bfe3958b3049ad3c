import Dexie from 'dexie';
import type { Job, Outage, SupportRequest } from '../../../shared/domain/records';
import { buildIndexes, expandEvidence } from '../../../shared/policy';
import type { ExpandedEvidence } from '../../../shared/policy/types';
import type { Decision } from '../../../shared/review/decision';
import type { QueueRow } from '../../../shared/review/queue';
import type { StoredSuggestion } from '../../../shared/review/stored-suggestion';
import { readCompactionState } from '../../data/compaction';
import { db } from '../../data/db';
import { accountJobs, accountPayments, allOutages, jobLedger, plainRequest } from '../../data/review-queries';
import { watchCompaction } from '../../workers/compaction-client';

// Imports land on other pages: compact them in the background from app start, for fast opens.
watchCompaction();

/** Everything the request page shows, read in one go when a request is opened. */
export interface RequestView {
  request: SupportRequest;
  suggestion: StoredSuggestion;
  decision: Decision | null;
  evidence: ExpandedEvidence;
  /** The account's jobs inside the timeline's span, with the outages that cross it. */
  timeline: { from: number; to: number; t: number; jobs: Job[]; outages: Outage[]; latest: number };
  loadMs: number;
}

const TIMELINE_MARGIN = 3 * 3_600_000;

let outagesCache: Promise<Outage[]> | null = null;
let watchingOutages = false;
/** Outages are few and change only on import: read them once, again after an outages import. */
function outagesOnce(): Promise<Outage[]> {
  if (!watchingOutages) {
    watchingOutages = true;
    Dexie.on('storagemutated', (parts) => {
      if (Object.keys(parts).some((key) => key.includes('/outages/'))) outagesCache = null;
    });
  }
  outagesCache ??= allOutages(db);
  return outagesCache;
}

let openedMarks = 0;

/** Resolves like `query`, noting in `parts` how long after `started` it resolved. */
function timed<T>(
  parts: Record<string, number>,
  name: string,
  started: number,
  query: Promise<T>,
): Promise<T> {
  return query.then((value) => {
    parts[name] = performance.now() - started;
    return value;
  });
}

/**
 * Reads the request's records with every query started at once: the queue row already knows the
 * account and the matched job, so nothing waits on anything else.
 */
export async function loadRequestView(
  row: Pick<QueueRow, 'requestId' | 'accountEmail' | 'jobId'>,
): Promise<RequestView | null> {
  const started = performance.now();
  const { requestId, accountEmail: email } = row;
  // How long each query took to resolve, for the review benchmark (a `review:opened` mark).
  const parts: Record<string, number> = {};
  const outagesRead = outagesOnce();
  // One read transaction for all of it: a transaction per query cost a round trip to the
  // browser's IndexedDB thread each, and the compaction state is read once for both block reads.
  const tables = [db.requests, db.suggestions, db.decisions, db.rowBlocks, db.importBatches, db.payments];
  const read = await db.transaction('r', tables, async () => {
    const compaction = readCompactionState(db);
    const [stored, suggestion, decision, jobs, rowLedger, payments] = await Promise.all([
      timed(parts, 'request', started, db.requests.get(requestId)),
      timed(parts, 'suggestion', started, db.suggestions.get(requestId)),
      timed(parts, 'decision', started, db.decisions.get(requestId)),
      timed(parts, 'jobs', started, accountJobs(db, email, compaction)),
      timed(
        parts,
        'ledger',
        started,
        row.jobId === null ? Promise.resolve([]) : jobLedger(db, row.jobId, compaction),
      ),
      timed(parts, 'payments', started, accountPayments(db, email)),
    ]);
    if (!stored || !suggestion) return null;
    // The row may be a moment behind a re-run that picked another job: read that job's ledger then.
    const ledger =
      suggestion.jobId === row.jobId
        ? rowLedger
        : suggestion.jobId === null
          ? []
          : await jobLedger(db, suggestion.jobId, compaction);
    return { stored, suggestion, decision, jobs, ledger, payments };
  });
  const outages = await outagesRead;
  if (!read) return null;
  const { stored, suggestion, decision, jobs, ledger, payments } = read;
  const request = plainRequest(stored);
  // A handful of records: indexing them costs less than a millisecond and reuses the engine's lookups.
  const indexes = buildIndexes({ jobs, ledger, payments, requests: [request], outages });
  const evidence = expandEvidence(indexes, suggestion);

  const window = suggestion.evidence.window;
  const t = window?.t ?? request.approx?.t ?? request.receivedAt;
  const from = (window?.start ?? t - 6 * 3_600_000) - TIMELINE_MARGIN;
  const to = (window?.end ?? t + 6 * 3_600_000) + TIMELINE_MARGIN;
  const latest = indexes.latestTimestamp;
  const loadMs = performance.now() - started;
  // The marks are kept for the benchmark to read; a long session does not pile them up.
  if (++openedMarks % 1000 === 0) performance.clearMarks('review:opened');
  performance.mark('review:opened', { detail: { ...parts, all: loadMs } });
  return {
    request,
    suggestion,
    decision: decision ?? null,
    evidence,
    timeline: {
      from,
      to,
      t,
      jobs: jobs.filter((j) => j.createdAt >= from && j.createdAt <= to),
      outages: outages.filter((o) => o.startedAt <= to && (o.resolvedAt ?? Math.max(latest, to)) >= from),
      latest,
    },
    loadMs,
  };
}
