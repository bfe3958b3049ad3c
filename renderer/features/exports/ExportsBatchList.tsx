import { useId, useState } from 'react';
import type { AppliedItem } from '../../../shared/export';
import { utf8 } from '../../../shared/signing';
import type { ExportBatchRow } from '../../data/export-records';
import { saveOverdueDays, useAppliedReports, useExportBatches, useOverdueDays } from '../../data/exports';
import type { BatchApplied } from './applied-view';
import { parseOverdueDays } from './overdue-days';
import { savedMessage, saveSignedFile } from './save-signed';

const STATUS_LABEL: Record<AppliedItem['status'], string> = {
  applied: 'Applied',
  missing: 'Missing',
  applied_twice: 'Applied twice',
};
const STATUS_TONE: Record<AppliedItem['status'], string> = {
  applied: 'offline',
  missing: 'warn',
  applied_twice: 'danger',
};

/** Exported batches, and what the billing system did with each item according to later ledgers. */
export function ExportsBatchList() {
  const daysId = useId();
  const stored = useOverdueDays();
  // What is typed stays as typed (even when not a number yet); a valid number is saved at once.
  const [typed, setTyped] = useState<string | null>(null);
  const days = typed ?? (stored === undefined ? '' : String(stored));
  const overdueDays = typed === null ? (stored ?? null) : parseOverdueDays(typed);
  const batches = useExportBatches();
  const applied = useAppliedReports({ overdueDays });

  function changeDays(text: string) {
    setTyped(text);
    const parsed = parseOverdueDays(text);
    if (parsed !== null) void saveOverdueDays(parsed);
  }
  const [open, setOpen] = useState<string | null>(null);
  const [message, setMessage] = useState<string>('');

  if (!batches || batches.length === 0) return null;

  async function saveAgain(row: ExportBatchRow) {
    const signed = {
      fileName: row.fileName,
      bytes: utf8(row.text),
      signatureFileName: `${row.fileName}.sig`,
      signature: row.signature,
    };
    setMessage(
      savedMessage(signed, await saveSignedFile(signed, { name: 'Credit-back batch', extension: 'json' })),
    );
  }

  return (
    <section className="card" aria-labelledby="batches-heading">
      <h2 id="batches-heading" className="card__title">
        Exported batches
      </h2>
      <p className="card__lead">
        Import the billing system&apos;s next ledger export: each item&apos;s <code>restore</code> row (its
        idempotency key as reference) shows it was applied.
      </p>
      <div className="form-row">
        <label htmlFor={daysId}>Highlight items missing after</label>
        <input
          id={daysId}
          className="exports-days"
          inputMode="numeric"
          value={days}
          onChange={(e) => changeDays(e.target.value)}
          aria-invalid={stored !== undefined && overdueDays === null}
        />
        <span>days</span>
      </div>
      <div className="exports-scroll">
        <table className="table" aria-label="Exported batches">
          <thead>
            <tr>
              <th scope="col">Batch</th>
              <th scope="col">Created</th>
              <th scope="col">Signed by</th>
              <th scope="col" className="num">
                Items
              </th>
              <th scope="col" className="num">
                Credits
              </th>
              <th scope="col" className="num">
                Re-runs
              </th>
              <th scope="col" className="num">
                Applied
              </th>
              <th scope="col" className="num">
                Missing
              </th>
              <th scope="col" className="num">
                Applied twice
              </th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {batches.map((row) => {
              const a = applied?.get(row.batchId);
              return (
                <tr key={row.batchId} data-testid={`batch-${row.batchId}`}>
                  <td className="mono">{row.batchId}</td>
                  <td>{new Date(row.createdAt).toLocaleString()}</td>
                  <td>{row.signerIdentity}</td>
                  <td className="num">{row.totals.items}</td>
                  <td className="num">{row.totals.credits}</td>
                  <td className="num">{row.totals.reruns}</td>
                  <td className="num" data-testid="applied-count">
                    {a?.report.counts.applied ?? '…'}
                  </td>
                  <td className="num" data-testid="missing-count">
                    {a?.report.counts.missing ?? '…'}
                    {a && a.overdue > 0 ? (
                      <span className="badge badge--danger exports-overdue">{a.overdue} overdue</span>
                    ) : null}
                  </td>
                  <td className="num" data-testid="applied-twice-count">
                    {a?.report.counts.applied_twice ?? '…'}
                  </td>
                  <td className="exports-row-actions">
                    <button
                      type="button"
                      className="link-button"
                      aria-expanded={open === row.batchId}
                      onClick={() => setOpen(open === row.batchId ? null : row.batchId)}
                    >
                      {open === row.batchId ? 'Hide items' : 'Items'}
                    </button>
                    <button type="button" className="link-button" onClick={() => saveAgain(row)}>
                      Save again
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <p role="status" className="message">
        {message}
      </p>
      {open && applied?.get(open) ? <BatchItems batchId={open} applied={applied.get(open)!} /> : null}
    </section>
  );
}

const SHOWN_ROWS = 500;

function BatchItems({ batchId, applied }: { batchId: string; applied: BatchApplied }) {
  // Problems first: what needs chasing with the billing team.
  const order = { applied_twice: 0, missing: 1, applied: 2 };
  const items = [...applied.report.items].sort(
    (a, b) => Number(b.overdue) - Number(a.overdue) || order[a.status] - order[b.status],
  );
  return (
    <div className="exports-scroll exports-items">
      <table className="table" aria-label={`Items of batch ${batchId}`}>
        <thead>
          <tr>
            <th scope="col">Request</th>
            <th scope="col">Account</th>
            <th scope="col">Job</th>
            <th scope="col">Remedy</th>
            <th scope="col" className="num">
              Credits
            </th>
            <th scope="col">Status</th>
            <th scope="col">Ledger restore rows</th>
          </tr>
        </thead>
        <tbody>
          {items.slice(0, SHOWN_ROWS).map((item) => (
            <tr
              key={item.idempotency_key}
              className={item.overdue ? 'exports-item--overdue' : undefined}
              data-testid="batch-item"
              data-status={item.status}
            >
              <td>{item.request_id}</td>
              <td>{item.account_email}</td>
              <td className="mono">{item.job_id}</td>
              <td>{item.remedy === 'credit_back' ? 'Credit back' : 'Re-run'}</td>
              <td className="num">{item.credits}</td>
              <td>
                <span className={`badge badge--${STATUS_TONE[item.status]}`}>
                  {STATUS_LABEL[item.status]}
                </span>
                {item.overdue ? <span className="badge badge--danger exports-overdue">Overdue</span> : null}
              </td>
              <td className="mono">{item.restore_entries.join(', ') || '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {items.length > SHOWN_ROWS ? <p className="keys-note">…and {items.length - SHOWN_ROWS} more.</p> : null}
    </div>
  );
}
