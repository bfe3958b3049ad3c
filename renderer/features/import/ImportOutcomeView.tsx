import { useEffect, useState } from 'react';
import type { ProblemChunk } from '../../data/import-records';
import { batchProblems } from '../../data/imports';
import type { ImportOutcome } from '../../workers/import-protocol';
import { CountsList } from './CountsList';
import { DownloadProblems } from './DownloadProblems';
import { count, utcTime } from './format';
import { ProblemTable } from './ProblemTable';

/** What happened: the counts and every problem row, or why nothing was imported. */
export function ImportOutcomeView({ outcome, fileName }: { outcome: ImportOutcome; fileName: string }) {
  const [problems, setProblems] = useState<ProblemChunk['problems'] | null>(null);
  const batchId = outcome.status === 'complete' ? outcome.batchId : null;
  useEffect(() => {
    if (batchId) void batchProblems(batchId).then(setProblems);
  }, [batchId]);

  switch (outcome.status) {
    case 'already-imported':
      return (
        <p className="import-note" role="status">
          This exact file (same SHA-256) was already imported on {utcTime(outcome.previousAt)} as batch{' '}
          <code>{outcome.previousBatchId}</code>. Importing it again would change nothing, so nothing was
          imported.
        </p>
      );
    case 'cancelled':
      return (
        <p className="import-note" role="status">
          Import cancelled. Nothing from this file was kept.
        </p>
      );
    case 'failed':
      return (
        <p className="import-alert" role="alert">
          {outcome.message}
        </p>
      );
    case 'complete':
      return (
        <div className="stack">
          <p role="status" className="import-ok">
            Imported {count(outcome.counts.accepted)} {outcome.settings.kind} rows in{' '}
            {(outcome.ms / 1000).toFixed(1)} s as batch <code>{outcome.batchId}</code>.
          </p>
          <CountsList counts={outcome.counts} label="Import counts" />
          <p className="import-hint" data-testid="import-phases">
            Time spent:{' '}
            {Object.entries(outcome.phases)
              .map(([phase, ms]) => `${phase} ${(ms / 1000).toFixed(1)} s`)
              .join(' · ')}
          </p>
          {problems ? (
            <>
              <ProblemTable problems={problems} caption="Rejected, duplicate, skipped and warned rows" />
              {problems.length > 0 ? <DownloadProblems problems={problems} fileName={fileName} /> : null}
            </>
          ) : (
            <p className="import-muted">Loading the problem rows…</p>
          )}
        </div>
      );
  }
}
