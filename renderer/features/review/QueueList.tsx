import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useMemo, useRef } from 'react';
import { OUTCOME_LABELS } from '../../../shared/policy/clauses';
import type { QueueRow } from '../../../shared/review/queue';
import { formatCredits, formatMoney, formatTime, formatCount } from './format';
import { STATE_LABELS } from './QueueToolbar';
import { useReviewUi } from './review-ui-store';

const ROW_HEIGHT = 58;

/** Only the rows in view are in the DOM, so 100,000 requests scroll like 100. */
export function QueueList({ rows }: { rows: readonly QueueRow[] }) {
  const parentRef = useRef<HTMLDivElement>(null);
  const selectedId = useReviewUi((s) => s.selectedId);
  const checked = useReviewUi((s) => s.checked);
  const { select, toggleChecked } = useReviewUi.getState();
  // A new key function makes the virtualizer measure every row again: 36k rows cost ~25 ms of
  // each selection when it was made anew at every render.
  const getItemKey = useCallback((index: number) => rows[index]?.requestId ?? index, [rows]);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => parentRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    getItemKey,
  });
  const indexOf = useMemo(() => new Map(rows.map((row, i) => [row.requestId, i])), [rows]);
  const selectedIndex = selectedId === null ? -1 : (indexOf.get(selectedId) ?? -1);
  useEffect(() => {
    if (selectedIndex < 0) return;
    // Scrolling measures the list (a forced layout): skip it while the row is already well in view.
    const range = virtualizer.range;
    if (range && selectedIndex > range.startIndex && selectedIndex < range.endIndex) return;
    const scroll = () => virtualizer.scrollToIndex(selectedIndex, { align: 'auto' });
    // j/k past the edge scrolls at once. A jump far away (a deep link, a search hit) lays out the
    // whole page, ~20 ms that would delay the request page opening: it waits until that is shown.
    const near = range && selectedIndex >= range.startIndex - 2 && selectedIndex <= range.endIndex + 2;
    if (near || typeof requestIdleCallback === 'undefined') {
      scroll();
      return;
    }
    const idle = requestIdleCallback(scroll, { timeout: 500 });
    return () => cancelIdleCallback(idle);
  }, [selectedIndex, virtualizer]);

  return (
    <div
      ref={parentRef}
      className="queue-list"
      tabIndex={0}
      aria-label={`Requests, ${formatCount(rows.length)} shown. Press j and k to move.`}
      data-testid="queue-list"
    >
      <ul className="queue-list__inner" style={{ height: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map((item) => {
          const row = rows[item.index];
          if (!row) return null;
          const selected = row.requestId === selectedId;
          return (
            <li
              key={item.key}
              className={`queue-row${selected ? ' queue-row--selected' : ''}`}
              style={{ transform: `translateY(${item.start}px)`, height: ROW_HEIGHT }}
              data-request-id={row.requestId}
              aria-current={selected ? 'true' : undefined}
            >
              <input
                type="checkbox"
                className="queue-row__check"
                checked={checked.has(row.requestId)}
                onChange={() => toggleChecked(row.requestId)}
                aria-label={`Tick ${row.requestId} for bulk accept`}
                tabIndex={-1}
              />
              <button
                type="button"
                className="queue-row__main"
                onClick={() => {
                  select(row.requestId);
                  // Keep the keyboard on the queue: Enter then accepts instead of re-clicking the row.
                  parentRef.current?.focus({ preventScroll: true });
                }}
                tabIndex={-1}
              >
                <span className="queue-row__line">
                  <strong className="mono">{row.requestId}</strong>
                  <span className="queue-row__email">{row.accountEmail}</span>
                  <span className="queue-row__time">{formatTime(row.receivedAt)}</span>
                </span>
                <span className="queue-row__line">
                  <span className={`outcome-badge outcome--${row.decidedOutcome ?? row.suggestedOutcome}`}>
                    {OUTCOME_LABELS[row.decidedOutcome ?? row.suggestedOutcome]}
                  </span>
                  <span className={`state-badge state--${row.state}`}>{STATE_LABELS[row.state]}</span>
                  {row.flags.includes('four_eyes') ? <span className="flag-badge">four eyes</span> : null}
                  {row.flags.includes('outage') ? <span className="flag-badge">outage</span> : null}
                  {row.flags.includes('repeat_requester') ? <span className="flag-badge">repeat</span> : null}
                  {row.newEvidence ? <span className="flag-badge flag-badge--warn">new evidence</span> : null}
                  <span className="queue-row__credits">
                    {formatCredits(row.credits)} {formatMoney(row.amountMinor, row.currency)}
                  </span>
                </span>
              </button>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
