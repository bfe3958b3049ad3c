const SHOWN_ROWS = 500;

/** The verified file's contents as a table. */
export function VerifyContents({ table }: { table: { columns: string[]; rows: string[][] } }) {
  if (table.rows.length === 0) return <p className="keys-note">The file holds no rows that could be read.</p>;
  return (
    <>
      <div className="exports-scroll">
        <table className="table" aria-label="Contents of the verified file">
          <thead>
            <tr>
              {table.columns.map((c) => (
                <th key={c} scope="col">
                  {c}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.rows.slice(0, SHOWN_ROWS).map((row, i) => (
              <tr key={i}>
                {row.map((cell, j) => (
                  <td key={j}>{cell}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="keys-note">
        {table.rows.length} row(s){table.rows.length > SHOWN_ROWS ? `, the first ${SHOWN_ROWS} shown` : ''}.
      </p>
    </>
  );
}
