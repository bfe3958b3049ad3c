import { useEffect, useState } from 'react';
import { desktop } from '../../bridge';
import { EmptyState } from '../../components/EmptyState';
import { ImportIcon } from '../../components/icons';
import { PageHeader } from '../../components/PageHeader';
import { markInterruptedBatches, useImportBatches } from '../../data/imports';
import { useReviewerIdentity } from '../../data/reviewer';
import { BatchHistory } from './BatchHistory';
import { FileImportCard } from './FileImportCard';
import type { SourceFile } from './import-client';
import { useImportSessions } from './import-sessions';
import './import.css';

const ANONYMOUS = 'unidentified';

export function ImportPage() {
  const identity = useReviewerIdentity();
  const batches = useImportBatches();
  const sessions = useImportSessions((s) => s.sessions);
  const addFiles = useImportSessions((s) => s.addFiles);
  const [checked, setChecked] = useState(false);
  const actor = identity ?? ANONYMOUS;

  useEffect(() => {
    void markInterruptedBatches().then(() => setChecked(true));
  }, []);

  const pick = async () => {
    const files = (await desktop.openFiles({
      title: 'Choose files to import',
      filters: [{ name: 'CSV, TSV or Statuspage JSON', extensions: ['csv', 'tsv', 'txt', 'json'] }],
      multiple: true,
    })) as SourceFile[];
    if (files.length > 0) addFiles(files);
  };

  const chooseButton = (
    <button type="button" className="button button--primary" onClick={() => void pick()}>
      Choose files…
    </button>
  );

  return (
    <>
      <PageHeader
        title="Import"
        subtitle="Bring the exported files into the desk. Everything stays on this computer."
        actions={chooseButton}
      />
      <div className="stack">
        {identity === null ? (
          <p className="import-note">
            No reviewer identity is set: imports will be recorded as “{ANONYMOUS}”. Set yours in Settings.
          </p>
        ) : null}
        {sessions.map((session) => (
          <FileImportCard key={session.id} session={session} actor={actor} />
        ))}
        {batches === undefined || !checked ? (
          <p className="import-muted" role="status">
            Loading the import history…
          </p>
        ) : batches.length === 0 && sessions.length === 0 ? (
          <EmptyState icon={<ImportIcon />} title="No files imported yet" action={chooseButton}>
            <p>
              Each import will be listed here with its file, kind, row counts and problems, and can be undone.
            </p>
            <p>
              Start with the <strong>job log</strong> and the <strong>credit ledger</strong>, then the Stripe{' '}
              <strong>payments</strong> export, the support <strong>requests</strong> and any{' '}
              <strong>outage</strong> reports. CSV files (and Statuspage <code>incidents.json</code>) are read
              on this computer.
            </p>
          </EmptyState>
        ) : batches.length > 0 ? (
          <BatchHistory batches={batches} actor={actor} />
        ) : null}
      </div>
    </>
  );
}
