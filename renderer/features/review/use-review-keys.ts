import { useEffect } from 'react';
import { outcomeForKey } from '../../../shared/review/outcome-keys';
import type { QueueRow } from '../../../shared/review/queue';
import { approveOne, decideOne, undoOne } from './actions';
import { useReviewUi } from './review-ui-store';

function typingInto(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/**
 * The queue's keyboard: j/k (or the arrows) move, Enter accepts the suggestion and moves on, an
 * outcome's key accepts it when it is the suggestion or else asks for the override's note, u
 * undoes, a approves, x ticks for bulk accept, / searches, ? shows the cheat sheet.
 */
export function useReviewKeys(visible: readonly QueueRow[], actor: string | null): void {
  useEffect(() => {
    function move(step: number) {
      const ui = useReviewUi.getState();
      if (visible.length === 0) return;
      const index = visible.findIndex((row) => row.requestId === ui.selectedId);
      const next = index < 0 ? 0 : Math.min(visible.length - 1, Math.max(0, index + step));
      ui.select(visible[next]?.requestId ?? null);
      // Keys go to the queue from now on, not to whatever control was last clicked (a nav link).
      const list = document.querySelector<HTMLElement>('[data-testid="queue-list"]');
      if (list && document.activeElement !== list) list.focus({ preventScroll: true });
    }
    function onKey(event: KeyboardEvent) {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
      const ui = useReviewUi.getState();
      if (ui.dialog !== null || typingInto(event.target)) return;
      const selected = visible.find((row) => row.requestId === ui.selectedId) ?? null;
      const key = event.key;
      if (key === '?') {
        event.preventDefault();
        ui.openDialog('cheatsheet');
      } else if (key === 'j' || key === 'ArrowDown') {
        event.preventDefault();
        move(1);
      } else if (key === 'k' || key === 'ArrowUp') {
        event.preventDefault();
        move(-1);
      } else if (key === '/') {
        event.preventDefault();
        document.getElementById('queue-search')?.focus();
      } else if (selected === null) {
        return;
      } else if (key === 'Enter') {
        // Enter on a focused button or link activates that control, not the suggestion.
        if (event.target instanceof HTMLElement && event.target.closest('button, a, summary')) return;
        if (selected.state !== 'suggested') return;
        event.preventDefault();
        void decideOne(actor, selected.requestId, selected.suggestedOutcome, '').then((ok) => {
          if (ok) move(1);
        });
      } else if (key === 'u') {
        event.preventDefault();
        void undoOne(actor, selected.requestId);
      } else if (key === 'a') {
        event.preventDefault();
        void approveOne(actor, selected.requestId);
      } else if (key === 'x') {
        event.preventDefault();
        ui.toggleChecked(selected.requestId);
      } else {
        const outcome = outcomeForKey(key);
        if (outcome === null || selected.state !== 'suggested') return;
        event.preventDefault();
        if (outcome === selected.suggestedOutcome) {
          void decideOne(actor, selected.requestId, outcome, '').then((ok) => {
            if (ok) move(1);
          });
        } else {
          ui.setPendingOutcome(outcome);
          // The note field appears with the pending outcome; focus it once it is rendered.
          requestAnimationFrame(() => document.getElementById('override-note')?.focus());
        }
      }
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [visible, actor]);
}
