import type { Job, Outage, SupportRequest } from '../../../shared/domain/records';
import { buildIndexes, expandEvidence } from '../../../shared/policy';
import type { ExpandedEvidence } from '../../../shared/policy/types';
import type { Decision } from '../../../shared/review/decision';
import type { StoredSuggestion } from '../../../shared/review/stored-suggestion';
import { db } from '../../data/db';
import {
  accountJobs,
  accountPayments,
  accountRequests,
  allOutages,
  jobLedger,
} from '../../data/review-queries';

export interface AccountRequestLine {
  request: SupportRequest;
  suggestion: StoredSuggestion | undefined;
  decision: Decision | undefined;
}

/** Everything the request page shows, read in one go when a request is opened. */
export interface RequestView {
  request: SupportRequest;
  suggestion: StoredSuggestion;
  decision: Decision | null;
  evidence: ExpandedEvidence;
  /** The account's jobs inside the timeline's span, with the outages that cross it. */
  timeline: { from: number; to: number; t: number; jobs: Job[]; outages: Outage[]; latest: number };
  others: AccountRequestLine[];
  loadMs: number;
}

const TIMELINE_MARGIN = 3 * 3_600_000;

export async function loadRequestView(requestId: string): Promise<RequestView | null> {
  const started = performance.now();
  const [stored, suggestion, decision] = await Promise.all([
    db.requests.get(requestId),
    db.suggestions.get(requestId),
    db.decisions.get(requestId),
  ]);
  if (!stored || !suggestion) return null;
  const email = stored.accountEmail;
  const pickedId = suggestion.jobId;
  const [jobs, ledger, payments, requests, outages] = await Promise.all([
    accountJobs(db, email),
    pickedId === null ? Promise.resolve([]) : jobLedger(db, pickedId),
    accountPayments(db, email),
    accountRequests(db, email),
    allOutages(db),
  ]);
  const others = requests.filter((r) => r.requestId !== requestId);
  const otherIds = others.map((r) => r.requestId);
  const [otherSuggestions, otherDecisions] = await Promise.all([
    db.suggestions.bulkGet(otherIds),
    db.decisions.bulkGet(otherIds),
  ]);
  const request = requests.find((r) => r.requestId === requestId) ?? (stored as SupportRequest);
  // A handful of records: indexing them costs less than a millisecond and reuses the engine's lookups.
  const indexes = buildIndexes({ jobs, ledger, payments, requests: [request], outages });
  const evidence = expandEvidence(indexes, suggestion);

  const window = suggestion.evidence.window;
  const t = window?.t ?? request.approx?.t ?? request.receivedAt;
  const from = (window?.start ?? t - 6 * 3_600_000) - TIMELINE_MARGIN;
  const to = (window?.end ?? t + 6 * 3_600_000) + TIMELINE_MARGIN;
  const latest = indexes.latestTimestamp;
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
    others: others.map((r, i) => ({
      request: r,
      suggestion: otherSuggestions[i],
      decision: otherDecisions[i],
    })),
    loadMs: performance.now() - started,
  };
}
