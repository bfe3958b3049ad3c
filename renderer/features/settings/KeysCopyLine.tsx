import { useId, useRef, useState } from 'react';

interface KeysCopyLineProps {
  label: string;
  value: string;
  hint: string;
  testId: string;
}

/** A read-only line with a copy button; the text stays selectable where the clipboard is refused. */
export function KeysCopyLine({ label, value, hint, testId }: KeysCopyLineProps) {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<'ok' | 'failed' | null>(null);

  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
      setCopied('ok');
    } catch {
      input.current?.select();
      setCopied('failed');
    }
  }

  return (
    <div className="keys-line">
      <label htmlFor={id}>{label}</label>
      <div className="keys-line__row">
        <input
          id={id}
          ref={input}
          className="mono keys-line__value"
          value={value}
          readOnly
          spellCheck={false}
          data-testid={testId}
          onFocus={(e) => e.currentTarget.select()}
        />
        <button type="button" className="button" onClick={copy} aria-label={`Copy ${label}`}>
          {copied === 'ok' ? 'Copied' : 'Copy'}
        </button>
      </div>
      <p className="keys-line__hint">
        {copied === 'failed'
          ? 'The clipboard is not available here: the text is selected, copy it with Ctrl+C.'
          : hint}
      </p>
    </div>
  );
}
