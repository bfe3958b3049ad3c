import { useId } from 'react';
import type { ImportKind } from '../../../shared/domain/records';
import { SCHEMAS } from '../../../shared/reading';
import type { PreviewMapping } from '../../workers/import-protocol';

interface MappingTableProps {
  kind: ImportKind;
  mapping: PreviewMapping;
  onMap(header: string, field: string | null): void;
}

/** Each column of the file and the field it feeds; unmapped columns and missing fields stand out. */
export function MappingTable({ kind, mapping, onMap }: MappingTableProps) {
  const id = useId();
  const schema = SCHEMAS[kind];
  const fieldOf = new Map<number, string>();
  for (const [field, column] of Object.entries(mapping.fieldToColumn)) fieldOf.set(column, field);
  const unmapped = new Set(mapping.unmappedColumns);
  return (
    <div>
      {mapping.missingRequired.length > 0 ? (
        <p className="import-alert" role="alert">
          Missing required {mapping.missingRequired.length > 1 ? 'columns' : 'column'} for {kind}:{' '}
          {mapping.missingRequired.map((f) => (
            <span key={f} className="badge badge--danger">
              {f}
            </span>
          ))}{' '}
          Map a column to {mapping.missingRequired.length > 1 ? 'them' : 'it'} below, or choose another kind.
        </p>
      ) : null}
      <table className="table import-mapping">
        <caption className="import-caption">Column mapping</caption>
        <thead>
          <tr>
            <th scope="col">Column in the file</th>
            <th scope="col">Field</th>
            <th scope="col">Note</th>
          </tr>
        </thead>
        <tbody>
          {mapping.headers.map((header, column) => {
            const field = fieldOf.get(column) ?? '';
            const selectId = `${id}-${column}`;
            return (
              <tr
                key={`${header}-${column}`}
                className={unmapped.has(column) ? 'import-mapping--unmapped' : undefined}
              >
                <th scope="row">
                  <label htmlFor={selectId} className="mono">
                    {header || `(column ${column + 1})`}
                  </label>
                </th>
                <td>
                  <select id={selectId} value={field} onChange={(e) => onMap(header, e.target.value || null)}>
                    <option value="">— not used —</option>
                    {schema.map((s) => (
                      <option key={s.name} value={s.name}>
                        {s.name}
                        {s.required ? ' (required)' : ''}
                      </option>
                    ))}
                  </select>
                </td>
                <td>
                  {unmapped.has(column) ? (
                    <span className="badge badge--warn">unmapped: kept aside</span>
                  ) : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
