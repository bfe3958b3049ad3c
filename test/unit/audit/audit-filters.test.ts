import { describe, expect, it } from 'vitest';
import { sealAuditEntry, type AuditEntry } from '@shared/audit/chain';
import {
  describeChange,
  filterAuditEntries,
  NO_AUDIT_FILTER,
} from '../../../renderer/features/audit/audit-filters';

const entries: AuditEntry[] = [];
for (const [actor, action, subject, after] of [
  ['ana@finance', 'import', 'batch:1', { rows: 10 }],
  ['ben@finance', 'decision.approve', 'request:REQ-7', { state: 'approved' }],
  ['ana@finance', 'decision', 'request:REQ-8', { outcome: 'credit_back' }],
] as const) {
  entries.push(sealAuditEntry({ actor, action, subject, before: null, after }, entries.at(-1), new Date(0)));
}

describe('audit log filters', () => {
  it('lists newest first', () => {
    expect(filterAuditEntries(entries, NO_AUDIT_FILTER).map((e) => e.seq)).toEqual([3, 2, 1]);
  });
  it('filters by action family, actor and text', () => {
    expect(filterAuditEntries(entries, { ...NO_AUDIT_FILTER, action: 'decision' }).map((e) => e.seq)).toEqual(
      [3, 2],
    );
    expect(
      filterAuditEntries(entries, { ...NO_AUDIT_FILTER, actor: 'ben@finance' }).map((e) => e.seq),
    ).toEqual([2]);
    expect(
      filterAuditEntries(entries, { ...NO_AUDIT_FILTER, text: 'credit_back' }).map((e) => e.seq),
    ).toEqual([3]);
  });
  it('describes a change as before → after', () => {
    expect(describeChange(entries[0]!)).toBe('— → {"rows":10}');
  });
});
