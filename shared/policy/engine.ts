import { compileSettings, type CompiledSettings } from './compiled-settings';
import { evaluateRequest, pickJob, type CompensationState } from './evaluate';
import { idempotencyKey } from './idempotency';
import { buildIndexes, type PolicyData, type PolicyIndexes } from './indexes';
import { compareText } from './order';
import { repeatRequesters } from './repeat-requesters';
import { DEFAULT_SETTINGS, settingsSha256, type PolicySettings } from './settings';
import type { Suggestion } from './types';

export interface AccountJob {
  accountEmail: string;
  jobId: string;
}

export interface SuggestOptions {
  /** Generations already in a signed batch: by idempotency key, or by (account, job). Rule 7 `already_exported`. */
  exportedIdempotencyKeys?: Iterable<string>;
  exportedJobs?: Iterable<AccountJob>;
  /** Generations credited back proactively (e.g. after an outage): a request for one is a duplicate. */
  proactiveCredits?: Iterable<AccountJob>;
  /** request_id → job_id a reviewer re-picked from the candidates. */
  forcedJobIds?: ReadonlyMap<string, string>;
}

/** Settings compiled and hashed once, reused for every run under them. */
export interface PreparedSettings {
  compiled: CompiledSettings;
  sha256: string;
}

export async function prepareSettings(
  settings: PolicySettings = DEFAULT_SETTINGS,
): Promise<PreparedSettings> {
  return { compiled: compileSettings(settings), sha256: await settingsSha256(settings) };
}

const pairKey = (accountEmail: string, jobId: string): string =>
  `${accountEmail.trim().toLowerCase()}\n${jobId}`;

/**
 * Exported idempotency keys cannot be inverted, so hash the (account, job) pairs the requests can
 * actually pick — a pick never depends on rule 7 — and keep those whose key was exported.
 */
async function exportedPairs(
  indexes: PolicyIndexes,
  prepared: PreparedSettings,
  options: SuggestOptions,
): Promise<Set<string>> {
  const pairs = new Set<string>();
  for (const item of options.exportedJobs ?? []) pairs.add(pairKey(item.accountEmail, item.jobId));
  const keys = new Set(options.exportedIdempotencyKeys ?? []);
  if (keys.size === 0) return pairs;
  const picked = new Map<string, AccountJob>();
  for (const request of indexes.requestsInOrder) {
    const pick = pickJob(
      request,
      indexes,
      prepared.compiled,
      options.forcedJobIds?.get(request.requestId) ?? null,
    );
    if (pick.job)
      picked.set(pairKey(request.accountEmail, pick.job.jobId), {
        accountEmail: request.accountEmail,
        jobId: pick.job.jobId,
      });
  }
  const entries = [...picked.entries()];
  const hashes = await Promise.all(entries.map(([, item]) => idempotencyKey(item.accountEmail, item.jobId)));
  entries.forEach(([pair], i) => {
    if (keys.has(hashes[i] as string)) pairs.add(pair);
  });
  return pairs;
}

/**
 * Suggestions for every request, in request_id order (the suggestions file's order). Requests are
 * evaluated in rule order (received_at, then request_id) so that "an earlier request" is
 * well-defined; the result depends on nothing but the records, the settings and the options.
 */
export async function suggestAll(
  indexes: PolicyIndexes,
  prepared: PreparedSettings,
  options: SuggestOptions = {},
): Promise<Suggestion[]> {
  if (indexes.windowMs !== null && indexes.windowMs !== prepared.compiled.windowMs) {
    throw new Error('the indexes were built for another window setting: rebuild them with these settings');
  }
  const exported = await exportedPairs(indexes, prepared, options);
  const proactive = new Set<string>();
  for (const item of options.proactiveCredits ?? []) proactive.add(pairKey(item.accountEmail, item.jobId));
  const compensatedBy = new Map<string, string>();
  const compensation: CompensationState = {
    isRestoredInLedger: (jobId) =>
      (indexes.ledgerByJob.get(jobId) ?? []).some((entry) => entry.type === 'restore'),
    isExported: (accountEmail, jobId) => exported.has(pairKey(accountEmail, jobId)),
    isProactivelyCredited: (accountEmail, jobId) => proactive.has(pairKey(accountEmail, jobId)),
    earlierCompensation: (accountEmail, jobId) => compensatedBy.get(pairKey(accountEmail, jobId)) ?? null,
  };
  const context = {
    indexes,
    compiled: prepared.compiled,
    settingsSha256: prepared.sha256,
    repeatAccounts: repeatRequesters(
      indexes.requestsByAccount,
      prepared.compiled.settings.repeatRequesterCount,
      prepared.compiled.repeatRequesterSpanMs,
    ),
    compensation,
  };
  const suggestions: Suggestion[] = [];
  for (const request of indexes.requestsInOrder) {
    const suggestion = evaluateRequest(
      request,
      context,
      options.forcedJobIds?.get(request.requestId) ?? null,
    );
    if (
      (suggestion.outcome === 'credit_back' || suggestion.outcome === 'rerun') &&
      suggestion.jobId !== null
    ) {
      const key = pairKey(request.accountEmail, suggestion.jobId);
      if (!compensatedBy.has(key)) compensatedBy.set(key, request.requestId);
    }
    suggestions.push(suggestion);
  }
  return suggestions.sort((a, b) => compareText(a.requestId, b.requestId));
}

/** Indexes, settings and rules in one call: what `reconcile` and the import worker run. */
export async function reconcileRecords(
  data: PolicyData,
  settings: PolicySettings = DEFAULT_SETTINGS,
  options: SuggestOptions = {},
): Promise<Suggestion[]> {
  return suggestAll(buildIndexes(data), await prepareSettings(settings), options);
}
