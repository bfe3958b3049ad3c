import type { ExpandedEvidence } from '../../../shared/policy/types';
import type { StoredSuggestion } from '../../../shared/review/stored-suggestion';
import { formatDuration, formatMoney, formatTime } from './format';

const ERROR_CLASS_BY: Record<string, string> = {
  code_table: 'by the error-code table',
  message_pattern: 'by the error-message pattern',
  status: 'by the job status',
  outage: 'by an overlapping outage',
  none: 'nothing decided it',
};

const PICKED_BY: Record<string, string> = {
  job_id_column: 'the job id the customer gave',
  text_token: 'a job id in the customer’s text',
  window: 'the best-ranked job in the window',
  reviewer: 'a reviewer’s re-pick',
};

interface Props {
  suggestion: StoredSuggestion;
  evidence: ExpandedEvidence;
  /** Offered while the request is undecided. */
  onRepick: ((jobId: string) => void) | null;
}

/** Everything the suggestion rests on: candidates and their ranking, ledger, payments, outages. */
export function EvidencePanel({ suggestion, evidence, onRepick }: Props) {
  const e = suggestion.evidence;
  return (
    <section className="card evidence" aria-labelledby="evidence-heading">
      <h3 id="evidence-heading" className="card__title">
        Evidence
      </h3>
      <dl className="facts">
        <dt>Window</dt>
        <dd>
          {e.window
            ? `${formatTime(e.window.start)} – ${formatTime(e.window.end)}${e.window.dateOnly ? ' (date only: ranked from 12:00)' : ''}${e.window.fromReceivedAt ? ' (no stated time: from received)' : ''}`
            : '—'}
        </dd>
        <dt>Job picked by</dt>
        <dd>{e.pickedBy ? PICKED_BY[e.pickedBy] : 'no job was picked'}</dd>
        <dt>Error class</dt>
        <dd>{e.errorClass ? `${e.errorClass}, ${ERROR_CLASS_BY[e.errorClassBy ?? 'none']}` : '—'}</dd>
        <dt>Charged</dt>
        <dd>{e.chargedCredits === null ? '—' : `${e.chargedCredits} credits`}</dd>
        {e.legalTerm ? (
          <>
            <dt>Legal term</dt>
            <dd>“{e.legalTerm}”</dd>
          </>
        ) : null}
        {e.earlierRequestId ? (
          <>
            <dt>Earlier request</dt>
            <dd className="mono">{e.earlierRequestId}</dd>
          </>
        ) : null}
      </dl>

      <h4>Candidate jobs ({evidence.candidates.length})</h4>
      {evidence.candidates.length === 0 ? (
        <p className="muted">No job of this account was created in the window.</p>
      ) : (
        <div className="table-scroll">
          <table className="table candidates" data-testid="candidates">
            <thead>
              <tr>
                <th className="num">Rank</th>
                <th>Job</th>
                <th>Created</th>
                <th>Status</th>
                <th>Error</th>
                <th>Usable output</th>
                <th className="num">From stated time</th>
                <th>Code in text</th>
                {onRepick ? <th>Pick</th> : null}
              </tr>
            </thead>
            <tbody>
              {evidence.candidates.map(({ job, factors, picked }) => (
                <tr
                  key={job.jobId}
                  className={picked ? 'candidate--picked' : undefined}
                  aria-current={picked ? 'true' : undefined}
                >
                  <td className="num">{factors.rank}</td>
                  <td className="mono">
                    {job.jobId}
                    {picked ? <span className="flag-badge flag-badge--accent">matched</span> : null}
                  </td>
                  <td>{formatTime(job.createdAt)}</td>
                  <td>{job.status}</td>
                  <td className="mono">{job.errorCode || job.errorMessage || '—'}</td>
                  <td>{factors.usableOutput ? 'yes' : 'no'}</td>
                  <td className="num">{formatDuration(factors.distanceMs)}</td>
                  <td>{factors.codeMentioned ? 'yes' : 'no'}</td>
                  {onRepick ? (
                    <td>
                      {picked ? null : (
                        <button
                          type="button"
                          className="button button--small"
                          onClick={() => onRepick(job.jobId)}
                        >
                          Pick {job.jobId}
                        </button>
                      )}
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {evidence.pickedJob && !evidence.candidates.some((c) => c.picked) ? (
        <p>
          Matched job <span className="mono">{evidence.pickedJob.jobId}</span> ({evidence.pickedJob.status},{' '}
          {formatTime(evidence.pickedJob.createdAt)}) lies outside the window: it was named by the customer.
        </p>
      ) : null}

      <h4>Ledger rows of the job ({evidence.ledgerEntries.length})</h4>
      {evidence.ledgerEntries.length === 0 ? (
        <p className="muted">
          No ledger row for this job{e.chargedCredits !== null ? ': the job log’s credits are used.' : '.'}
        </p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th>Entry</th>
              <th>Time</th>
              <th>Type</th>
              <th className="num">Credits</th>
              <th>Reference</th>
            </tr>
          </thead>
          <tbody>
            {evidence.ledgerEntries.map((entry) => (
              <tr key={entry.entryId}>
                <td className="mono">{entry.entryId}</td>
                <td>{formatTime(entry.createdAt)}</td>
                <td>{entry.type}</td>
                <td className="num">{entry.credits}</td>
                <td className="mono">{entry.reference || '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <h4>Payments of the account ({evidence.payments.length})</h4>
      {evidence.payments.length === 0 ? (
        <p className="muted">No payments.</p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th>Payment</th>
              <th>Time</th>
              <th className="num">Amount</th>
              <th>Status</th>
              <th className="num">Refunded</th>
            </tr>
          </thead>
          <tbody>
            {evidence.payments.map((p) => (
              <tr
                key={p.paymentId}
                className={
                  evidence.duplicatePayments.some((d) => d.paymentId === p.paymentId)
                    ? 'candidate--picked'
                    : undefined
                }
              >
                <td className="mono">{p.paymentId}</td>
                <td>{formatTime(p.createdAt)}</td>
                <td className="num">{formatMoney(p.amountMinor, p.currency)}</td>
                <td>{p.status}</td>
                <td className="num">
                  {p.amountRefundedMinor ? formatMoney(p.amountRefundedMinor, p.currency) : '—'}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <h4>Overlapping outages ({evidence.outages.length})</h4>
      {evidence.outages.length === 0 ? (
        <p className="muted">No outage overlaps the job’s run.</p>
      ) : (
        <ul>
          {evidence.outages.map((o) => (
            <li key={o.incidentId}>
              <span className="mono">{o.incidentId}</span> {o.title}: {formatTime(o.startedAt)} –{' '}
              {o.resolvedAt === null ? 'still open' : formatTime(o.resolvedAt)}
              {o.components.length > 0 ? ` (${o.components.join(', ')})` : ' (all components)'}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
