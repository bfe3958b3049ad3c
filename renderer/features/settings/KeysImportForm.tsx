import { useId, useState, type FormEvent } from 'react';

interface KeysImportFormProps {
  busy: boolean;
  replacing: boolean;
  /** Resolves true when the key was taken, so the pasted secret can be cleared at once. */
  onImport(privateKeyText: string): Promise<boolean>;
  /** Opens a key file through the host, which reads it itself (the main process on the desktop). */
  onImportFile(): Promise<boolean>;
}

/** Open or paste an unencrypted OpenSSH Ed25519 private key (`ssh-keygen -t ed25519 -N ''`). */
export function KeysImportForm({ busy, replacing, onImport, onImportFile }: KeysImportFormProps) {
  const id = useId();
  const [text, setText] = useState('');

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (await onImport(text)) setText('');
  }

  return (
    <details className="keys-import">
      <summary>Import an existing OpenSSH key{replacing ? ' (retires the current one)' : ''}</summary>
      <form onSubmit={submit}>
        <label htmlFor={id}>Private key</label>
        <textarea
          id={id}
          className="mono keys-import__text"
          rows={7}
          value={text}
          spellCheck={false}
          autoComplete="off"
          placeholder={'-----BEGIN OPENSSH PRIVATE KEY-----\n…\n-----END OPENSSH PRIVATE KEY-----'}
          onChange={(e) => setText(e.target.value)}
        />
        <p className="keys-line__hint">
          Unencrypted Ed25519 only, as made by <code>ssh-keygen -t ed25519 -N &apos;&apos;</code>. The key is
          stored so it can sign but never be read back. <em>Open key file…</em> imports it at once: in the
          desktop app the file is read by the desk itself and its text never appears on this page.
        </p>
        <div className="form-row">
          <button type="button" className="button" disabled={busy} onClick={() => void onImportFile()}>
            Open key file…
          </button>
          <button type="submit" className="button button--primary" disabled={busy || text.trim() === ''}>
            Import key
          </button>
        </div>
      </form>
    </details>
  );
}
