import { alreadyExportedReason, type ExportPlan } from './export-plan';

/** What cannot leave the desk, each with its reason: blocked, already exported, or not valid. */
export function ExportsNotExportable({ plan }: { plan: ExportPlan }) {
  const rows = [
    ...plan.blocked.map((r) => ({ r, status: 'Blocked', message: r.message, tone: 'warn' })),
    ...plan.alreadyExported.map((e) => ({
      r: e.refusal,
      status: 'Already exported',
      message: alreadyExportedReason(e),
      tone: 'danger',
    })),
    ...plan.invalid.map((r) => ({ r, status: 'Not exportable', message: r.message, tone: 'danger' })),
  ];
  if (rows.length === 0) return null;
  return (
    <section className="card" aria-labelledby="not-exportable-heading">
      <h2 id="not-exportable-heading" className="card__title">
        Not in the next batch ({rows.length})
      </h2>
      <p className="card__lead">
        A four-eyes decision waits for a second reviewer; a generation that already left the desk never leaves
        again.
      </p>
      <div className="exports-scroll">
        <table className="table" aria-label="Decisions not in the next batch">
          <thead>
            <tr>
              <th scope="col">Request</th>
              <th scope="col">Job</th>
              <th scope="col">Status</th>
              <th scope="col">Why</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ r, status, message, tone }) => (
              <tr key={`${status}:${r.requestId}`} data-testid="not-exportable-row">
                <td>{r.requestId}</td>
                <td className="mono">{r.jobId}</td>
                <td>
                  <span className={`badge badge--${tone}`}>{status}</span>
                </td>
                <td>{message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
