import type { VerificationCheck } from '../../../shared/export';

/** The checks in the spec's order, each with its own message: what passed, failed or could not run. */
export function VerifyChecks({ checks }: { checks: VerificationCheck[] }) {
  return (
    <ol className="verify-checks" aria-label="Verification checks">
      {checks.map((check) => {
        const state = check.skipped ? 'skipped' : check.ok ? 'ok' : 'failed';
        return (
          <li
            key={check.name}
            className={`verify-check verify-check--${state}`}
            data-testid={`check-${check.name}`}
            data-state={state}
          >
            <span className="verify-check__mark" aria-hidden="true">
              {state === 'ok' ? '✓' : state === 'failed' ? '✗' : '–'}
            </span>
            <span className="verify-check__name">
              {check.name}
              <span className="visually-hidden">
                {state === 'ok' ? ' passed' : state === 'failed' ? ' failed' : ' not checked'}
              </span>
            </span>
            <span>{check.message}</span>
          </li>
        );
      })}
    </ol>
  );
}
