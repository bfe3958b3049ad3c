import { useState, type FormEvent } from 'react';
import type { PolicySettings } from '../../../shared/policy/settings';
import { savePolicySettings, useSettingsHistory, useSettingsInForce } from '../../data/policy-settings';
import { useReviewerIdentity } from '../../data/reviewer';
import { refreshSuggestions } from '../../data/suggestions';
import './policy-settings.css';

type NumberField =
  | 'windowHours'
  | 'fourEyesCreditThreshold'
  | 'repeatRequesterCount'
  | 'repeatRequesterDays'
  | 'duplicatePaymentMinutes';

const NUMBER_FIELDS: { key: NumberField; label: string; hint: string }[] = [
  {
    key: 'windowHours',
    label: 'Window (hours each side)',
    hint: 'Jobs this close to the stated time are candidates.',
  },
  {
    key: 'fourEyesCreditThreshold',
    label: 'Four-eyes above (credits)',
    hint: 'Larger remedies need a second reviewer.',
  },
  { key: 'repeatRequesterCount', label: 'Repeat requester: requests', hint: 'This many requests…' },
  { key: 'repeatRequesterDays', label: 'Repeat requester: within days', hint: '…within this many days.' },
  {
    key: 'duplicatePaymentMinutes',
    label: 'Duplicate payment within (minutes)',
    hint: 'Two equal payments this close.',
  },
];

/** The form's text: lists are one item per line, so a reviewer edits them like a document. */
interface Draft {
  numbers: Record<NumberField, string>;
  platformErrorCodes: string;
  customerErrorCodes: string;
  platformMessagePattern: string;
  customerMessagePattern: string;
  legalTerms: string;
}

function toDraft(s: PolicySettings): Draft {
  return {
    numbers: {
      windowHours: String(s.windowHours),
      fourEyesCreditThreshold: String(s.fourEyesCreditThreshold),
      repeatRequesterCount: String(s.repeatRequesterCount),
      repeatRequesterDays: String(s.repeatRequesterDays),
      duplicatePaymentMinutes: String(s.duplicatePaymentMinutes),
    },
    platformErrorCodes: s.platformErrorCodes.join('\n'),
    customerErrorCodes: s.customerErrorCodes.join('\n'),
    platformMessagePattern: s.platformMessagePattern,
    customerMessagePattern: s.customerMessagePattern,
    legalTerms: s.legalTerms.join('\n'),
  };
}

const lines = (text: string) =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');

/** Numbers stay as typed when they are not numbers, so validation can name the field. */
function fromDraft(draft: Draft, schemaVersion: number): unknown {
  const number = (text: string) => (/^-?\d+(\.\d+)?$/.test(text.trim()) ? Number(text) : text);
  return {
    schemaVersion,
    windowHours: number(draft.numbers.windowHours),
    fourEyesCreditThreshold: number(draft.numbers.fourEyesCreditThreshold),
    repeatRequesterCount: number(draft.numbers.repeatRequesterCount),
    repeatRequesterDays: number(draft.numbers.repeatRequesterDays),
    duplicatePaymentMinutes: number(draft.numbers.duplicatePaymentMinutes),
    platformErrorCodes: lines(draft.platformErrorCodes),
    customerErrorCodes: lines(draft.customerErrorCodes),
    platformMessagePattern: draft.platformMessagePattern,
    customerMessagePattern: draft.customerMessagePattern,
    legalTerms: lines(draft.legalTerms),
  };
}

