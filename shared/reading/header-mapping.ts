import { IMPORT_KINDS, type ImportKind } from '../domain/records';
import { SCHEMAS, normalizeHeader } from './schemas';

/** A person's choice on the mapping screen: header text → canonical field, or null to ignore. */
export type MappingOverride = Record<string, string | null>;

export interface ColumnMapping {
  kind: ImportKind;
  /** The header cells as written (BOM removed). */
  headers: string[];
  /** Canonical field → column index. Unmapped fields are absent. */
  fieldToColumn: Record<string, number>;
  /** Column indexes mapped to no field: kept as `extra` when asked for. */
  unmappedColumns: number[];
  missingRequired: string[];
}

/**
 * Maps columns to fields by header name. An exact canonical name beats an alias, an earlier
 * alias beats a later one, and on a tie the leftmost column wins. Override entries are applied
 * first and their columns are not reused.
 */
export function mapColumns(
  kind: ImportKind,
  headers: readonly string[],
  override?: MappingOverride,
): ColumnMapping {
  const cleanHeaders = headers.map((h, i) => (i === 0 ? h.replace(/^\uFEFF/, '') : h));
  const normalized = cleanHeaders.map(normalizeHeader);
  const schema = SCHEMAS[kind];
  const fieldToColumn: Record<string, number> = {};
  const used = new Set<number>();
  const fieldNames = new Set(schema.map((s) => s.name));

  if (override) {
    const byNormalized = new Map<string, string | null>();
    for (const [header, field] of Object.entries(override)) byNormalized.set(normalizeHeader(header), field);
    normalized.forEach((name, column) => {
      if (!byNormalized.has(name)) return;
      const field = byNormalized.get(name) ?? null;
      used.add(column);
      if (field !== null && fieldNames.has(field) && fieldToColumn[field] === undefined)
        fieldToColumn[field] = column;
    });
  }

  for (const spec of schema) {
    if (fieldToColumn[spec.name] !== undefined) continue;
    const candidates = [spec.name, ...spec.aliases].map(normalizeHeader);
    let best = -1;
    let bestRank = Infinity;
    normalized.forEach((name, column) => {
      if (used.has(column)) return;
      const rank = candidates.indexOf(name);
      if (rank !== -1 && rank < bestRank) {
        best = column;
        bestRank = rank;
      }
    });
    if (best !== -1) {
      fieldToColumn[spec.name] = best;
      used.add(best);
    }
  }
  const mappedColumns = new Set(Object.values(fieldToColumn));
  return {
    kind,
    headers: cleanHeaders,
    fieldToColumn,
    unmappedColumns: cleanHeaders
      .map((_, i) => i)
      .filter((i) => !mappedColumns.has(i) && cleanHeaders[i]!.trim() !== ''),
    missingRequired: schema
      .filter((s) => s.required && fieldToColumn[s.name] === undefined)
      .map((s) => s.name),
  };
}

export interface KindGuess {
  kind: ImportKind;
  /** Every kind with its score, best first, for the preview's "detected as" with reasons. */
  scores: { kind: ImportKind; matched: number; missingRequired: string[] }[];
}

/**
 * The kind whose required columns are all present and that maps the most columns (after the
 * person's own mapping, if any). If no kind
 * has all its required columns, the one mapping the most is named, so the error can list
 * what is missing.
 */
export function detectKind(headers: readonly string[], override?: MappingOverride): KindGuess {
  const scores = IMPORT_KINDS.map((kind) => {
    const m = mapColumns(kind, headers, override);
    return { kind, matched: Object.keys(m.fieldToColumn).length, missingRequired: m.missingRequired };
  });
  const rank = (s: (typeof scores)[number]) =>
    (s.missingRequired.length === 0 ? 1000 : 0) + s.matched * 10 - s.missingRequired.length;
  const sorted = [...scores].sort((a, b) => rank(b) - rank(a));
  return { kind: sorted[0]!.kind, scores: sorted };
}
