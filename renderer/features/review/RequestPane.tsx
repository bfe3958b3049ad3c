import { useLayoutEffect, useMemo, useState } from 'react';
import { OUTCOME_LABELS, plainLanguage, POLICY_CLAUSES } from '../../../shared/policy/clauses';
import { formatMajorUnits } from '../../../shared/policy/money';
import type { Suggestion } from '../../../shared/policy/types';
import { repickJob } from '../../data/suggestions';
import { AccountTimeline } from './AccountTimeline';
import { DecisionPanel } from './DecisionPanel';
import { EvidencePanel } from './EvidencePanel';
import { formatCredits, formatMoney, formatTime } from './format';
import { STATE_LABELS } from './QueueToolbar';
import { otherRequestsOf, type QueueRow } from '../../../shared/review/queue';
import { queueDecision, useQueue } from './queue-store';
import { loadRequestView, type RequestView } from './request-view';
import { useReviewUi } from './review-ui-store';

function SuggestionSummary({ suggestion, heading }: { suggestion: Suggestion; heading: string }) {
  const clause = POLICY_CLAUSES[suggestion.outcome];
  const amount =
    suggestion.amountMinor !== null && suggestion.currency !== null
      ? `${formatMajorUnits(suggestion.amountMinor, suggestion.currency)} ${suggestion.currency}`
      : null;
  return (
    <section className="card suggestion" aria-label={heading}>
      <p className="suggestion__eyebrow">{heading}</p>
      <p className="suggestion__outcome">
        <span className={`outcome-badge outcome--${suggestion.outcome}`} data-testid="suggested-outcome">
          {OUTCOME_LABELS[suggestion.outcome]}
        </span>{' '}
        {formatCredits(suggestion.credits)} {formatMoney(suggestion.amountMinor, suggestion.currency)}
        {suggestion.flags.map((f) => (
          <span key={f} className="flag-badge">
            {f.replace('_', ' ')}
          </span>
        ))}
      </p>
      <p className="suggestion__plain">
        {plainLanguage(suggestion.reason, { credits: suggestion.credits, amount })}
      </p>
      <blockquote className="clause">
        <p className="clause__heading">Policy: {clause.heading}</p>
        <p>{clause.text}</p>
      </blockquote>
      <p className="muted small">
        Rule {suggestion.rule} · reason <code>{suggestion.reason}</code> · settings{' '}
        <code title={suggestion.settingsSha256}>{suggestion.settingsSha256.slice(0, 12)}</code>
      </p>
    </section>
  );
}

