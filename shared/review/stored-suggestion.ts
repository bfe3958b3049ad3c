import { canonicalJson } from '../util/canonical-json';
import { sha256HexSync } from '../util/sha256';
import type { Suggestion } from '../policy/types';
import type { DecisionState } from './decision';

/** A suggestion as the desk keeps it: with what the queue sorts on and what evidence it rested on. */
export interface StoredSuggestion extends Suggestion {
  accountEmail: string;
  receivedAt: number;
  /** Of the evidence this suggestion rested on; see evidenceFingerprint. */
  fingerprint: string;
  /** A decided request whose evidence changed since: the decision stands, the reviewer is told. */
  newEvidence: boolean;
  /** With newEvidence: what the rules suggest now. */
  latest: Suggestion | null;
}

/**
 * What changes the facts behind a suggestion: the picked job, the candidates and their factors,
 * the ledger rows, payments and outages, and the error class. `earlierRequestId` is left out: it
 * names other requests' suggestions, not facts about this one.
 */
export function evidenceFingerprint(suggestion: Suggestion): string {
  const { earlierRequestId: _ignored, ...facts } = suggestion.evidence;
  return sha256HexSync(canonicalJson({ jobId: suggestion.jobId, evidence: facts }));
}

export interface RequestKey {
  accountEmail: string;
  receivedAt: number;
}

export interface SuggestionPlan {
  put: StoredSuggestion[];
  /** Stored suggestions whose request is gone (an import undone) and that nobody decided. */
  remove: string[];
  counts: { suggested: number; newEvidence: number; kept: number };
}

/**
 * Merges a fresh run into what is stored. Undecided requests take the fresh suggestion; a decided
 * or approved one keeps the suggestion it was decided on and gets the badge when the evidence
 * differs; an exported one is locked and left alone.
 */
export function planSuggestionUpdate(
  fresh: readonly Suggestion[],
  requests: ReadonlyMap<string, RequestKey>,
  stored: ReadonlyMap<string, StoredSuggestion>,
  decisionStates: ReadonlyMap<string, DecisionState>,
  /** Every stored request id, when `stored` holds only the decided ones (the worker reads no more). */
  storedIds: Iterable<string> = stored.keys(),
): SuggestionPlan {
  const plan: SuggestionPlan = { put: [], remove: [], counts: { suggested: 0, newEvidence: 0, kept: 0 } };
  const seen = new Set<string>();
  for (const suggestion of fresh) {
    const request = requests.get(suggestion.requestId);
    if (!request) continue;
    seen.add(suggestion.requestId);
    const fingerprint = evidenceFingerprint(suggestion);
    const state = decisionStates.get(suggestion.requestId);
    const previous = stored.get(suggestion.requestId);
    if (state === undefined || !previous) {
      plan.put.push({ ...suggestion, ...request, fingerprint, newEvidence: false, latest: null });
      plan.counts.suggested += 1;
      continue;
    }
    if (state === 'exported') {
      plan.counts.kept += 1;
      continue;
    }
    const changed = fingerprint !== previous.fingerprint;
    if (changed) plan.counts.newEvidence += 1;
    else plan.counts.kept += 1;
    if (changed || previous.newEvidence) {
      plan.put.push({ ...previous, newEvidence: changed, latest: changed ? suggestion : null });
    }
  }
  for (const requestId of storedIds) {
    if (!seen.has(requestId) && !decisionStates.has(requestId)) plan.remove.push(requestId);
  }
  return plan;
}

/** After an undo removes the decision, the request shows what the rules suggest now. */
export function afterDecisionRemoved(stored: StoredSuggestion): StoredSuggestion {
  if (stored.latest === null) return { ...stored, newEvidence: false };
  return {
    ...stored.latest,
    accountEmail: stored.accountEmail,
    receivedAt: stored.receivedAt,
    fingerprint: evidenceFingerprint(stored.latest),
    newEvidence: false,
    latest: null,
  };
}
