import { cell } from './format';

/** The first rows exactly as they will be stored: canonical fields, times in UTC. */
export function PreviewRows({ rows }: { rows: Record<string, unknown>[] }) {
  if (rows.length === 0) return <p className="import-muted">No rows could be read yet.</p>;
  const fields = Object.keys(rows[0]!).filter((f) => f !== 'extra');
  return (
    <div className="import-scroll" tabIndex={0} role="region" aria-label="First rows as they will be stored">
      <table className="table import-rows">
        <caption className="import-caption">First {rows.length} rows as they will be stored</caption>
        <thead>
          <tr>
            {fields.map((f) => (
              <th key={f} scope="col">
                {f}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => (
            <tr key={i}>
              {fields.map((f) => (
                <td key={f}>{cell(f, row[f])}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
