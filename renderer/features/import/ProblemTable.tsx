import type { RowProblem } from '../../../shared/domain/records';
import type { ProblemSeverity } from '../../../shared/reading';

const SEVERITY_LABEL: Record<ProblemSeverity, string> = {
  error: 'rejected',
  warning: 'warning',
  duplicate: 'duplicate',
  skipped: 'skipped',
};

const SEVERITY_BADGE: Record<ProblemSeverity, string> = {
  error: 'badge badge--danger',
  warning: 'badge badge--warn',
  duplicate: 'badge',
  skipped: 'badge',
};

const SHOWN = 500;

interface ProblemTableProps {
  problems: (RowProblem & { severity: ProblemSeverity })[];
  caption: string;
}

/** Each problem row with its physical line (header = 1), column, raw value and reason. */
export function ProblemTable({ problems, caption }: ProblemTableProps) {
  if (problems.length === 0) return <p className="import-muted">No problems found.</p>;
  return (
    <div className="import-scroll" tabIndex={0} role="region" aria-label={caption}>
      <table className="table" data-testid="problem-table">
        <caption className="import-caption">
          {caption}
          {problems.length > SHOWN ? ` (first ${SHOWN} of ${problems.length}; the download has all)` : ''}
        </caption>
        <thead>
          <tr>
            <th scope="col" className="num">
              Line
            </th>
            <th scope="col">Kind</th>
            <th scope="col">Column</th>
            <th scope="col">Value</th>
            <th scope="col">Reason</th>
          </tr>
        </thead>
        <tbody>
          {problems.slice(0, SHOWN).map((p, i) => (
            <tr key={`${p.line}-${i}`} data-severity={p.severity}>
              <td className="num">{p.line}</td>
              <td>
                <span className={SEVERITY_BADGE[p.severity]}>{SEVERITY_LABEL[p.severity]}</span>
              </td>
              <td className="mono">{p.column}</td>
              <td className="mono import-value">{p.value}</td>
              <td>{p.reason}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
