import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useState } from 'react';
import type { ChainBreak } from '../../../shared/audit/chain';
import { verifyStoredAuditChain } from '../../data/audit';
import { db } from '../../data/db';
import { describeChange, filterAuditEntries, NO_AUDIT_FILTER, type AuditFilter } from './audit-filters';

const SHOWN_AT_ONCE = 500;

export function AuditLogTable() {
  const entries = useLiveQuery(() => db.audit.orderBy('seq').toArray(), []);
  const [filter, setFilter] = useState<AuditFilter>(NO_AUDIT_FILTER);
  const [breaks, setBreaks] = useState<ChainBreak[] | null>(null);
  const [verifying, setVerifying] = useState(false);

  const actions = useMemo(() => [...new Set(entries?.map((e) => e.action))].sort(), [entries]);
  const actors = useMemo(() => [...new Set(entries?.map((e) => e.actor))].sort(), [entries]);
  const shown = useMemo(() => filterAuditEntries(entries ?? [], filter), [entries, filter]);
  const brokenSeqs = new Set(breaks?.map((b) => b.seq));

  async function verify() {
    setVerifying(true);
    try {
      setBreaks(await verifyStoredAuditChain());
    } finally {
      setVerifying(false);
    }
  }

  return (
    <section className="card" aria-labelledby="audit-log-heading">
      <div className="card__header">
        <h2 id="audit-log-heading" className="card__title">
          Audit log <span className="muted">({entries?.length ?? 0} entries)</span>
        </h2>
        <button type="button" className="button button--primary" onClick={verify} disabled={verifying}>
          {verifying ? 'Verifying…' : 'Verify chain'}
        </button>
      </div>
      <ChainResult breaks={breaks} />
      <div className="filters" role="search" aria-label="Filter the audit log">
        <label>
          Action
          <select value={filter.action} onChange={(e) => setFilter({ ...filter, action: e.target.value })}>
            <option value="">All actions</option>
            {actions.map((a) => (
              <option key={a}>{a}</option>
            ))}
          </select>
        </label>
        <label>
          Actor
          <select value={filter.actor} onChange={(e) => setFilter({ ...filter, actor: e.target.value })}>
            <option value="">Everyone</option>
            {actors.map((a) => (
              <option key={a}>{a}</option>
            ))}
          </select>
        </label>
        <label>
          Search
          <input
            type="search"
            value={filter.text}
            placeholder="Request, batch, job…"
            onChange={(e) => setFilter({ ...filter, text: e.target.value })}
          />
        </label>
      </div>
      <div className="table-scroll">
        <table className="table" aria-label="Audit entries">
          <thead>
            <tr>
              <th className="num">#</th>
              <th>When (UTC)</th>
              <th>Who</th>
              <th>Action</th>
              <th>Subject</th>
              <th>Change</th>
            </tr>
          </thead>
          <tbody>
            {shown.slice(0, SHOWN_AT_ONCE).map((entry) => (
              <tr key={entry.seq} className={brokenSeqs.has(entry.seq) ? 'row--broken' : undefined}>
                <td className="num">{entry.seq}</td>
                <td className="mono">{entry.at.replace('T', ' ').slice(0, 19)}</td>
                <td>{entry.actor}</td>
                <td>
                  <span className="badge">{entry.action}</span>
                </td>
                <td className="mono">{entry.subject}</td>
                <td className="audit-change">{describeChange(entry)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {shown.length > SHOWN_AT_ONCE ? (
        <p className="muted">
          Showing the newest {SHOWN_AT_ONCE} of {shown.length} matching entries. Narrow the filter to see
          older ones.
        </p>
      ) : null}
    </section>
  );
}

function ChainResult({ breaks }: { breaks: ChainBreak[] | null }) {
  if (breaks === null) return null;
  if (breaks.length === 0) {
    return (
      <p className="message message--ok" role="status" data-testid="audit-chain-status">
        The chain holds: every entry matches its hash and points at the one before it.
      </p>
    );
  }
  return (
    <div className="alert alert--danger" role="alert" data-testid="audit-chain-status">
      <strong>The audit log was altered outside the desk.</strong>
      <ul>
        {breaks.map((b) => (
          <li key={`${b.seq}-${b.problem}`}>{b.message}</li>
        ))}
      </ul>
    </div>
  );
}