/** Thresholds, code tables, message patterns and legal terms: validated, versioned and audited. */
export function PolicySettingsPanel() {
  const inForce = useSettingsInForce();
  const history = useSettingsHistory();
  const identity = useReviewerIdentity();
  const [draft, setDraft] = useState<Draft | null>(null);
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<string[]>([]);
  const [message, setMessage] = useState<string | null>(null);
  if (!inForce) return null;
  const current = draft ?? toDraft(inForce.settings);
  const edit = (patch: Partial<Draft>) => {
    setDraft({ ...current, ...patch });
    setMessage(null);
  };

  async function save(event: FormEvent) {
    event.preventDefault();
    if (!inForce) return;
    const result = await savePolicySettings(
      fromDraft(current, inForce.settings.schemaVersion),
      identity ?? '',
      note,
    );
    if (!result.ok) {
      setErrors(result.errors);
      return;
    }
    setErrors([]);
    setDraft(null);
    setNote('');
    setMessage(
      `Saved as version ${result.version.version}. Suggestions for undecided requests are being recomputed under it.`,
    );
    void refreshSuggestions().catch(() => undefined);
  }

  const area = (
    key: 'platformErrorCodes' | 'customerErrorCodes' | 'legalTerms',
    label: string,
    hint: string,
  ) => (
    <div className="policy-field">
      <label htmlFor={`policy-${key}`}>{label}</label>
      <textarea
        id={`policy-${key}`}
        rows={6}
        value={current[key]}
        onChange={(e) => edit({ [key]: e.target.value })}
        spellCheck={false}
        aria-describedby={`policy-${key}-hint`}
      />
      <span id={`policy-${key}-hint`} className="policy-hint">
        {hint}
      </span>
    </div>
  );

  return (
    <section className="card" aria-labelledby="policy-heading">
      <h2 id="policy-heading" className="card__title">
        Policy settings
      </h2>
      <p className="card__lead">
        The thresholds and tables the rules use. Each save is a new version, recorded in the audit log with
        the settings before and after; every suggestion is stamped with the SHA-256 of the settings it was
        made under.
      </p>
      <p className="policy-in-force" data-testid="settings-in-force">
        In force: version {inForce.version}
        {inForce.version === 0 ? ' (the defaults)' : ` saved by ${inForce.savedBy} at ${inForce.savedAt}`} ·
        SHA-256 <code className="policy-sha">{inForce.sha256}</code>
      </p>
      <form onSubmit={save} className="policy-form" noValidate>
        <div className="policy-numbers">
          {NUMBER_FIELDS.map((field) => (
            <div className="policy-field" key={field.key}>
              <label htmlFor={`policy-${field.key}`}>{field.label}</label>
              <input
                id={`policy-${field.key}`}
                inputMode="numeric"
                value={current.numbers[field.key]}
                onChange={(e) => edit({ numbers: { ...current.numbers, [field.key]: e.target.value } })}
                aria-describedby={`policy-${field.key}-hint`}
              />
              <span id={`policy-${field.key}-hint`} className="policy-hint">
                {field.hint}
              </span>
            </div>
          ))}
        </div>
        <div className="policy-tables">
          {area('platformErrorCodes', 'Platform error codes', 'One per line; matched ignoring case.')}
          {area(
            'customerErrorCodes',
            'Customer error codes',
            'One per line; a code cannot be in both tables.',
          )}
          {area('legalTerms', 'Legal terms', 'One per line; whole words, ignoring case.')}
        </div>
        {(['platformMessagePattern', 'customerMessagePattern'] as const).map((key) => (
          <div className="policy-field" key={key}>
            <label htmlFor={`policy-${key}`}>
              {key === 'platformMessagePattern' ? 'Platform message pattern' : 'Customer message pattern'}
            </label>
            <input
              id={`policy-${key}`}
              className="mono"
              value={current[key]}
              onChange={(e) => edit({ [key]: e.target.value })}
              spellCheck={false}
            />
          </div>
        ))}
        <div className="policy-field">
          <label htmlFor="policy-note">Why the change (recorded in the audit log)</label>
          <input id="policy-note" value={note} onChange={(e) => setNote(e.target.value)} />
        </div>
        {errors.length > 0 ? (
          <ul className="message message--error" role="alert" data-testid="policy-errors">
            {errors.map((error) => (
              <li key={error}>{error}</li>
            ))}
          </ul>
        ) : null}
        <div className="form-row">
          <button type="submit" className="button button--primary" disabled={!identity}>
            Save as a new version
          </button>
          <button
            type="button"
            className="button"
            onClick={() => {
              setDraft(null);
              setErrors([]);
            }}
            disabled={draft === null}
          >
            Discard changes
          </button>
          {!identity ? <span className="policy-hint">Set your reviewer identity first.</span> : null}
        </div>
        <p role="status" className={message ? 'message message--ok' : 'message'}>
          {message ?? ''}
        </p>
      </form>
      {history && history.length > 0 ? (
        <details className="policy-history">
          <summary>Earlier versions ({history.length})</summary>
          <table className="table">
            <thead>
              <tr>
                <th className="num">Version</th>
                <th>Saved</th>
                <th>By</th>
                <th>SHA-256</th>
                <th>Why</th>
              </tr>
            </thead>
            <tbody>
              {history.map((v) => (
                <tr key={v.version}>
                  <td className="num">{v.version}</td>
                  <td>{v.savedAt}</td>
                  <td>{v.savedBy}</td>
                  <td>
                    <code>{v.sha256.slice(0, 16)}…</code>
                  </td>
                  <td>{v.note}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      ) : null}
    </section>
  );
}
