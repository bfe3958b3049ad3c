import { useId, useState, type FormEvent } from 'react';
import { desktop } from '../../bridge';

interface KeysImportFormProps {
  busy: boolean;
  replacing: boolean;
  /** Resolves true when the key was taken, so the pasted secret can be cleared at once. */
  onImport(privateKeyText: string): Promise<boolean>;
}

const MAX_KEY_FILE_BYTES = 64 * 1024;

/** Paste or open an unencrypted OpenSSH Ed25519 private key (`ssh-keygen -t ed25519 -N ''`). */
export function KeysImportForm({ busy, replacing, onImport }: KeysImportFormProps) {
  const id = useId();
  const [text, setText] = useState('');
  const [fileProblem, setFileProblem] = useState<string | null>(null);

  async function pickFile() {
    setFileProblem(null);
    const [file] = await desktop.openFiles({
      title: 'Open an OpenSSH private key',
      filters: [],
      multiple: false,
    });
    if (!file) return;
    if (file.size > MAX_KEY_FILE_BYTES) {
      setFileProblem(`${file.name} is ${file.size} bytes: too large to be an Ed25519 private key.`);
      return;
    }
    setText(new TextDecoder().decode(await file.read(0, file.size)));
  }

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
          stored so it can sign but never be read back.
        </p>
        {fileProblem ? <p className="message message--error">{fileProblem}</p> : null}
        <div className="form-row">
          <button type="button" className="button" disabled={busy} onClick={pickFile}>
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
