import '../exports/exports.css';
import { Fragment, useState } from 'react';
import type { PickedFile } from '../../../shared/bridge/desktop-api';
import { verifyExport, type ExportFile, type ExportVerification } from '../../../shared/export';
import { fromUtf8 } from '../../../shared/signing';
import { desktop } from '../../bridge';
import { allowedSignersLineFor } from '../settings/KeysPublicKey';
import { useKeyStatus } from '../settings/KeysStatus';
import { VerifyChecks } from './VerifyChecks';
import { VerifyContents } from './VerifyContents';
import { VerifyRecordBatch } from './VerifyRecordBatch';

type Slot = 'file' | 'signature' | 'allowed' | 'previous';

const SLOTS: { slot: Slot; label: string; title: string; extensions: string[]; optional?: boolean }[] = [
  {
    slot: 'file',
    label: 'Export file',
    title: 'Open a batch or decision export',
    extensions: ['json', 'csv'],
  },
  { slot: 'signature', label: 'Signature (.sig)', title: 'Open its signature', extensions: ['sig'] },
  { slot: 'allowed', label: 'allowed_signers', title: 'Open an allowed_signers file', extensions: [] },
  {
    slot: 'previous',
    label: 'Previous batch',
    title: 'Open the previous batch of the chain',
    extensions: ['json'],
    optional: true,
  },
];

/** A file is read whole: exports are small next to the imports, and checking needs every byte. */
const MAX_BYTES = 256 * 1024 * 1024;

async function readWhole(file: PickedFile): Promise<ExportFile> {
  if (file.size > MAX_BYTES) throw new Error(`${file.name} is larger than any export the desk writes`);
  return { fileName: file.name, bytes: await file.read(0, file.size) };
}

function text(file: ExportFile): string {
  try {
    return fromUtf8(file.bytes);
  } catch {
    throw new Error(`${file.fileName} is not UTF-8 text`);
  }
}

/** Opens any batch or decision export with its .sig and an allowed_signers file, and checks it. */
export function VerifyExportPanel() {
  const [files, setFiles] = useState<Partial<Record<Slot, ExportFile>>>({});
  const [result, setResult] = useState<ExportVerification | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const { status } = useKeyStatus();

  async function pick(slot: Slot) {
    const spec = SLOTS.find((s) => s.slot === slot)!;
    const picked = await desktop.openFiles({
      title: spec.title,
      filters: spec.extensions.length ? [{ name: spec.label, extensions: spec.extensions }] : [],
      multiple: false,
    });
    if (!picked[0]) return;
    try {
      const file = await readWhole(picked[0]);
      setFiles((f) => ({ ...f, [slot]: file }));
      setResult(null);
      setError(null);
    } catch (err) {
      setError((err as Error).message);
    }
  }

  function takeDeskKeys() {
    if (!status?.keys.length) return;
    const lines = status.keys.map(allowedSignersLineFor).join('\n');
    setFiles((f) => ({
      ...f,
      allowed: { fileName: 'this desk’s keys', bytes: new TextEncoder().encode(`${lines}\n`) },
    }));
    setResult(null);
  }

  async function verify() {
    if (!files.file || !files.signature || !files.allowed) return;
    setBusy(true);
    setError(null);
    try {
      setResult(
        await verifyExport({
          file: files.file,
          signatureText: text(files.signature),
          allowedSignersText: text(files.allowed),
          previous: files.previous ?? null,
        }),
      );
    } catch (err) {
      setResult(null);
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card" aria-labelledby="verify-heading">
      <h2 id="verify-heading" className="card__title">
        Verify an export
      </h2>
      <p className="card__lead">
        Open a credit-back batch or a decision export with its <code>.sig</code> and the{' '}
        <code>allowed_signers</code> file of the reviewers you trust. The checks are those of{' '}
        <code>ssh-keygen -Y verify</code>, then the file&apos;s own format, totals and chain.
      </p>
      <div className="verify-files">
        {SLOTS.map(({ slot, label, optional }) => (
          <Fragment key={slot}>
            <span>
              {label}
              {optional ? ' (optional)' : ''}
            </span>
            <span className="mono" data-testid={`verify-${slot}-name`}>
              {files[slot]?.fileName ?? '—'}
            </span>
            <span>
              <button
                type="button"
                className="button"
                onClick={() => pick(slot)}
                aria-label={`Choose ${label}`}
              >
                Choose…
              </button>
              {slot === 'allowed' && status?.keys.length ? (
                <button type="button" className="link-button verify-own-keys" onClick={takeDeskKeys}>
                  Use this desk&apos;s keys
                </button>
              ) : null}
            </span>
          </Fragment>
        ))}
      </div>
      <button
        type="button"
        className="button button--primary"
        disabled={busy || !files.file || !files.signature || !files.allowed}
        onClick={verify}
      >
        Verify
      </button>
      {error ? <p className="message message--error">{error}</p> : null}
      {result ? (
        <div className="verify-result" aria-live="polite">
          <p
            className={`verify-verdict verify-verdict--${result.valid ? 'ok' : 'failed'}`}
            data-testid="verify-verdict"
          >
            {result.valid
              ? `Valid ${result.kind === 'creditback-batch' ? 'credit-back batch' : 'decision export'}`
              : `Not valid: ${result.checks.filter((c) => !c.ok).length} check(s) failed`}
          </p>
          <VerifyChecks checks={result.checks} />
          {result.valid && result.batch ? <VerifyRecordBatch batch={result.batch} /> : null}
          <VerifyContents table={result.table} />
        </div>
      ) : null}
    </section>
  );
}
