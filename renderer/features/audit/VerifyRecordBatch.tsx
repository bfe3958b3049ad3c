import { useState } from 'react';
import type { CreditbackBatch } from '../../../shared/export';
import { recordForeignBatch } from '../../data/exports';
import { useReviewerIdentity } from '../../data/reviewer';

/**
 * A valid batch made on another desk: recording its items here keeps this desk from ever
 * exporting the same generations, whoever works on it.
 */
export function VerifyRecordBatch({ batch }: { batch: CreditbackBatch }) {
  const identity = useReviewerIdentity();
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);

  async function record() {
    if (!identity) return;
    setBusy(true);
    try {
      const { added, known } = await recordForeignBatch({ actor: identity, batch });
      setMessage(
        added === 0
          ? `Every item of batch ${batch.batch_id} was already known here.`
          : `${added} generation(s) of batch ${batch.batch_id} are now recorded as exported${known ? ` (${known} were already known)` : ''}: this desk will not export them again.`,
      );
    } catch (error) {
      setMessage(`Could not record the batch: ${(error as Error).message}`);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="form-row verify-record">
      <button type="button" className="button" disabled={busy || !identity} onClick={record}>
        Record these items as exported
      </button>
      <span className="keys-note">
        For a batch from another desk: its generations are then never exported from this one.
      </span>
      <p role="status" className="message">
        {message}
      </p>
    </div>
  );
}
