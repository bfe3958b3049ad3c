import { formatCount } from './format';
import { useDeferredValue, useMemo, useState } from 'react';
import { countQueue, queryQueue } from '../../../shared/review/queue';
import { useUiStore } from '../../app/ui-store';
import { EmptyState } from '../../components/EmptyState';
import { ReviewIcon } from '../../components/icons';
import { PageHeader } from '../../components/PageHeader';
import { useReviewerIdentity } from '../../data/reviewer';
import { refreshSuggestions, useSuggestionRun, watchSuggestionInputs } from '../../data/suggestions';
import { BulkAcceptDialog } from './BulkAcceptDialog';
import { CheatSheetDialog } from './CheatSheetDialog';
import { useQueue } from './queue-store';
import { QueueList } from './QueueList';
import { QueueSummary } from './QueueSummary';
import { QueueToolbar } from './QueueToolbar';
import { RequestPane } from './RequestPane';
import { useReviewUi } from './review-ui-store';
import { useReviewKeys } from './use-review-keys';
import './review.css';

// Imports, exports and settings changes happen on other pages: keep the suggestions current from app start.
watchSuggestionInputs();

function NoRequests() {
  const goTo = useUiStore((s) => s.goTo);
  return (
    <EmptyState
      icon={<ReviewIcon />}
      title="No requests to review"
      action={
        <button type="button" className="button button--primary" onClick={() => goTo('import')}>
          Go to Import
        </button>
      }
    >
      <p>
        The review queue lists every support request matched to the generation it is about, with the outcome
        the billing policy suggests: credit-back, re-run, denial or a question for the customer.
      </p>
      <p>Import a support requests file together with the job log and the credit ledger to fill it.</p>
    </EmptyState>
  );
}

function RunStatus() {
  const run = useSuggestionRun();
  if (run.error) {
    return (
      <div className="run-status run-status--error" role="alert">
        Suggestions could not be computed: {run.error}{' '}
        <button
          type="button"
          className="link-button"
          onClick={() => void refreshSuggestions().catch(() => undefined)}
        >
          Try again
        </button>
      </div>
    );
  }
  if (!run.running) {
    return run.last ? (
      <p className="run-summary muted small" data-testid="run-status">
        {formatCount(run.last.requests)} requests · settings v{run.last.settingsVersion}{' '}
        <code title={run.last.settingsSha256}>{run.last.settingsSha256.slice(0, 12)}</code> · computed in{' '}
        {(run.last.ms / 1000).toFixed(1)} s
      </p>
    ) : null;
  }
  return (
    <div className="run-status" role="status" aria-live="polite">
      <span>Computing suggestions in the background: {run.phase}</span>
      {run.total > 0 ? (
        <div
          className="progress"
          role="progressbar"
          aria-label="Suggestions"
          aria-valuemin={0}
          aria-valuemax={run.total}
          aria-valuenow={run.done}
        >
          <div className="progress__bar" style={{ width: `${(100 * run.done) / run.total}%` }} />
        </div>
      ) : null}
    </div>
  );
}

export function ReviewPage() {
  const queue = useQueue();
  const run = useSuggestionRun();
  const actor = useReviewerIdentity() ?? null;
  const filter = useReviewUi((s) => s.filter);
  const sort = useReviewUi((s) => s.sort);
  const selectedId = useReviewUi((s) => s.selectedId);
  const checked = useReviewUi((s) => s.checked);
  const message = useReviewUi((s) => s.message);
  const openDialog = useReviewUi((s) => s.openDialog);
  const [bulkScope, setBulkScope] = useState<'ticked' | 'filter'>('filter');
  // Typing in the search box stays responsive: the 100,000-row filter runs on the deferred value.
  const deferredFilter = useDeferredValue(filter);
  const visible = useMemo(
    () => queryQueue(queue.rows, deferredFilter, sort),
    [queue.rows, deferredFilter, sort],
  );
  const counts = useMemo(() => countQueue(queue.rows), [queue.rows]);
  const incidents = useMemo(() => {
    const ids = new Set<string>();
    for (const row of queue.rows) for (const id of row.outageIds) ids.add(id);
    return [...ids].sort();
  }, [queue.rows]);
  useReviewKeys(visible, actor);

  const selected = selectedId === null ? null : (queue.byId.get(selectedId) ?? null);
  const bulkRows = bulkScope === 'ticked' ? queue.rows.filter((r) => checked.has(r.requestId)) : visible;

  const header = (
    <PageHeader
      title="Review"
      subtitle="Credit-back requests, each with the policy’s suggested outcome and its evidence."
      actions={
        queue.rows.length > 0 ? (
          <>
            <button type="button" className="button" onClick={() => openDialog('cheatsheet')}>
              Shortcuts <kbd>?</kbd>
            </button>
            <button
              type="button"
              className="button"
              disabled={checked.size === 0 || run.running}
              onClick={() => {
                setBulkScope('ticked');
                openDialog('bulk');
              }}
            >
              Accept ticked ({checked.size})
            </button>
            <button
              type="button"
              className="button"
              disabled={run.running}
              title={run.running ? 'Suggestions are being updated' : undefined}
              onClick={() => {
                setBulkScope('filter');
                openDialog('bulk');
              }}
            >
              Accept all in filter ({formatCount(visible.length)})
            </button>
          </>
        ) : undefined
      }
    />
  );

  if (queue.status === 'error') {
    return (
      <>
        {header}
        <div className="card" role="alert">
          <h2 className="card__title">The review queue could not be read</h2>
          <p className="message message--error">{queue.error}</p>
          <button type="button" className="button" onClick={() => window.location.reload()}>
            Reload
          </button>
        </div>
      </>
    );
  }
  if (queue.status === 'loading' || (queue.rows.length === 0 && run.running)) {
    return (
      <>
        {header}
        <RunStatus />
        <div className="review-loading" aria-busy="true">
          <div className="review-loading__bar" />
          <p className="muted">
            {queue.status === 'loading' ? 'Opening the review queue…' : 'Matching requests to their jobs…'}
          </p>
        </div>
      </>
    );
  }
  if (queue.rows.length === 0) {
    return (
      <>
        {header}
        <RunStatus />
        <NoRequests />
      </>
    );
  }

  return (
    <>
      {header}
      <RunStatus />
      <p
        className={message ? `message message--${message.kind}` : 'message'}
        role="status"
        data-testid="review-message"
      >
        {message?.text ?? ''}
      </p>
      <div className="review-layout">
        <div className="review-layout__queue">
          <QueueSummary counts={counts} />
          <QueueToolbar counts={counts} incidents={incidents} />
          {visible.length === 0 ? (
            <p className="queue-empty">No request matches these filters.</p>
          ) : (
            <QueueList rows={visible} />
          )}
        </div>
        <div className="review-layout__detail">
          {selected ? (
            <RequestPane row={selected} actor={actor} />
          ) : (
            <div className="request-pane request-pane--empty">
              <p>
                Select a request, or press <kbd>j</kbd> to open the first one.
              </p>
              <p className="muted">
                Press <kbd>?</kbd> for every shortcut.
              </p>
            </div>
          )}
        </div>
      </div>
      <CheatSheetDialog />
      <BulkAcceptDialog
        rows={bulkRows}
        scope={bulkScope === 'ticked' ? 'The ticked requests' : 'Every request in the current filter'}
        actor={actor}
      />
    </>
  );
}
