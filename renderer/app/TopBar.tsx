import { useReviewerIdentity } from '../data/reviewer';
import { OfflineIcon } from '../components/icons';
import { useUiStore } from './ui-store';

export function TopBar() {
  const identity = useReviewerIdentity();
  const goTo = useUiStore((s) => s.goTo);
  return (
    <header className="top-bar">
      <div className="top-bar__brand">
        <span className="top-bar__logo" aria-hidden="true">
          RD
        </span>
        <span className="top-bar__name">Review Desk</span>
        <span className="top-bar__studio">Vysage Studio</span>
      </div>
      <div className="top-bar__status">
        <span className="badge badge--offline" title="The desk works offline and makes no network request">
          <OfflineIcon /> offline
        </span>
        {identity === undefined ? null : identity ? (
          <span className="top-bar__identity" data-testid="reviewer-identity">
            Reviewer <strong>{identity}</strong>
          </span>
        ) : (
          <button
            type="button"
            className="link-button"
            onClick={() => goTo('settings')}
            data-testid="reviewer-identity"
          >
            Set your reviewer identity
          </button>
        )}
      </div>
    </header>
  );
}
