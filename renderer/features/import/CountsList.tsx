import type { BatchCounts } from '../../data/import-records';
import { count } from './format';

const LABELS: [keyof BatchCounts, string][] = [
  ['rows', 'Rows'],
  ['accepted', 'Accepted'],
  ['rejected', 'Rejected'],
  ['duplicates', 'Duplicates'],
  ['warnings', 'Warnings'],
  ['skipped', 'Skipped'],
];

export function CountsList({ counts, label }: { counts: BatchCounts; label: string }) {
  return (
    <dl className="import-counts" aria-label={label}>
      {LABELS.map(([key, name]) => (
        <div key={key} className="import-counts__item" data-count={key}>
          <dt>{name}</dt>
          <dd>{count(counts[key])}</dd>
        </div>
      ))}
    </dl>
  );
}
