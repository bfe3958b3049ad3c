import type { AuditEntry } from '../../../shared/audit/chain';

export interface AuditFilter {
  action: string;
  actor: string;
  text: string;
}

export const NO_AUDIT_FILTER: AuditFilter = { action: '', actor: '', text: '' };

/** Newest first, as an auditor reads a log; the text search covers subject and changed values. */
export function filterAuditEntries(entries: readonly AuditEntry[], filter: AuditFilter): AuditEntry[] {
  const text = filter.text.trim().toLowerCase();
  return entries
    .filter((entry) => {
      if (filter.action && entry.action !== filter.action && !entry.action.startsWith(`${filter.action}.`))
        return false;
      if (filter.actor && entry.actor !== filter.actor) return false;
      if (!text) return true;
      return `${entry.subject} ${JSON.stringify(entry.before)} ${JSON.stringify(entry.after)}`
        .toLowerCase()
        .includes(text);
    })
    .sort((a, b) => b.seq - a.seq);
}

/** A one-line account of what changed, for the log table. */
export function describeChange(entry: AuditEntry): string {
  const show = (value: unknown) =>
    value === null ? '—' : typeof value === 'string' ? value : JSON.stringify(value);
  const text = `${show(entry.before)} → ${show(entry.after)}`;
  return text.length > 160 ? `${text.slice(0, 157)}…` : text;
}
