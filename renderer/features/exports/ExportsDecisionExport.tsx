import { useId, useState, type FormEvent } from 'react';
import { desktop } from '../../bridge';
import { exportDecisions, useDecisionDays } from '../../data/exports';
import { defaultPeriod, periodProblem } from './decision-rows';
import { savedMessage, saveSignedFile } from './save-signed';
import type { SignerState } from './use-signer';

type Message = { kind: 'ok' | 'error'; text: string } | null;

/** Every decision of a period, signed, for the auditors. */
export function ExportsDecisionExport({ signer }: { signer: SignerState | undefined }) {
  const fromId = useId();
  const toId = useId();
  const days = useDecisionDays();
  const [period, setPeriod] = useState(() => defaultPeriod(new Date()));
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<Message>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const problem = periodProblem(period);
    if (problem) {
      setMessage({ kind: 'error', text: problem });
      return;
    }
    if (!signer?.ready) return;
    setBusy(true);
    setMessage(null);
    try {
      const { signed, count } = await exportDecisions({
        actor: signer.identity,
        period,
        sign: (namespace, data) => desktop.signing.sign(namespace, data),
      });
      const saved = await saveSignedFile(signed, { name: 'Decision export', extension: 'csv' });
      setMessage({
        kind: saved.signature?.saved ? 'ok' : 'error',
        text: `${count} decision(s) from ${period.from} to ${period.to}. ${savedMessage(signed, saved)}`,
      });
    } catch (error) {
      setMessage({ kind: 'error', text: `Decision export failed: ${(error as Error).message}` });
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card" aria-labelledby="decision-export-heading">
      <h2 id="decision-export-heading" className="card__title">
        Decision export for auditors
      </h2>
      <p className="card__lead">
        Every decision of the period, including denials and overrides, as a signed CSV. Text cells that a
        spreadsheet would run as a formula are guarded.
        {days ? ` Decisions on record run from ${days.first} to ${days.last} (UTC).` : ''}
      </p>
      <form className="form-row" onSubmit={submit}>
        <label htmlFor={fromId}>From</label>
        <input
          id={fromId}
          type="date"
          value={period.from}
          onChange={(e) => setPeriod({ ...period, from: e.target.value })}
        />
        <label htmlFor={toId}>To</label>
        <input
          id={toId}
          type="date"
          value={period.to}
          onChange={(e) => setPeriod({ ...period, to: e.target.value })}
        />
        {days ? (
          <button
            type="button"
            className="link-button"
            onClick={() => setPeriod({ from: days.first, to: days.last })}
          >
            All decisions
          </button>
        ) : null}
        <button type="submit" className="button button--primary" disabled={busy || !signer?.ready}>
          Export signed decisions
        </button>
      </form>
      <p role="status" className={message ? `message message--${message.kind}` : 'message'}>
        {message?.text ?? ''}
      </p>
    </section>
  );
}
