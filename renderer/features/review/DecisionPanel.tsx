import { useState } from 'react';
import { OUTCOME_LABELS } from '../../../shared/policy/clauses';
import { OUTCOMES, type Outcome } from '../../../shared/policy/types';
import type { Decision } from '../../../shared/review/decision';
import { approvalProblem, sameReviewer } from '../../../shared/review/lifecycle';
import { OUTCOME_KEYS } from '../../../shared/review/outcome-keys';
import type { StoredSuggestion } from '../../../shared/review/stored-suggestion';
import { approveOne, decideOne, undoOne } from './actions';
import { formatCredits, formatMoney } from './format';
import { queueDecision } from './queue-store';
import { STATE_LABELS } from './QueueToolbar';
import { useReviewUi } from './review-ui-store';

interface Props {
  suggestion: StoredSuggestion;
  decision: Decision | null;
  actor: string | null;
}

/** Accept, override with a note, approve as a second reviewer, or undo. */
export function DecisionPanel({ suggestion, decision: stored, actor }: Props) {
  const decision = stored ? withQueueLock(stored, queueDecision(stored.requestId)) : null;
  const pending = useReviewUi((s) => s.pendingOutcome);
  const setPending = useReviewUi((s) => s.setPendingOutcome);
  const [note, setNote] = useState('');
  const requestId = suggestion.requestId;

  if (decision) {
    const problem = actor ? approvalProblem(decision, actor) : 'Set your identity to approve.';
    const fourEyes = decision.flags.includes('four_eyes');
    return (
      <section className="card decision-panel" aria-labelledby="decision-heading">
        <h3 id="decision-heading" className="card__title">
          Decision:{' '}
          <span className={`state-badge state--${decision.state}`}>{STATE_LABELS[decision.state]}</span>
        </h3>
        <p>
          <strong>{OUTCOME_LABELS[decision.outcome]}</strong> {formatCredits(decision.credits)}{' '}
          {formatMoney(decision.amountMinor, decision.currency)}
          {decision.outcome !== decision.suggestedOutcome ? (
            <span className="flag-badge flag-badge--warn">override</span>
          ) : null}
        </p>
        <p className="muted">
          Decided by {decision.decidedBy} at {decision.decidedAt}
          {decision.approvedBy ? `; approved by ${decision.approvedBy} at ${decision.approvedAt ?? ''}` : ''}
          {decision.batchId ? `; exported in batch ${decision.batchId}` : ''}
        </p>
        {decision.note ? <blockquote className="decision-note">{decision.note}</blockquote> : null}
        {fourEyes && decision.state === 'decided' ? (
          <p className="message message--warn">
            Four eyes: a second reviewer other than {decision.decidedBy} must approve before export.
          </p>
        ) : null}
        <div className="decision-panel__actions">
          {decision.state === 'decided' ? (
            <button
              type="button"
              className="button button--primary"
              disabled={problem !== null}
              title={problem ?? undefined}
              onClick={() => void approveOne(actor, requestId)}
            >
              Approve <kbd>a</kbd>
            </button>
          ) : null}
          {decision.state !== 'exported' ? (
            <button type="button" className="button" onClick={() => void undoOne(actor, requestId)}>
              {decision.state === 'approved' ? 'Undo approval' : 'Undo decision'} <kbd>u</kbd>
            </button>
          ) : (
            <span className="muted">Exported decisions are locked.</span>
          )}
        </div>
        {decision.state === 'decided' && problem && actor && sameReviewer(actor, decision.decidedBy) ? (
          <p className="muted">{problem}</p>
        ) : null}
      </section>
    );
  }

  async function record(outcome: Outcome, withNote: string) {
    const ok = await decideOne(actor, requestId, outcome, withNote);
    if (ok) {
      setNote('');
      setPending(null);
    }
  }

  return (
    <section className="card decision-panel" aria-labelledby="decision-heading">
      <h3 id="decision-heading" className="card__title">
        Decide
      </h3>
      <div className="decision-panel__actions">
        <button
          type="button"
          className="button button--primary"
          onClick={() => void record(suggestion.outcome, '')}
          data-testid="accept-suggestion"
        >
          Accept: {OUTCOME_LABELS[suggestion.outcome]} <kbd>Enter</kbd>
        </button>
      </div>
      <fieldset className="outcome-picker">
        <legend>Or choose another outcome (needs a note)</legend>
        {OUTCOMES.filter((o) => o !== suggestion.outcome).map((outcome) => (
          <button
            key={outcome}
            type="button"
            className={`button button--small${pending === outcome ? ' button--pressed' : ''}`}
            aria-pressed={pending === outcome}
            onClick={() => setPending(outcome)}
          >
            {OUTCOME_LABELS[outcome]} <kbd>{OUTCOME_KEYS[outcome]}</kbd>
          </button>
        ))}
      </fieldset>
      {pending !== null ? (
        <form
          className="override-form"
          onSubmit={(e) => {
            e.preventDefault();
            void record(pending, note);
          }}
        >
          <label htmlFor="override-note">
            Why {OUTCOME_LABELS[pending]} instead of {OUTCOME_LABELS[suggestion.outcome]}?
          </label>
          <textarea
            id="override-note"
            rows={3}
            value={note}
            onChange={(e) => setNote(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
                e.preventDefault();
                void record(pending, note);
              }
              if (e.key === 'Escape') setPending(null);
            }}
            required
          />
          <div className="decision-panel__actions">
            <button type="submit" className="button button--primary" disabled={note.trim() === ''}>
              Record override <kbd>Ctrl+Enter</kbd>
            </button>
            <button type="button" className="button" onClick={() => setPending(null)}>
              Cancel
            </button>
          </div>
        </form>
      ) : null}
    </section>
  );
}

/**
 * An export locks a decision through its batch's set and leaves the stored record as it was
 * (data/export-sets.ts); the queue has joined the locks, so its copy says whether it is exported.
 */
function withQueueLock(stored: Decision, queued: Decision | undefined): Decision {
  if (stored.state === 'exported' || queued?.state !== 'exported') return stored;
  return { ...stored, state: 'exported', batchId: queued.batchId };
}
