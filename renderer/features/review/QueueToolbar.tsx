import { OUTCOME_LABELS } from '../../../shared/policy/clauses';
import { OUTCOMES, type Outcome } from '../../../shared/policy/types';
import { REVIEW_STATES, type ReviewState } from '../../../shared/review/lifecycle';
import type { QueueCounts, QueueFlag, SortKey } from '../../../shared/review/queue';
import { dayInputValue, dayStartUtc } from './format';
import { useReviewUi } from './review-ui-store';

const FLAG_LABELS: Record<QueueFlag, string> = {
  four_eyes: 'Four eyes',
  repeat_requester: 'Repeat requester',
  outage: 'Outage',
  new_evidence: 'New evidence',
};

const SORT_LABELS: Record<SortKey, string> = {
  received: 'Received',
  request: 'Request id',
  email: 'Email',
  credits: 'Credits',
  outcome: 'Suggested outcome',
  state: 'State',
};

export const STATE_LABELS: Record<ReviewState, string> = {
  suggested: 'Suggested',
  decided: 'Decided',
  approved: 'Approved',
  exported: 'Exported',
};

const DAY = 86_400_000;

export function QueueToolbar({ counts, incidents }: { counts: QueueCounts; incidents: readonly string[] }) {
  const filter = useReviewUi((s) => s.filter);
  const sort = useReviewUi((s) => s.sort);
  const { setFilter, setSort, resetFilter } = useReviewUi.getState();
  return (
    <div className="queue-toolbar" role="search" aria-label="Filter the queue">
      <div className="queue-toolbar__row">
        <label className="visually-hidden" htmlFor="queue-search">
          Search by email, request id or job id
        </label>
        <input
          id="queue-search"
          type="search"
          className="queue-toolbar__search"
          placeholder="Search email, request id or job id  ( / )"
          value={filter.search}
          onChange={(e) => setFilter({ search: e.target.value })}
          onKeyDown={(e) => {
            if (e.key === 'Escape' || e.key === 'Enter') e.currentTarget.blur();
          }}
          spellCheck={false}
          autoComplete="off"
        />
      </div>
      <div className="queue-toolbar__row">
        <label>
          <span>Suggested</span>
          <select
            value={filter.outcomes[0] ?? ''}
            onChange={(e) => setFilter({ outcomes: e.target.value ? [e.target.value as Outcome] : [] })}
          >
            <option value="">All outcomes ({counts.total})</option>
            {OUTCOMES.map((o) => (
              <option key={o} value={o}>
                {OUTCOME_LABELS[o]} ({counts.byOutcome[o] ?? 0})
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>State</span>
          <select
            value={filter.states[0] ?? ''}
            onChange={(e) => setFilter({ states: e.target.value ? [e.target.value as ReviewState] : [] })}
          >
            <option value="">All states</option>
            {REVIEW_STATES.map((s) => (
              <option key={s} value={s}>
                {STATE_LABELS[s]} ({counts.byState[s]})
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>Flag</span>
          <select
            value={filter.flags[0] ?? ''}
            onChange={(e) => setFilter({ flags: e.target.value ? [e.target.value as QueueFlag] : [] })}
          >
            <option value="">Any</option>
            {(Object.keys(FLAG_LABELS) as QueueFlag[]).map((f) => (
              <option key={f} value={f}>
                {FLAG_LABELS[f]}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>Outage</span>
          <select value={filter.outage ?? ''} onChange={(e) => setFilter({ outage: e.target.value || null })}>
            <option value="">Any</option>
            <option value="any">During some outage</option>
            {incidents.map((id) => (
              <option key={id} value={id}>
                {id}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className="queue-toolbar__row">
        <label>
          <span>Received from</span>
          <input
            type="date"
            value={dayInputValue(filter.receivedFrom)}
            onChange={(e) => setFilter({ receivedFrom: dayStartUtc(e.target.value) })}
          />
        </label>
        <label>
          <span>to</span>
          <input
            type="date"
            value={dayInputValue(filter.receivedTo === null ? null : filter.receivedTo - DAY)}
            onChange={(e) => {
              const day = dayStartUtc(e.target.value);
              setFilter({ receivedTo: day === null ? null : day + DAY });
            }}
          />
        </label>
        <label>
          <span>Sort</span>
          <select value={sort.key} onChange={(e) => setSort({ ...sort, key: e.target.value as SortKey })}>
            {(Object.keys(SORT_LABELS) as SortKey[]).map((k) => (
              <option key={k} value={k}>
                {SORT_LABELS[k]}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          className="button button--small"
          onClick={() => setSort({ ...sort, descending: !sort.descending })}
          aria-label={
            sort.descending ? 'Sorted descending; sort ascending' : 'Sorted ascending; sort descending'
          }
        >
          {sort.descending ? '↓' : '↑'}
        </button>
        <button type="button" className="link-button" onClick={resetFilter}>
          Clear filters
        </button>
      </div>
    </div>
  );
}