/** The request page: the customer's words, the suggestion and its clause, evidence, history, decision. */
export function RequestPane({ row, actor }: { row: QueueRow; actor: string | null }) {
  const [view, setView] = useState<{ id: string; view: RequestView | null; error: string | null } | null>(
    null,
  );
  const say = useReviewUi((s) => s.say);
  const queue = useQueue();
  const select = useReviewUi((s) => s.select);
  // From the queue in memory: reading them by account was the slowest query of an open.
  const others = useMemo(() => otherRequestsOf(queue.rows, row), [queue.rows, row]);
  // The row changes identity on every decision, undo or re-run: reload the view with it.
  const version = `${row.requestId}|${row.state}|${row.decidedOutcome ?? ''}|${row.suggestedOutcome}|${row.jobId ?? ''}|${row.newEvidence}`;
  // Started before the browser lays out and paints the new selection (a passive effect would
  // wait for that frame), so the reads overlap it.
  useLayoutEffect(() => {
    let live = true;
    loadRequestView(row).then(
      (loaded) => live && setView({ id: row.requestId, view: loaded, error: null }),
      (error: unknown) => live && setView({ id: row.requestId, view: null, error: String(error) }),
    );
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `version` covers every field of the row that matters
  }, [row.requestId, version]);

  if (!view || view.id !== row.requestId) {
    return (
      <div className="request-pane request-pane--loading" aria-busy="true">
        <p className="muted">Opening {row.requestId}…</p>
      </div>
    );
  }
  if (view.error || !view.view) {
    return (
      <div className="request-pane" role="alert">
        <p className="message message--error">
          Could not open {row.requestId}: {view.error ?? 'the request is gone.'}
        </p>
      </div>
    );
  }
  const { request, suggestion, decision, evidence, timeline } = view.view;
  const undecided = decision === null;

  return (
    <article className="request-pane" aria-labelledby="request-heading" data-testid="request-pane">
      <header className="request-pane__header">
        <h2 id="request-heading" className="mono">
          {request.requestId}
        </h2>
        <span className={`state-badge state--${row.state}`}>{STATE_LABELS[row.state]}</span>
        {suggestion.newEvidence ? (
          <span className="flag-badge flag-badge--warn" data-testid="new-evidence">
            new evidence
          </span>
        ) : null}
        <span className="muted">
          {request.accountEmailRaw} · received {formatTime(request.receivedAt)}
        </span>
        <span className="muted small" data-testid="open-ms">
          opened in {view.view.loadMs.toFixed(0)} ms
        </span>
      </header>

      <section className="card customer-words" aria-labelledby="words-heading">
        <h3 id="words-heading" className="card__title">
          The customer wrote
        </h3>
        <blockquote className="customer-words__message">{request.message || <em>No message.</em>}</blockquote>
        <dl className="facts">
          <dt>Error details</dt>
          <dd>{request.errorDetails || '—'}</dd>
          <dt>Asked for</dt>
          <dd>{request.requestedRemedy.replace('_', ' ')}</dd>
          <dt>Stated time</dt>
          <dd>
            {request.approx ? formatTime(request.approx.t) : 'not given (received time used)'}
            {request.approx?.dateOnly ? ' (date only)' : ''}
            {request.timezone ? ` · zone ${request.timezone}` : ''}
          </dd>
          <dt>Job id given</dt>
          <dd className="mono">{request.jobId || '—'}</dd>
        </dl>
      </section>

      <SuggestionSummary
        suggestion={suggestion}
        heading={undecided ? 'Suggested outcome' : 'Suggestion it was decided on'}
      />
      {suggestion.newEvidence && suggestion.latest ? (
        <div className="new-evidence-note" role="note">
          <p>
            <strong>New evidence since this was decided.</strong> The rules would now suggest{' '}
            <strong>{OUTCOME_LABELS[suggestion.latest.outcome]}</strong> ({suggestion.latest.reason}). The
            decision stands until a reviewer undoes it.
          </p>
        </div>
      ) : null}

      <DecisionPanel key={request.requestId} suggestion={suggestion} decision={decision} actor={actor} />

      <EvidencePanel
        suggestion={suggestion}
        evidence={evidence}
        onRepick={
          undecided
            ? (jobId) => {
                if (!actor) {
                  say('error', 'Set your reviewer identity in Settings first.');
                  return;
                }
                say('ok', `Re-running the rules for ${request.requestId} with job ${jobId}…`);
                repickJob(request.requestId, jobId, actor).then(
                  () => say('ok', `${request.requestId}: suggestion recomputed with job ${jobId}.`),
                  (error: unknown) => say('error', error instanceof Error ? error.message : String(error)),
                );
              }
            : null
        }
      />

      <section className="card" aria-labelledby="timeline-heading">
        <h3 id="timeline-heading" className="card__title">
          Timeline around the stated time
        </h3>
        <AccountTimeline
          from={timeline.from}
          to={timeline.to}
          t={timeline.t}
          windowStart={suggestion.evidence.window?.start ?? null}
          windowEnd={suggestion.evidence.window?.end ?? null}
          jobs={timeline.jobs}
          outages={timeline.outages}
          latest={timeline.latest}
          pickedJobId={suggestion.jobId}
        />
      </section>

      <section className="card" aria-labelledby="history-heading">
        <h3 id="history-heading" className="card__title">
          The account’s other requests ({others.length})
        </h3>
        {others.length === 0 ? (
          <p className="muted">None.</p>
        ) : (
          <table className="table">
            <thead>
              <tr>
                <th>Request</th>
                <th>Received</th>
                <th>Suggested</th>
                <th>Decision</th>
              </tr>
            </thead>
            <tbody>
              {others.map((other) => {
                const d = queueDecision(other.requestId);
                return (
                  <tr key={other.requestId}>
                    <td>
                      <button
                        type="button"
                        className="link-button mono"
                        onClick={() => select(other.requestId)}
                      >
                        {other.requestId}
                      </button>
                    </td>
                    <td>{formatTime(other.receivedAt)}</td>
                    <td>{OUTCOME_LABELS[other.suggestedOutcome]}</td>
                    <td>
                      {d
                        ? `${OUTCOME_LABELS[d.outcome]} · ${STATE_LABELS[d.state]} by ${d.decidedBy}${d.note ? ` — “${d.note}”` : ''}`
                        : 'undecided'}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </section>
    </article>
  );
}
