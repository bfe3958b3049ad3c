import type { ImportProgress } from '../../workers/import-protocol';
import { bytes, count, duration } from './format';

interface ImportProgressViewProps {
  progress: ImportProgress | null;
  fileSize: number;
  onCancel(): void;
}

export function ImportProgressView({ progress, fileSize, onCancel }: ImportProgressViewProps) {
  const read = progress?.bytesRead ?? 0;
  const percent = fileSize > 0 ? Math.min(100, Math.floor((read / fileSize) * 100)) : 0;
  return (
    <div className="import-progress" data-testid="import-progress">
      <div
        className="progress"
        role="progressbar"
        aria-label="Import progress"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
      >
        <div className="progress__bar" style={{ width: `${percent}%` }} />
      </div>
      <p className="import-progress__text" aria-live="polite">
        {progress ? (
          <>
            <strong>{count(progress.rows)}</strong> rows read ·{' '}
            <span data-testid="rows-stored">{count(progress.stored)}</span> stored ·{' '}
            {count(progress.rowsPerSec)} rows/s · {bytes(read)} of {bytes(fileSize)} ({percent}%)
            {progress.etaSec !== null ? ` · about ${duration(progress.etaSec)} left` : ''}
          </>
        ) : (
          'Starting…'
        )}
      </p>
      <button type="button" className="button button--danger" onClick={onCancel}>
        Cancel import
      </button>
    </div>
  );
}
