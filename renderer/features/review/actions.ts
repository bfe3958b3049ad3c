import { OUTCOME_LABELS } from '../../../shared/policy/clauses';
import type { Outcome } from '../../../shared/policy/types';
import { LifecycleError } from '../../../shared/review/lifecycle';
import { approveDecision, decideRequests, undoDecision, type DecideItem } from '../../data/decisions';
import { refreshSuggestionsIfStale, suggestionsAreCurrent } from '../../data/suggestions';
import { applyDecisionChanges } from './queue-store';
import { useReviewUi } from './review-ui-store';

const say = (kind: 'ok' | 'error', text: string) => useReviewUi.getState().say(kind, text);

function explain(error: unknown): string {
  if (error instanceof LifecycleError) return error.message;
  return `Could not save: ${error instanceof Error ? error.message : String(error)}`;
}

const STALE_MESSAGE =
  'New data or settings arrived and the suggestions are being brought up to date. Decide again when the update finishes.';

/** Refuses to record outcomes from suggestions that predate the latest import or settings. */
async function needCurrentSuggestions(): Promise<boolean> {
  if (await suggestionsAreCurrent()) return true;
  say('error', STALE_MESSAGE);
  void refreshSuggestionsIfStale().catch(() => undefined);
  return false;
}

function needIdentity(actor: string | null): actor is string {
  if (actor) return true;
  say('error', 'Set your reviewer identity in Settings first: every decision is recorded under it.');
  return false;
}

export async function decideOne(
  actor: string | null,
  requestId: string,
  outcome: Outcome,
  note: string,
): Promise<boolean> {
  if (!needIdentity(actor) || !(await needCurrentSuggestions())) return false;
  try {
    const result = await decideRequests([{ requestId, outcome, note }], actor);
    applyDecisionChanges(result.changes);
    const problem = result.problems[0];
    if (problem) {
      say('error', `${requestId}: ${problem.message}`);
      return false;
    }
    say('ok', `${requestId}: ${OUTCOME_LABELS[outcome]}${note.trim() ? ' (override, with note)' : ''}.`);
    return true;
  } catch (error) {
    say('error', explain(error));
    return false;
  }
}

const BULK_CHUNK = 2000;

/** Decides in chunks, each its own transaction with its audit entries, reporting progress. */
export async function decideMany(
  actor: string | null,
  items: readonly DecideItem[],
  onProgress: (done: number) => void,
): Promise<{ decided: number; problems: number }> {
  if (!needIdentity(actor) || !(await needCurrentSuggestions()))
    return { decided: 0, problems: items.length };
  let decided = 0;
  let problems = 0;
  try {
    for (let start = 0; start < items.length; start += BULK_CHUNK) {
      const result = await decideRequests(items.slice(start, start + BULK_CHUNK), actor);
      applyDecisionChanges(result.changes);
      decided += result.changes.length;
      problems += result.problems.length;
      onProgress(Math.min(items.length, start + BULK_CHUNK));
    }
    say(
      'ok',
      `Accepted ${decided.toLocaleString('en-US')} suggestions${problems ? `; ${problems} skipped` : ''}.`,
    );
  } catch (error) {
    say('error', explain(error));
  }
  return { decided, problems };
}

export async function approveOne(actor: string | null, requestId: string): Promise<void> {
  if (!needIdentity(actor)) return;
  try {
    const decision = await approveDecision(requestId, actor);
    applyDecisionChanges([{ requestId, decision }]);
    say('ok', `${requestId}: approved by ${actor}.`);
  } catch (error) {
    say('error', explain(error));
  }
}

export async function undoOne(actor: string | null, requestId: string): Promise<void> {
  if (!needIdentity(actor)) return;
  try {
    const change = await undoDecision(requestId, actor);
    applyDecisionChanges([change]);
    say(
      'ok',
      change.decision
        ? `${requestId}: approval withdrawn.`
        : `${requestId}: decision undone, back to suggested.`,
    );
  } catch (error) {
    say('error', explain(error));
  }
}
