import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useMemo, useRef, useState } from 'react';
import { incidentSpans } from '../../../shared/outages';
import { useUiStore } from '../../app/ui-store';
import { EmptyState } from '../../components/EmptyState';
import { OutageIcon } from '../../components/icons';
import { PageHeader } from '../../components/PageHeader';
import { db } from '../../data/db';
import { importStamp, storedOutages } from '../../data/outage-queries';
import { useSettingsInForce } from '../../data/policy-settings';
import { FailureChart } from './FailureChart';
import { count } from './format';
import { AnomalyList, IncidentList } from './IncidentList';
import { IncidentView } from './IncidentView';
import { useIncidentRoute } from './outage-route';
import { loadMinutes, loadOverview, watchOutagesInputs, whenWarm } from './outages-client';
import type { Overview } from './outages-messages';
import './outages.css';

watchOutagesInputs();

export function OutagesPage() {
  const goTo = useUiStore((s) => s.goTo);
  const incidentId = useIncidentRoute();
  const outages = useLiveQuery(() => storedOutages(db), []);
  const stamp = useLiveQuery(() => importStamp(db), []);
  const inForce = useSettingsInForce();
  const [overview, setOverview] = useState<Overview | null>(null);
  const [overviewKey, setOverviewKey] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const requestedAt = useRef(0);

  useEffect(() => {
    if (outages === undefined || stamp === undefined || inForce === undefined || stamp === '') return;
    let live = true;
    requestedAt.current = performance.now();
    loadOverview(inForce.settings, inForce.sha256, outages).then(
      (o) => {
        if (!live) return;
        setOverview(o);
        setOverviewKey((k) => k + 1);
        setError(null);
      },
      (e: unknown) => live && setError(e instanceof Error ? e.message : String(e)),
    );
    return () => {
      live = false;
    };
  }, [outages, stamp, inForce]);

  const spans = useMemo(
    () => incidentSpans(outages ?? [], overview?.latest ?? Number.NEGATIVE_INFINITY),
    [outages, overview],
  );

  if (stamp === '' || (overview !== null && overview.failures === 0 && spans.length === 0)) {
    return (
      <>
        <PageHeader
          title="Outages"
          subtitle="Failed generations against incident windows, for support leads."
        />
        <EmptyState
          icon={<OutageIcon />}
          title="No outages or failures yet"
          action={
            <button type="button" className="button button--primary" onClick={() => goTo('import')}>
              Go to Import
            </button>
          }
        >
          <p>
            A chart of job failures per hour will appear here, with incident windows drawn over it, and each
            incident’s affected jobs, accounts and credits at stake.
          </p>
          <p>Import a job log and an outage report (CSV or Statuspage incidents.json) first.</p>
        </EmptyState>
      </>
    );
  }

  if (incidentId !== null && overview !== null)
    return <IncidentView incidentId={incidentId} overviewKey={overviewKey} />;

  return (
    <>
      <PageHeader
        title="Outages"
        subtitle={
          overview
            ? `${count(overview.failures)} failed or undelivered jobs, ${count(spans.length)} incidents. Times in UTC.`
            : 'Failed generations against incident windows, for support leads.'
        }
      />
      {error ? <p className="message message--error">{error}</p> : null}
      {overview === null ? (
        <p className="muted" role="status">
          Counting failures per hour…
        </p>
      ) : (
        <div className="stack">
          <section className="card" aria-label="Failures over time">
            <FailureChart
              hourly={overview.hourly}
              incidents={spans}
              anomalies={overview.anomalies}
              loadMinutes={loadMinutes}
              onFirstDraw={() => {
                performance.mark('outages:chart-drawn', {
                  detail: { ms: performance.now() - requestedAt.current, workerMs: overview.ms },
                });
                // Loading what incidents need (the failed jobs' ledger rows) waits for the chart.
                void whenWarm().then((ms) => performance.mark('outages:ready', { detail: { ms } }));
              }}
            />
          </section>
          <IncidentList spans={spans} />
          <AnomalyList marks={overview.anomalies} />
        </div>
      )}
    </>
  );
}
