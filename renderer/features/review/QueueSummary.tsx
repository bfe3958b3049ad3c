import { formatCount } from './format';
import { OUTCOME_LABELS } from '../../../shared/policy/clauses';
import { OUTCOMES } from '../../../shared/policy/types';
import { OUTCOME_KEYS } from '../../../shared/review/outcome-keys';
import { REVIEW_STATES } from '../../../shared/review/lifecycle';
import type { QueueCounts } from '../../../shared/review/queue';
import { STATE_LABELS } from './QueueToolbar';
import { useReviewUi } from './review-ui-store';

/** Counts per state and per suggested outcome; each is a shortcut to that filter. */
export function QueueSummary({ counts }: { counts: QueueCounts }) {
  const setFilter = useReviewUi((s) => s.setFilter);
  return (
    <section className="queue-summary" aria-label="Queue counts">
      <ul className="queue-summary__states" data-testid="state-counts">
        {REVIEW_STATES.map((state) => (
          <li key={state}>
            <button
              type="button"
              className="count-chip"
              data-testid={`count-state-${state}`}
              onClick={() => setFilter({ states: [state] })}
            >
              <span className="count-chip__label">{STATE_LABELS[state]}</span>
              <span className="count-chip__value">{formatCount(counts.byState[state])}</span>
            </button>
          </li>
        ))}
        {counts.newEvidence > 0 ? (
          <li>
            <button
              type="button"
              className="count-chip count-chip--warn"
              onClick={() => setFilter({ flags: ['new_evidence'] })}
            >
              <span className="count-chip__label">New evidence</span>
              <span className="count-chip__value">{counts.newEvidence}</span>
            </button>
          </li>
        ) : null}
      </ul>
      <ul className="queue-summary__outcomes" data-testid="outcome-counts">
        {OUTCOMES.filter((o) => (counts.byOutcome[o] ?? 0) > 0).map((outcome) => (
          <li key={outcome}>
            <button
              type="button"
              className={`count-chip outcome--${outcome}`}
              data-testid={`count-outcome-${outcome}`}
              onClick={() => setFilter({ outcomes: [outcome] })}
            >
              <kbd aria-hidden="true">{OUTCOME_KEYS[outcome]}</kbd>
              <span className="count-chip__label">{OUTCOME_LABELS[outcome]}</span>
              <span className="count-chip__value">{formatCount(counts.byOutcome[outcome] ?? 0)}</span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
