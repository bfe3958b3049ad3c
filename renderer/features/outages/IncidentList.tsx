import type { AnomalyMark } from '../../../shared/outages';
import type { OutageSpan } from '../../../shared/policy/indexes';
import { formatUtc } from './chart-data';
import { count, formatDuration, formatWindow } from './format';
import { incidentHash } from './outage-route';

export function IncidentList({ spans }: { spans: readonly OutageSpan[] }) {
  return (
    <section className="card" aria-labelledby="incidents-title">
      <h2 className="card__title" id="incidents-title">
        Incidents ({count(spans.length)})
      </h2>
      <div className="table-scroll">
        <table className="table" data-testid="incident-list">
          <thead>
            <tr>
              <th scope="col">Incident</th>
              <th scope="col">Title</th>
              <th scope="col">Window (UTC)</th>
              <th scope="col">Duration</th>
              <th scope="col">Components</th>
              <th scope="col">Impact</th>
            </tr>
          </thead>
          <tbody>
            {spans.map((span) => (
              <tr key={span.outage.incidentId}>
                <td>
                  <a href={incidentHash(span.outage.incidentId)} className="mono">
                    {span.outage.incidentId}
                  </a>
                </td>
                <td>{span.outage.title || <span className="muted">untitled</span>}</td>
                <td>
                  {formatWindow(span.start, span.end)}
                  {span.outage.resolvedAt === null ? <span className="badge badge--warn"> open</span> : null}
                </td>
                <td>{formatDuration(span.end - span.start)}</td>
                <td>
                  {span.components.size === 0 ? <em>all components</em> : [...span.components].join(', ')}
                </td>
                <td>{span.outage.impact || '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

export function AnomalyList({ marks }: { marks: readonly AnomalyMark[] }) {
  const unreported = marks.filter((m) => m.unreported);
  return (
    <section className="card" aria-labelledby="anomalies-title">
      <h2 className="card__title" id="anomalies-title">
        Unusual hours ({count(marks.length)}, {count(unreported.length)} without an incident)
      </h2>
      <p className="card__lead">
        An hour is unusual when its platform and unknown failures exceed three times the median of the 24
        hours before it (at least one failure per hour as the floor). Hours no incident covers are candidate
        unreported outages.
      </p>
      {marks.length === 0 ? (
        <p className="muted">No unusual hours.</p>
      ) : (
        <div className="table-scroll outages-anomalies">
          <table className="table" data-testid="anomaly-list">
            <thead>
              <tr>
                <th scope="col">Hour (UTC)</th>
                <th scope="col" className="num">
                  Failures
                </th>
                <th scope="col" className="num">
                  Trailing median
                </th>
                <th scope="col">Incident</th>
              </tr>
            </thead>
            <tbody>
              {marks.map((m) => (
                <tr key={m.start}>
                  <td>{formatUtc(m.start)}</td>
                  <td className="num">{count(m.failures)}</td>
                  <td className="num">{m.median}</td>
                  <td>
                    {m.unreported ? (
                      <span className="badge badge--danger">none reported</span>
                    ) : (
                      m.incidentIds.join(', ')
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
