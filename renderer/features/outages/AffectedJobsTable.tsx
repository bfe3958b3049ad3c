import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';
import { tableRow, type IncidentTable, type TableRow } from '../../../shared/outages';
import { formatUtc } from './chart-data';
import { count } from './format';

const ROW_HEIGHT = 36;
const COLUMNS = [
  'Job',
  'Account',
  'Created (UTC)',
  'Status',
  'Error',
  'Class',
  'Charged',
  'Request',
  'Ledger',
  'Credit-back',
];

function requestCell(row: TableRow) {
  if (row.requests.length === 0) return <span className="muted">none</span>;
  return row.requests.map((r) => (
    <span key={r.requestId} className="outages-request">
      <span className="mono">{r.requestId}</span>{' '}
      {r.decision ? (
        <span className="badge badge--accent">
          {r.decision.outcome} · {r.decision.state}
        </span>
      ) : (
        <span className="badge">suggested {r.suggestedOutcome ?? '—'}</span>
      )}
    </span>
  ));
}

export interface ProactiveActions {
  /** A second reviewer approves a four_eyes proactive credit-back. */
  approve(requestId: string): void;
  /** One step back, as on the Review page; impossible after export. */
  undo(requestId: string): void;
}

function creditBackCell(
  row: TableRow,
  selected: boolean,
  onToggle: (jobId: string) => void,
  actions: ProactiveActions,
) {
  const proactive = row.proactive;
  if (proactive)
    return (
      <span className="outages-proactive">
        <span className="badge badge--accent" title={proactive.requestId}>
          proactive · {proactive.state}
        </span>
        {proactive.state === 'decided' ? (
          <button type="button" className="link-button" onClick={() => actions.approve(proactive.requestId)}>
            Approve
          </button>
        ) : null}
        {proactive.state !== 'exported' ? (
          <button type="button" className="link-button" onClick={() => actions.undo(proactive.requestId)}>
            Undo
          </button>
        ) : null}
      </span>
    );
  if (row.exported) return <span className="badge">exported</span>;
  if (!row.eligible) return <span className="muted">{row.charged === 0 ? 'nothing charged' : '—'}</span>;
  return (
    <label className="outages-check">
      <input type="checkbox" checked={selected} onChange={() => onToggle(row.jobId)} /> credit back
    </label>
  );
}

/** Only the rows in view are in the DOM, so an incident with 10,000 jobs scrolls like one with 10. */
export function AffectedJobsTable({
  table,
  isSelected,
  onToggle,
  actions,
}: {
  table: IncidentTable;
  isSelected: (jobId: string) => boolean;
  onToggle: (jobId: string) => void;
  actions: ProactiveActions;
}) {
  const parentRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: table.length,
    getScrollElement: () => parentRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
  });
  return (
    <div
      className="outages-jobs"
      role="table"
      aria-label={`Affected jobs, ${count(table.length)}`}
      aria-rowcount={table.length + 1}
    >
      <div role="rowgroup">
        <div role="row" className="outages-jobs__row outages-jobs__head" aria-rowindex={1}>
          {COLUMNS.map((c) => (
            <span role="columnheader" key={c}>
              {c}
            </span>
          ))}
        </div>
      </div>
      <div ref={parentRef} className="outages-jobs__scroll" data-testid="affected-jobs" tabIndex={0}>
        <div role="rowgroup" style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((item) => {
            if (item.index >= table.length) return null;
            const row = tableRow(table, item.index);
            return (
              <div
                role="row"
                key={item.key}
                aria-rowindex={item.index + 2}
                className="outages-jobs__row"
                data-job-id={row.jobId}
                style={{ transform: `translateY(${item.start}px)`, height: ROW_HEIGHT }}
              >
                <span role="cell" className="mono">
                  {row.jobId}
                </span>
                <span role="cell" title={row.accountEmailRaw}>
                  {row.accountEmail}
                </span>
                <span role="cell">{formatUtc(row.createdAt)}</span>
                <span role="cell">{row.status === 'succeeded' ? 'not delivered' : row.status}</span>
                <span role="cell" className="mono" title={row.errorMessage}>
                  {row.errorCode || row.errorMessage || '—'}
                </span>
                <span role="cell">{row.errorClass}</span>
                <span role="cell" className="num">
                  {count(row.charged)}
                </span>
                <span role="cell">{requestCell(row)}</span>
                <span role="cell">
                  {row.restored ? <span className="badge">restored</span> : <span className="muted">—</span>}
                </span>
                <span role="cell">{creditBackCell(row, isSelected(row.jobId), onToggle, actions)}</span>
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
