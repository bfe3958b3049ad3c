import type { Outage } from '../domain/records';
import { ReadError, fileLabel } from './read-error';
import { parseTimestamp } from './timestamps';
import { parseImpact } from './values';

export interface JsonOutageResult {
  records: { line: number; record: Outage }[];
  problems: { line: number; column: string; value: string; reason: string }[];
}

interface StatuspageIncident {
  id?: unknown;
  name?: unknown;
  started_at?: unknown;
  created_at?: unknown;
  resolved_at?: unknown;
  impact?: unknown;
  components?: unknown;
}

/**
 * Atlassian Statuspage `GET /api/v2/incidents.json` (or a bare array of incidents). Such files
 * are small, so the whole text is parsed at once. "Line" is the incident's 1-based position in
 * the list, since JSON has no rows.
 */
export function readStatuspageIncidents(text: string, fileName?: string): JsonOutageResult {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new ReadError('bad-json', `${fileLabel(fileName)}not valid JSON (${(error as Error).message})`);
  }
  const list = Array.isArray(data) ? data : (data as { incidents?: unknown } | null)?.incidents;
  if (!Array.isArray(list)) {
    throw new ReadError(
      'no-header',
      `${fileLabel(fileName)}JSON without an "incidents" list: not a Statuspage incidents export`,
    );
  }
  const result: JsonOutageResult = { records: [], problems: [] };
  list.forEach((item: StatuspageIncident, index) => {
    const line = index + 1;
    const str = (v: unknown) => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');
    const id = str(item?.id).trim();
    if (id === '') {
      result.problems.push({ line, column: 'id', value: '', reason: 'required value is empty' });
      return;
    }
    const startText = str(item.started_at) || str(item.created_at);
    const startedAt = parseTimestamp(startText, 'UTC', 'mdy');
    if (Number.isNaN(startedAt)) {
      result.problems.push({
        line,
        column: 'started_at',
        value: startText,
        reason: 'not a readable timestamp',
      });
      return;
    }
    const resolvedText = str(item.resolved_at);
    const resolvedAt = resolvedText === '' ? null : parseTimestamp(resolvedText, 'UTC', 'mdy');
    if (resolvedAt !== null && Number.isNaN(resolvedAt)) {
      result.problems.push({
        line,
        column: 'resolved_at',
        value: resolvedText,
        reason: 'not a readable timestamp',
      });
      return;
    }
    const impact = parseImpact(str(item.impact));
    if (impact === null) {
      result.problems.push({ line, column: 'impact', value: str(item.impact), reason: 'unknown impact' });
      return;
    }
    const components = Array.isArray(item.components)
      ? item.components.map((c: { name?: unknown }) => str(c?.name).trim()).filter((n: string) => n !== '')
      : [];
    result.records.push({
      line,
      record: { incidentId: id, title: str(item.name), startedAt, resolvedAt, components, impact },
    });
  });
  return result;
}
