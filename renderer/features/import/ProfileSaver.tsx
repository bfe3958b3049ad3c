import { useId, useState } from 'react';
import type { ImportKind } from '../../../shared/domain/records';
import { headerKey, saveProfile } from '../../data/imports';
import type { PreviewMapping, ReadChoices } from '../../workers/import-protocol';

interface ProfileSaverProps {
  kind: ImportKind;
  mapping: PreviewMapping;
  choices: ReadChoices;
}

/** Saves the current mapping and settings under a name; the same header set will reuse it. */
export function ProfileSaver({ kind, mapping, choices }: ProfileSaverProps) {
  const id = useId();
  const [name, setName] = useState('');
  const [message, setMessage] = useState('');
  const save = async () => {
    const trimmed = name.trim();
    if (trimmed === '') {
      setMessage('Give the profile a name.');
      return;
    }
    const fields: Record<string, string | null> = {};
    mapping.headers.forEach((h) => (fields[h] = null));
    for (const [field, column] of Object.entries(mapping.fieldToColumn))
      fields[mapping.headers[column]!] = field;
    await saveProfile({
      name: trimmed,
      headerKey: headerKey(mapping.headers),
      settings: {
        kind,
        encoding: choices.encoding,
        delimiter: choices.delimiter ?? ',',
        dateOrder: choices.dateOrder,
        timeZone: choices.timeZone,
        mapping: fields,
      },
      savedAt: Date.now(),
    });
    setMessage(`Saved profile “${trimmed}”: files with these columns will use it.`);
  };
  return (
    <form
      className="form-row"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <label htmlFor={`${id}-name`}>Save mapping as profile</label>
      <input
        id={`${id}-name`}
        value={name}
        onChange={(e) => setName(e.target.value)}
        placeholder="e.g. Replicate job log"
      />
      <button type="submit" className="button">
        Save profile
      </button>
      <span className="import-muted" role="status">
        {message}
      </span>
    </form>
  );
}
