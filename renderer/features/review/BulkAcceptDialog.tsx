import { useEffect, useMemo, useRef, useState } from 'react';
import { OUTCOME_LABELS } from '../../../shared/policy/clauses';
import { OUTCOMES } from '../../../shared/policy/types';
import { bulkTotals } from '../../../shared/review/bulk-totals';
import type { QueueRow } from '../../../shared/review/queue';
import { decideMany } from './actions';
import { formatMoney, formatCount } from './format';
import { useReviewUi } from './review-ui-store';

interface Props {
  /** The rows the dialog was opened for: the ticked ones, or the whole filter. */
  rows: readonly QueueRow[];
  scope: string;
  actor: string | null;
}

/** Confirms a bulk accept with its totals: how many, and the credits per outcome. */
export function BulkAcceptDialog({ rows, scope, actor }: Props) {
  const open = useReviewUi((s) => s.dialog === 'bulk');
  const ref = useRef<HTMLDialogElement>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const undecided = useMemo(() => rows.filter((r) => r.state === 'suggested'), [rows]);
  const totals = useMemo(
    () =>
      bulkTotals(
        undecided.map((r) => ({
          outcome: r.suggestedOutcome,
          credits: r.credits,
          amountMinor: r.amountMinor,
          currency: r.currency,
        })),
        OUTCOMES,
      ),
    [undecided],
  );
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  const close = () => {
    if (progress === null) useReviewUi.getState().openDialog(null);
  };

  async function confirm() {
    setProgress(0);
    await decideMany(
      actor,
      undecided.map((r) => ({ requestId: r.requestId, outcome: r.suggestedOutcome, note: '' })),
      setProgress,
    );
    setProgress(null);
    useReviewUi.getState().setChecked([]);
    useReviewUi.getState().openDialog(null);
  }

  return (
    <dialog
      ref={ref}
      className="review-dialog"
      aria-labelledby="bulk-title"
      onClose={close}
      onCancel={(e) => progress !== null && e.preventDefault()}
    >
      <h2 id="bulk-title">Accept {formatCount(totals.count)} suggestions?</h2>
      <p>
        {scope}: {formatCount(rows.length)} requests, of which {formatCount(totals.count)} are undecided and
        will be decided as suggested, under your identity {actor ?? '(not set)'}. Decided ones are left alone.
        Each decision is recorded in the audit log.
      </p>
      <table className="table" data-testid="bulk-totals">
        <thead>
          <tr>
            <th>Outcome</th>
            <th className="num">Requests</th>
            <th className="num">Credits</th>
            <th className="num">Money</th>
          </tr>
        </thead>
        <tbody>
          {totals.byOutcome.map((t) => (
            <tr key={t.outcome}>
              <td>{OUTCOME_LABELS[t.outcome]}</td>
              <td className="num">{formatCount(t.count)}</td>
              <td className="num">{t.credits ? formatCount(t.credits) : ''}</td>
              <td className="num">
                {Object.entries(t.amounts)
                  .map(([currency, minor]) => formatMoney(minor, currency))
                  .join(', ')}
              </td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th>Total</th>
            <th className="num">{formatCount(totals.count)}</th>
            <th className="num">{formatCount(totals.credits)}</th>
            <th />
          </tr>
        </tfoot>
      </table>
      {progress !== null ? (
        <div
          className="progress"
          role="progressbar"
          aria-label="Accepting"
          aria-valuemin={0}
          aria-valuemax={totals.count}
          aria-valuenow={progress}
        >
          <div
            className="progress__bar"
            style={{ width: `${(100 * progress) / Math.max(1, totals.count)}%` }}
          />
        </div>
      ) : null}
      <div className="review-dialog__actions">
        <button type="button" className="button" onClick={close} disabled={progress !== null}>
          Cancel
        </button>
        <button
          type="button"
          className="button button--primary"
          onClick={() => void confirm()}
          disabled={progress !== null || totals.count === 0 || !actor}
        >
          Accept {formatCount(totals.count)}
        </button>
      </div>
    </dialog>
  );
}
