import { useState } from 'react';
import { desktop } from '../../bridge';
import type { BatchStatus, ImportBatch, ProblemChunk } from '../../data/import-records';
import { batchProblems, undoBatch } from '../../data/imports';
import type { SourceFile } from './import-client';
import { useImportSessions } from './import-sessions';
import { DownloadProblems } from './DownloadProblems';
import { bytes, count, utcTime } from './format';
import { ProblemTable } from './ProblemTable';

const STATUS_BADGE: Record<BatchStatus, string> = {
  running: 'badge badge--accent',
  complete: 'badge badge--offline',
  incomplete: 'badge badge--warn',
  cancelled: 'badge',
  undone: 'badge',
};

type Pending = { batch: ImportBatch; how: 'undo' | 'remove' } | null;

/** Every import with its counts; Undo for finished ones, Resume and Remove for interrupted ones. */
export function BatchHistory({ batches, actor }: { batches: ImportBatch[]; actor: string }) {
  const [pending, setPending] = useState<Pending>(null);
  const [shown, setShown] = useState<{ batch: ImportBatch; problems: ProblemChunk['problems'] } | null>(null);
  const [message, setMessage] = useState('');
  const resume = useImportSessions((s) => s.resume);

  const confirm = async () => {
    if (!pending) return;
    const { batch, how } = pending;
    setPending(null);
    await undoBatch(batch.id, actor, how);
    setMessage(
      `${how === 'undo' ? 'Undid' : 'Removed'} ${batch.fileName}: ${count(batch.stored)} ${batch.kind} rows removed.`,
    );
  };

  const pickAndResume = async (batch: ImportBatch) => {
    const files = (await desktop.openFiles({
      title: `Pick ${batch.fileName} again to resume its import`,
      filters: [{ name: 'Data files', extensions: ['csv', 'tsv', 'txt', 'json'] }],
      multiple: false,
    })) as SourceFile[];
    const file = files[0];
    if (!file) return;
    if (file.name !== batch.fileName || file.size !== batch.size) {
      setMessage(
        `That is not the interrupted file: expected ${batch.fileName} (${bytes(batch.size)}), got ${file.name} (${bytes(file.size)}).`,
      );
      return;
    }
    setMessage('');
    resume(batch, file, actor);
  };

  return (
    <section className="card" aria-labelledby="import-history-title">
      <h2 className="card__title" id="import-history-title">
        Import history
      </h2>
      <p className="card__lead">
        Every file brought in, newest first. Undo removes a batch’s rows and is recorded in the audit log.
      </p>
      {pending ? (
        <div
          className="import-confirm"
          role="alertdialog"
          aria-labelledby="import-confirm-text"
          aria-modal="false"
        >
          <p id="import-confirm-text">
            {pending.how === 'undo' ? 'Undo' : 'Remove'} the import of{' '}
            <strong>{pending.batch.fileName}</strong>? This removes{' '}
            <strong>{count(pending.batch.stored)}</strong> {pending.batch.kind} rows
            {pending.batch.status === 'incomplete' ? ' written before the interruption' : ''} from the desk.
            The batch stays listed as undone and the audit log records it.
          </p>
          <div className="form-row">
            <button type="button" className="button button--danger" onClick={() => void confirm()} autoFocus>
              {pending.how === 'undo' ? 'Undo import' : 'Remove rows'}
            </button>
            <button type="button" className="button" onClick={() => setPending(null)}>
              Keep it
            </button>
          </div>
        </div>
      ) : null}
      <p role="status" className="import-muted">
        {message}
      </p>
      <div className="import-scroll" tabIndex={0} role="region" aria-label="Import history table">
        <table className="table" data-testid="import-history">
          <thead>
            <tr>
              <th scope="col">File</th>
              <th scope="col">Kind</th>
              <th scope="col">Status</th>
              <th scope="col" className="num">
                Rows
              </th>
              <th scope="col" className="num">
                Accepted
              </th>
              <th scope="col" className="num">
                Rejected
              </th>
              <th scope="col" className="num">
                Duplicates
              </th>
              <th scope="col" className="num">
                Warnings
              </th>
              <th scope="col" className="num">
                Skipped
              </th>
              <th scope="col">Imported</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {batches.map((batch) => (
              <tr key={batch.id} data-batch={batch.id} data-status={batch.status}>
                <td>
                  <div>{batch.fileName}</div>
                  <div className="import-hint">
                    {bytes(batch.size)}
                    {batch.sha256 ? (
                      <>
                        {' · SHA-256 '}
                        <code title={batch.sha256}>{batch.sha256.slice(0, 12)}…</code>
                      </>
                    ) : null}
                  </div>
                </td>
                <td>{batch.kind}</td>
                <td>
                  <span className={STATUS_BADGE[batch.status]}>{batch.status}</span>
                  {batch.note ? <div className="import-hint">{batch.note}</div> : null}
                </td>
                <td className="num">{count(batch.counts.rows)}</td>
                <td className="num">{count(batch.counts.accepted)}</td>
                <td className="num">{count(batch.counts.rejected)}</td>
                <td className="num">{count(batch.counts.duplicates)}</td>
                <td className="num">{count(batch.counts.warnings)}</td>
                <td className="num">{count(batch.counts.skipped)}</td>
                <td>
                  <div>{utcTime(batch.startedAt)}</div>
                  <div className="import-hint">by {batch.importedBy}</div>
                </td>
                <td>
                  <div className="import-actions">
                    {batch.status === 'complete' ? (
                      <button
                        type="button"
                        className="button"
                        onClick={() => setPending({ batch, how: 'undo' })}
                        aria-label={`Undo import of ${batch.fileName}`}
                      >
                        Undo
                      </button>
                    ) : null}
                    {batch.status === 'incomplete' ? (
                      <>
                        <button
                          type="button"
                          className="button"
                          onClick={() => void pickAndResume(batch)}
                          aria-label={`Resume import of ${batch.fileName}`}
                        >
                          Resume
                        </button>
                        <button
                          type="button"
                          className="button"
                          onClick={() => setPending({ batch, how: 'remove' })}
                          aria-label={`Remove import of ${batch.fileName}`}
                        >
                          Remove
                        </button>
                      </>
                    ) : null}
                    {batch.status === 'complete' || batch.status === 'undone' ? (
                      <button
                        type="button"
                        className="link-button"
                        onClick={() =>
                          void batchProblems(batch.id).then((problems) => setShown({ batch, problems }))
                        }
                        aria-label={`Problems of ${batch.fileName}`}
                      >
                        Problems
                      </button>
                    ) : null}
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {shown ? (
        <div className="stack import-history-problems">
          <h3 className="card__title">Problems in {shown.batch.fileName}</h3>
          <ProblemTable problems={shown.problems} caption={`Problem rows of batch ${shown.batch.id}`} />
          {shown.problems.length > 0 ? (
            <DownloadProblems problems={shown.problems} fileName={shown.batch.fileName} />
          ) : null}
          <div>
            <button type="button" className="button" onClick={() => setShown(null)}>
              Hide problems
            </button>
          </div>
        </div>
      ) : null}
    </section>
  );
}
