import { useId, useState } from 'react';
import { IMPORT_KINDS, type ImportKind } from '../../../shared/domain/records';
import type { PreviewResult, ReadChoices } from '../../workers/import-protocol';
import { DELIMITER_LABELS } from './format';

interface ReadSettingsProps {
  choices: ReadChoices;
  preview: PreviewResult | null;
  onChange(patch: Partial<ReadChoices>): void;
}

const ENCODINGS = ['utf-8', 'utf-16le', 'utf-16be', 'windows-1252'];

/** What was detected, each with its override. "Detected" leaves the choice to the reader. */
export function ReadSettings({ choices, preview, onChange }: ReadSettingsProps) {
  const id = useId();
  const [zone, setZone] = useState(choices.timeZone);
  const detected = (value: string | null | undefined) => (value ? `Detected (${value})` : 'Detect');
  return (
    <div className="import-settings" role="group" aria-label="Reading settings">
      <div className="import-field">
        <label htmlFor={`${id}-kind`}>Kind</label>
        <select
          id={`${id}-kind`}
          value={choices.kind ?? ''}
          onChange={(e) => onChange({ kind: (e.target.value || null) as ImportKind | null, mapping: null })}
        >
          <option value="">{detected(preview?.kind)}</option>
          {IMPORT_KINDS.map((k) => (
            <option key={k} value={k}>
              {k}
            </option>
          ))}
        </select>
      </div>
      <div className="import-field">
        <label htmlFor={`${id}-encoding`}>Encoding</label>
        <select
          id={`${id}-encoding`}
          value={choices.encoding ?? ''}
          onChange={(e) => onChange({ encoding: e.target.value || null })}
        >
          <option value="">{detected(preview?.encoding)}</option>
          {ENCODINGS.map((k) => (
            <option key={k} value={k}>
              {k}
            </option>
          ))}
        </select>
      </div>
      <div className="import-field">
        <label htmlFor={`${id}-delimiter`}>Delimiter</label>
        <select
          id={`${id}-delimiter`}
          value={choices.delimiter ?? ''}
          onChange={(e) => onChange({ delimiter: e.target.value || null })}
        >
          <option value="">
            {detected(preview?.delimiter ? (DELIMITER_LABELS[preview.delimiter] ?? preview.delimiter) : null)}
          </option>
          {[',', ';', '\t', '|'].map((d) => (
            <option key={d} value={d}>
              {DELIMITER_LABELS[d]}
            </option>
          ))}
        </select>
      </div>
      <div className="import-field">
        <label htmlFor={`${id}-order`}>Date order</label>
        <select
          id={`${id}-order`}
          value={choices.dateOrder}
          onChange={(e) => onChange({ dateOrder: e.target.value === 'dmy' ? 'dmy' : 'mdy' })}
        >
          <option value="mdy">Month first (MM/DD/YYYY)</option>
          <option value="dmy">Day first (DD/MM/YYYY)</option>
        </select>
      </div>
      <form
        className="import-field"
        onSubmit={(e) => {
          e.preventDefault();
          if (zone.trim() !== choices.timeZone) onChange({ timeZone: zone.trim() || 'UTC' });
        }}
      >
        <label htmlFor={`${id}-zone`}>Time zone</label>
        <input
          id={`${id}-zone`}
          value={zone}
          onChange={(e) => setZone(e.target.value)}
          onBlur={() => {
            if (zone.trim() !== choices.timeZone) onChange({ timeZone: zone.trim() || 'UTC' });
          }}
          aria-describedby={`${id}-zone-hint`}
          spellCheck={false}
        />
        <span id={`${id}-zone-hint`} className="import-hint">
          For times without an offset; an IANA name
        </span>
      </form>
      {preview?.lineEnding ? (
        <p className="import-hint import-field--wide">
          Line endings: {preview.lineEnding.toUpperCase()}
          {preview.kindScores.length > 0 ? ` · kind detected from the header` : ''}
        </p>
      ) : null}
    </div>
  );
}
