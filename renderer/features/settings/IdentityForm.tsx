import { useState, type FormEvent } from 'react';
import { identityProblem, setReviewerIdentity, useReviewerIdentity } from '../../data/reviewer';

export function IdentityForm() {
  const identity = useReviewerIdentity();
  const [draft, setDraft] = useState<string | null>(null);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const value = draft ?? identity ?? '';

  async function save(event: FormEvent) {
    event.preventDefault();
    const problem = identityProblem(value);
    if (problem) {
      setMessage({ kind: 'error', text: problem });
      return;
    }
    await setReviewerIdentity(value);
    setDraft(null);
    setMessage({ kind: 'ok', text: `Decisions are now recorded as ${value.trim()}.` });
  }

  return (
    <section className="card" aria-labelledby="identity-heading">
      <h2 id="identity-heading" className="card__title">
        Reviewer identity
      </h2>
      {identity === null ? (
        <p className="card__lead">
          Set the name your decisions, approvals and signatures are recorded under. A four-eyes approval needs
          a second reviewer with a different identity.
        </p>
      ) : (
        <p className="card__lead">
          Your decisions, approvals and signatures are recorded under this identity.
        </p>
      )}
      <form className="form-row" onSubmit={save}>
        <label htmlFor="identity-input">Identity</label>
        <input
          id="identity-input"
          name="identity"
          value={value}
          placeholder="ana@finance"
          autoComplete="off"
          spellCheck={false}
          onChange={(e) => {
            setDraft(e.target.value);
            setMessage(null);
          }}
          aria-describedby="identity-message"
        />
        <button type="submit" className="button button--primary">
          Save identity
        </button>
      </form>
      <p
        id="identity-message"
        role="status"
        className={message ? `message message--${message.kind}` : 'message'}
      >
        {message?.text ?? ''}
      </p>
    </section>
  );
}
