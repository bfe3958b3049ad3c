import { useMemo, useState } from 'react';
import {
  proactiveDecisions,
  selectedCandidates,
  selectedCount,
  summarizeProactive,
  type CompactReport,
} from '../../../shared/outages';
import { createProactiveCreditBacks } from '../../data/proactive';
import { useReviewerIdentity } from '../../data/reviewer';
import { useSettingsInForce } from '../../data/policy-settings';
import { count } from './format';

/**
 * Proactive credit-backs: the summary per account comes first, and nothing is created until the
 * support lead confirms it. The decisions then wait on the Exports page like any other.
 */
export function ProactivePanel({
  report,
  deselected,
  onCreated,
}: {
  report: CompactReport;
  /** Eligible jobs the support lead unticked in the table. */
  deselected: ReadonlySet<string>;
  onCreated: () => void;
}) {
  const identity = useReviewerIdentity();
  const inForce = useSettingsInForce();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const threshold = inForce?.settings.fourEyesCreditThreshold ?? 500;
  const jobs = useMemo(() => selectedCount(report.table, deselected), [report, deselected]);
  // The rows and the summary per account only once asked for: 10,000 jobs open without them.
  const selected = useMemo(
    () => (confirming ? selectedCandidates(report.table, deselected) : null),
    [confirming, report, deselected],
  );
  const summary = useMemo(
    () => (selected ? summarizeProactive(selected, threshold) : null),
    [selected, threshold],
  );
  const eligible = report.totals.eligibleJobs;

  const create = async () => {
    if (!identity || !inForce || !selected) return;
    setBusy(true);
    try {
      const decisions = proactiveDecisions(selected, {
        incidentId: report.span.outage.incidentId,
        incidentTitle: report.span.outage.title,
        decidedBy: identity,
        decidedAt: new Date().toISOString(),
        fourEyesCreditThreshold: threshold,
        settingsSha256: inForce.sha256,
      });
      const result = await createProactiveCreditBacks(decisions, identity);
      const skipped =
        result.skipped.length > 0 ? ` ${count(result.skipped.length)} skipped: already compensated.` : '';
      setMessage({
        ok: true,
        text: `Created ${count(result.created.length)} credit-back ${result.created.length === 1 ? 'decision' : 'decisions'}.${skipped} They are listed on the Exports page.`,
      });
      setConfirming(false);
      onCreated();
    } catch (error) {
      setMessage({ ok: false, text: error instanceof Error ? error.message : String(error) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card" aria-labelledby="proactive-title" data-testid="proactive-panel">
      <h2 className="card__title" id="proactive-title">
        Proactive credit-backs
      </h2>
      <p className="card__lead">
        The policy promises the credit-back for a platform failure without waiting for the customer.{' '}
        {count(eligible)} affected {eligible === 1 ? 'job has' : 'jobs have'} no request, no restore and no
        earlier credit-back; {count(jobs)} selected. Each becomes a <code>credit_back</code> decision with
        reason <code>outage_proactive</code>, under the same four-eyes rule, audit log and signed batch as any
        other.
      </p>
      {identity === null ? (
        <p className="message message--error">Set your reviewer identity in Settings first.</p>
      ) : null}
      {summary === null ? (
        <button
          type="button"
          className="button button--primary"
          disabled={jobs === 0 || !identity}
          onClick={() => {
            setMessage(null);
            setConfirming(true);
          }}
        >
          Review credit-backs for {count(jobs)} {jobs === 1 ? 'job' : 'jobs'}…
        </button>
      ) : (
        <div className="outages-confirm" role="group" aria-labelledby="proactive-summary-title">
          <h3 id="proactive-summary-title">
            Credits to be restored: {count(summary.credits)} to {count(summary.accounts.length)}{' '}
            {summary.accounts.length === 1 ? 'account' : 'accounts'}
          </h3>
          {summary.fourEyesJobs > 0 ? (
            <p className="alert alert--warn">
              {count(summary.fourEyesJobs)} of them exceed {count(threshold)} credits and need a second
              reviewer before export.
            </p>
          ) : null}
          <div className="table-scroll outages-accounts">
            <table className="table" data-testid="proactive-summary">
              <thead>
                <tr>
                  <th scope="col">Account</th>
                  <th scope="col" className="num">
                    Jobs
                  </th>
                  <th scope="col" className="num">
                    Credits
                  </th>
                  <th scope="col" className="num">
                    Four-eyes
                  </th>
                </tr>
              </thead>
              <tbody>
                {summary.accounts.map((line) => (
                  <tr key={line.accountEmail}>
                    <td>{line.accountEmail}</td>
                    <td className="num">{count(line.jobs)}</td>
                    <td className="num">{count(line.credits)}</td>
                    <td className="num">{count(line.fourEyesJobs)}</td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row">Total</th>
                  <td className="num">{count(summary.jobs)}</td>
                  <td className="num">{count(summary.credits)}</td>
                  <td className="num">{count(summary.fourEyesJobs)}</td>
                </tr>
              </tfoot>
            </table>
          </div>
          <div className="outages-confirm__actions">
            <button
              type="button"
              className="button button--primary"
              disabled={busy}
              onClick={() => void create()}
            >
              Create {count(summary.jobs)} credit-back {summary.jobs === 1 ? 'decision' : 'decisions'}
            </button>
            <button type="button" className="button" disabled={busy} onClick={() => setConfirming(false)}>
              Cancel
            </button>
          </div>
        </div>
      )}
      {message ? (
        <p className={`message ${message.ok ? 'message--ok' : 'message--error'}`} role="status">
          {message.text}
        </p>
      ) : null}
    </section>
  );
}
