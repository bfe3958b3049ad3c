import { useState } from 'react';
import { desktop } from '../../bridge';
import { exportNextBatch, isConflict, type LivePlan } from '../../data/exports';
import { savedMessage, saveSignedFile } from './save-signed';
import type { SignerState } from './use-signer';

const SHOWN_ROWS = 200;

type Message = { kind: 'ok' | 'error'; text: string } | null;

export function ExportsNextBatch({ live, signer }: { live: LivePlan; signer: SignerState | undefined }) {
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<Message>(null);
  const { plan, basis, batch: planned } = live;
  const { items, totals } = plan;

  async function run() {
    if (!signer?.ready) return;
    setBusy(true);
    setMessage(null);
    try {
      const { row, signed } = await exportNextBatch({
        actor: signer.identity,
        signer: signer.signer,
        sign: (namespace, data) => desktop.signing.sign(namespace, data),
        basis,
        planned,
      });
      const saved = await saveSignedFile(signed, { name: 'Credit-back batch', extension: 'json' });
      const note = saved.file.saved ? '' : ' It is recorded: save it again from the batches below.';
      setMessage({
        kind: saved.signature?.saved ? 'ok' : 'error',
        text: `Batch ${row.batchId} exported and its ${row.totals.items} decisions locked. ${savedMessage(signed, saved)}${note}`,
      });
    } catch (error) {
      setMessage({
        kind: 'error',
        text: isConflict(error)
          ? (error as Error).message
          : `Export failed, nothing was recorded: ${(error as Error).message}`,
      });
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card" aria-labelledby="next-batch-heading">
      <h2 id="next-batch-heading" className="card__title">
        Ready to export
      </h2>
      {items.length === 0 ? (
        <p className="card__lead">
          No approved credit-back or re-run is waiting. Decisions appear here once they are approved on the
          Review page.
        </p>
      ) : (
        <>
          <p className="card__lead">
            Approved decisions not yet in a batch. Exporting signs them into one batch file and locks them.
          </p>
          <dl className="exports-totals" aria-label="Totals of the next batch">
            <div>
              <dt>Items</dt>
              <dd data-testid="next-items">{totals.items}</dd>
            </div>
            <div>
              <dt>Credits restored</dt>
              <dd data-testid="next-credits">{totals.credits}</dd>
            </div>
            <div>
              <dt>Re-runs</dt>
              <dd data-testid="next-reruns">{totals.reruns}</dd>
            </div>
          </dl>
          <div className="exports-scroll">
            <table className="table" aria-label="Items of the next batch">
              <thead>
                <tr>
                  <th scope="col">Request</th>
                  <th scope="col">Account</th>
                  <th scope="col">Job</th>
                  <th scope="col">Remedy</th>
                  <th scope="col" className="num">
                    Credits
                  </th>
                  <th scope="col">Decided by</th>
                  <th scope="col">Approved by</th>
                </tr>
              </thead>
              <tbody>
                {items.slice(0, SHOWN_ROWS).map((item) => (
                  <tr key={item.idempotency_key}>
                    <td>{item.request_id}</td>
                    <td>{item.account_email}</td>
                    <td className="mono">{item.job_id}</td>
                    <td>{item.remedy === 'credit_back' ? 'Credit back' : 'Re-run'}</td>
                    <td className="num">{item.credits}</td>
                    <td>{item.decided_by}</td>
                    <td>{item.approved_by ?? '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {items.length > SHOWN_ROWS ? (
            <p className="keys-note">…and {items.length - SHOWN_ROWS} more in the same batch.</p>
          ) : null}
          {plan.deferred.length > 0 ? (
            <p className="keys-note">
              {plan.deferred.length} more approved decision(s) were made under other policy settings; a batch
              names one settings hash, so they go in the next batch.
            </p>
          ) : null}
        </>
      )}
      {signer && !signer.ready ? <p className="exports-blocker">{signer.reason}</p> : null}
      <div className="form-row exports-actions">
        <button
          type="button"
          className="button button--primary"
          disabled={busy || items.length === 0 || !signer?.ready}
          onClick={run}
        >
          {busy ? 'Signing…' : `Export signed batch (${items.length})`}
        </button>
      </div>
      <p role="status" className={message ? `message message--${message.kind}` : 'message'}>
        {message?.text ?? ''}
      </p>
    </section>
  );
}
