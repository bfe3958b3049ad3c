import './Keys.css';
import { useState } from 'react';
import type { KeyStatus } from '../../../shared/bridge/desktop-api';
import { desktop } from '../../bridge';
import { appendAudit } from '../../data/audit';
import { useReviewerIdentity } from '../../data/reviewer';
import { KeysImportForm } from './KeysImportForm';
import { KeysPublicKey } from './KeysPublicKey';
import { KeysRetiredList } from './KeysRetiredList';
import { setKeyStatus, useKeyStatus } from './KeysStatus';

type Message = { kind: 'ok' | 'error'; text: string } | null;

const STORAGE_NOTE: Record<KeyStatus['storage'], string> = {
  'safe-storage': 'The private key is encrypted by the operating system and never leaves the main process.',
  plaintext: '',
  webcrypto:
    'The private key is a non-extractable WebCrypto key in this browser profile: it can sign, but cannot be read back.',
  none: '',
};

export function KeysPanel() {
  const identity = useReviewerIdentity();
  const { status, error } = useKeyStatus();
  const [busy, setBusy] = useState(false);
  const [confirmRotate, setConfirmRotate] = useState(false);
  const [message, setMessage] = useState<Message>(null);
  const active = status?.keys.find((k) => k.active) ?? null;
  const retired = status?.keys.filter((k) => !k.active) ?? [];

  /** `change` resolves null when the reviewer cancelled (a file dialog): nothing changed then. */
  async function run(
    action: 'key.generate' | 'key.import',
    change: (identity: string) => Promise<KeyStatus | null>,
  ): Promise<boolean> {
    if (!identity) return false;
    setBusy(true);
    setMessage(null);
    try {
      const before = active?.fingerprint ?? null;
      const next = await change(identity);
      if (next === null) return false;
      setKeyStatus(next);
      const now = next.keys.find((k) => k.active);
      await appendAudit({
        actor: identity,
        action,
        subject: `key:${now?.fingerprint ?? ''}`,
        before: { activeKey: before },
        after: { activeKey: now?.fingerprint ?? null, identity: now?.identity ?? identity },
      });
      setMessage({
        kind: 'ok',
        text: before
          ? `New key ${now?.fingerprint} is active; the previous key is retired and stays listed.`
          : `Key ${now?.fingerprint} is ready. Hand its allowed_signers line to the billing team.`,
      });
      setConfirmRotate(false);
      return true;
    } catch (err) {
      setMessage({ kind: 'error', text: (err as Error).message });
      return false;
    } finally {
      setBusy(false);
    }
  }

  const generate = () => run('key.generate', (id) => desktop.signing.generate(id));
  const importKey = (text: string) => run('key.import', (id) => desktop.signing.importOpenSsh(text, id));
  const importKeyFile = () => run('key.import', (id) => desktop.signing.importOpenSshFile(id));

  return (
    <section className="card" aria-labelledby="keys-heading">
      <h2 id="keys-heading" className="card__title">
        Signing key
      </h2>
      {identity === null ? (
        <p className="card__lead">
          Set your reviewer identity above first: the key is registered with the billing team under it.
        </p>
      ) : (
        <p className="card__lead">
          Batches and decision exports are signed with an Ed25519 key (OpenSSH signatures), so anyone can
          check them with <code>ssh-keygen -Y verify</code>.
        </p>
      )}
      {error ? <p className="message message--error">Could not read the key status: {error}</p> : null}
      {status?.storage === 'plaintext' ? (
        <p className="keys-warning" role="alert">
          <strong>The private key is stored unencrypted.</strong> This system offers no secure storage (no
          keyring), so anyone who can read your user-data folder can sign as you. Use a machine with an OS
          keyring for real batches.
        </p>
      ) : null}
      {active ? (
        <>
          <KeysPublicKey keyInfo={active} />
          {identity && active.identity !== identity ? (
            <p className="keys-warning" role="alert">
              This key is registered as <strong>{active.identity}</strong>, but you now work as{' '}
              <strong>{identity}</strong>. Batches are signed as {active.identity}; generate or import a key
              to sign as {identity}.
            </p>
          ) : null}
          {status ? <p className="keys-note">{STORAGE_NOTE[status.storage]}</p> : null}
        </>
      ) : status && identity ? (
        <p className="keys-note">No key yet. Generate one here, or import one made with ssh-keygen.</p>
      ) : null}

      {identity ? (
        <div className="keys-actions">
          {active && !confirmRotate ? (
            <button type="button" className="button" disabled={busy} onClick={() => setConfirmRotate(true)}>
              Generate a new key…
            </button>
          ) : null}
          {active && confirmRotate ? (
            <div className="keys-confirm" role="group" aria-label="Confirm key rotation">
              <span>
                The current key will be retired: new files are signed with the new key, and the billing team
                needs its allowed_signers line.
              </span>
              <button type="button" className="button button--primary" disabled={busy} onClick={generate}>
                Generate and rotate
              </button>
              <button type="button" className="button" onClick={() => setConfirmRotate(false)}>
                Cancel
              </button>
            </div>
          ) : null}
          {!active ? (
            <button type="button" className="button button--primary" disabled={busy} onClick={generate}>
              Generate Ed25519 key
            </button>
          ) : null}
          <KeysImportForm
            busy={busy}
            onImport={importKey}
            onImportFile={importKeyFile}
            replacing={active !== null}
          />
        </div>
      ) : null}
      <p role="status" className={message ? `message message--${message.kind}` : 'message'}>
        {message?.text ?? ''}
      </p>
      <KeysRetiredList keys={retired} />
    </section>
  );
}
