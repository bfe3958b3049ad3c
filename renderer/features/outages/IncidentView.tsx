import { useEffect, useState } from 'react';
import { PageHeader } from '../../components/PageHeader';
import { approveDecision, undoDecision } from '../../data/decisions';
import { useReviewerIdentity } from '../../data/reviewer';
import { AccountsTable } from './AccountsTable';
import { AffectedJobsTable, type ProactiveActions } from './AffectedJobsTable';
import { count, formatDuration, formatWindow } from './format';
import { openIncident } from './outage-route';
import type { IncidentResult } from './outages-messages';
import { loadIncident } from './outages-client';
import { ProactivePanel } from './ProactivePanel';
import { useTablesChanged } from './use-tables-changed';

/** One incident: the jobs it affected, the accounts hit, who asked, who was already compensated. */
export function IncidentView({ incidentId, overviewKey }: { incidentId: string; overviewKey: number }) {
  const changed = useTablesChanged(['decisions', 'exportSets', 'suggestions']);
  const [result, setResult] = useState<IncidentResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [deselected, setDeselected] = useState<ReadonlySet<string>>(new Set());
  const [actionError, setActionError] = useState<string | null>(null);
  const identity = useReviewerIdentity();

  useEffect(() => {
    let live = true;
    const started = performance.now();
    loadIncident(incidentId).then(
      (r) => {
        if (!live) return;
        setResult(r);
        setError(null);
        requestAnimationFrame(() => {
          performance.mark('outages:incident-shown', {
            detail: {
              incidentId,
              jobs: r.report.table.length,
              ms: performance.now() - started,
              workerMs: r.ms,
            },
          });
        });
      },
      (e: unknown) => live && setError(e instanceof Error ? e.message : String(e)),
    );
    return () => {
      live = false;
    };
  }, [incidentId, overviewKey, changed]);

  const toggle = (jobId: string) =>
    setDeselected((before) => {
      const next = new Set(before);
      if (next.has(jobId)) next.delete(jobId);
      else next.add(jobId);
      return next;
    });

  const run = (action: () => Promise<unknown>) => {
    setActionError(null);
    action().catch((e: unknown) => setActionError(e instanceof Error ? e.message : String(e)));
  };
  const actions: ProactiveActions = {
    approve: (requestId) => run(() => approveDecision(requestId, identity ?? '')),
    undo: (requestId) => run(() => undoDecision(requestId, identity ?? '')),
  };

  const back = (
    <button type="button" className="button" onClick={() => openIncident(null)}>
      ← All incidents
    </button>
  );
  if (error) {
    return (
      <>
        <PageHeader
          title={`Incident ${incidentId}`}
          subtitle="This incident could not be opened."
          actions={back}
        />
        <p className="message message--error">{error}</p>
      </>
    );
  }
  if (!result) {
    return (
      <>
        <PageHeader title={`Incident ${incidentId}`} subtitle="Finding the affected jobs…" actions={back} />
        <p className="muted" role="status">
          Loading…
        </p>
      </>
    );
  }
  const { report } = result;
  const { span, totals } = report;
  return (
    <>
      <PageHeader
        title={`${span.outage.incidentId}: ${span.outage.title || 'untitled incident'}`}
        subtitle={`${formatWindow(span.start, span.end)} (${formatDuration(span.end - span.start)}${
          span.outage.resolvedAt === null ? ', still open: ends at the newest timestamp in the data' : ''
        }) · ${span.components.size === 0 ? 'all components' : [...span.components].join(', ')} · impact ${
          span.outage.impact || 'unknown'
        }`}
        actions={back}
      />
      <div className="stack">
        <dl className="outages-totals" data-testid="incident-totals">
          <div>
            <dt>Affected jobs</dt>
            <dd>{count(totals.jobs)}</dd>
          </div>
          <div>
            <dt>Accounts</dt>
            <dd>{count(totals.accounts)}</dd>
          </div>
          <div>
            <dt>Credits at stake</dt>
            <dd>{count(totals.creditsAtStake)}</dd>
          </div>
          <div>
            <dt>With a request</dt>
            <dd>{count(totals.requested)}</dd>
          </div>
          <div>
            <dt>Restored in the ledger</dt>
            <dd>{count(totals.restored)}</dd>
          </div>
          <div>
            <dt>Credited proactively</dt>
            <dd>{count(totals.proactive)}</dd>
          </div>
          <div>
            <dt>Unrequested</dt>
            <dd data-testid="eligible-count">{count(totals.eligibleJobs)}</dd>
          </div>
        </dl>
        {result.customerCaused > 0 ? (
          <p className="muted">
            {count(result.customerCaused)} other failures in this window were caused on the customer’s side
            (content policy, invalid input…) and are not counted.
          </p>
        ) : null}
        <ProactivePanel report={report} deselected={deselected} onCreated={() => setDeselected(new Set())} />
        <AccountsTable accounts={report.accounts} />
        <section className="card" aria-labelledby="jobs-title">
          <h2 className="card__title" id="jobs-title">
            Affected jobs ({count(totals.jobs)})
          </h2>
          <p className="card__lead">
            Failed or undelivered without a usable output, running inside the window, in a listed component or
            model.
          </p>
          {actionError ? (
            <p className="message message--error" role="alert">
              {actionError}
            </p>
          ) : null}
          <AffectedJobsTable
            table={report.table}
            isSelected={(id) => !deselected.has(id)}
            onToggle={toggle}
            actions={actions}
          />
        </section>
      </div>
    </>
  );
}
