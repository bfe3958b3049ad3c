import { useEffect, useRef } from 'react';
import { OUTCOME_LABELS } from '../../../shared/policy/clauses';
import { OUTCOMES } from '../../../shared/policy/types';
import { OUTCOME_KEYS } from '../../../shared/review/outcome-keys';
import { useReviewUi } from './review-ui-store';

const NAVIGATION: [string, string][] = [
  ['j / ↓', 'Next request'],
  ['k / ↑', 'Previous request'],
  ['Enter', 'Accept the suggestion and move on'],
  ['u', 'Undo the last step of this request'],
  ['a', 'Approve (as a second reviewer)'],
  ['x', 'Tick for bulk accept'],
  ['/', 'Search'],
  ['?', 'This cheat sheet'],
];

export function CheatSheetDialog() {
  const open = useReviewUi((s) => s.dialog === 'cheatsheet');
  const close = () => useReviewUi.getState().openDialog(null);
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog ref={ref} className="review-dialog" aria-labelledby="cheatsheet-title" onClose={close}>
      <h2 id="cheatsheet-title">Keyboard shortcuts</h2>
      <div className="cheatsheet">
        <table className="table">
          <caption>Moving and deciding</caption>
          <tbody>
            {NAVIGATION.map(([key, what]) => (
              <tr key={key}>
                <td>
                  <kbd>{key}</kbd>
                </td>
                <td>{what}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <table className="table">
          <caption>Outcomes (the suggestion is accepted; another outcome asks for a note)</caption>
          <tbody>
            {OUTCOMES.map((outcome) => (
              <tr key={outcome}>
                <td>
                  <kbd>{OUTCOME_KEYS[outcome]}</kbd>
                </td>
                <td>{OUTCOME_LABELS[outcome]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="review-dialog__actions">
        <button type="button" className="button button--primary" onClick={close} autoFocus>
          Close
        </button>
      </div>
    </dialog>
  );
}
