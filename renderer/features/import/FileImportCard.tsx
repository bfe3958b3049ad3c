import type { ImportKind } from '../../../shared/domain/records';
import { CountsList } from './CountsList';
import { bytes } from './format';
import { ImportOutcomeView } from './ImportOutcomeView';
import { ImportProgressView } from './ImportProgressView';
import { useImportSessions, type ImportSession } from './import-sessions';
import { MappingTable } from './MappingTable';
import { PreviewRows } from './PreviewRows';
import { ProblemTable } from './ProblemTable';
import { ProfileSaver } from './ProfileSaver';
import { ReadSettings } from './ReadSettings';

/** One picked file: its preview with every override, then its import and outcome. */
export function FileImportCard({ session, actor }: { session: ImportSession; actor: string }) {
  const { setChoices, startImport, cancel, dismiss } = useImportSessions();
  const { preview, choices, phase, picked } = session;
  const kind: ImportKind | null = choices.kind ?? preview?.kind ?? null;
  const blocked = !preview || session.previewing || preview.error !== null;
  const titleId = `import-file-${session.id}`;
  return (
    <section className="card import-card" aria-labelledby={titleId} data-testid="import-session">
      <header className="import-card__header">
        <div>
          <h2 className="card__title" id={titleId}>
            {picked.name}
          </h2>
          <p className="card__lead">
            {bytes(picked.size)}
            {kind ? ` · ${kind}` : ''}
            {session.resumeBatchId ? ` · resuming batch ${session.resumeBatchId}` : ''}
            {session.profileName ? ` · using saved profile “${session.profileName}”` : ''}
          </p>
        </div>
        {phase === 'preview' || phase === 'done' ? (
          <button type="button" className="button" onClick={() => dismiss(session.id)}>
            {phase === 'done' ? 'Close' : 'Remove file'}
          </button>
        ) : null}
      </header>

      {phase === 'preview' ? (
        <div className="stack">
          <ReadSettings
            choices={choices}
            preview={preview}
            onChange={(patch) => setChoices(session.id, patch)}
          />
          {session.previewing ? (
            <p className="import-muted" role="status">
              Reading the start of the file…
            </p>
          ) : null}
          {session.message ? (
            <p className="import-alert" role="alert">
              {session.message}
            </p>
          ) : null}
          {preview?.error ? (
            <p className="import-alert" role="alert" data-testid="file-error">
              This file cannot be imported as it is. {preview.error.message}
            </p>
          ) : null}
          {preview?.mapping && kind ? (
            <MappingTable
              kind={kind}
              mapping={preview.mapping}
              onMap={(header, field) =>
                setChoices(session.id, { mapping: { ...(choices.mapping ?? {}), [header]: field } })
              }
            />
          ) : null}
          {preview && preview.rows.length > 0 ? <PreviewRows rows={preview.rows} /> : null}
          {preview && !preview.error ? (
            <>
              {preview.counts ? (
                <CountsList counts={preview.counts} label="Counts in the preview" />
              ) : (
                <p className="import-muted">The preview read the first {preview.rowsRead} rows.</p>
              )}
              <ProblemTable problems={preview.problems} caption="Problems found so far" />
            </>
          ) : null}
          {preview?.mapping && kind ? (
            <ProfileSaver kind={kind} mapping={preview.mapping} choices={choices} />
          ) : null}
          <div className="form-row">
            <button
              type="button"
              className="button button--primary"
              disabled={blocked}
              onClick={() => void startImport(session.id, actor)}
            >
              Import {picked.name}
            </button>
          </div>
        </div>
      ) : null}

      {phase === 'checking' ? (
        <p role="status" className="import-muted">
          Checking whether this exact file was imported before…
        </p>
      ) : null}
      {phase === 'importing' ? (
        <ImportProgressView
          progress={session.progress}
          fileSize={picked.size}
          onCancel={() => cancel(session.id)}
        />
      ) : null}
      {phase === 'done' && session.outcome ? (
        <ImportOutcomeView outcome={session.outcome} fileName={picked.name} />
      ) : null}
    </section>
  );
}
