import { describe, expect, it } from 'vitest';
import { sealAuditEntry, verifyAuditChain, type AuditEntry } from '@shared/audit/chain';

function chainOf(count: number): AuditEntry[] {
  const entries: AuditEntry[] = [];
  for (let i = 0; i < count; i++) {
    const draft = {
      actor: 'ana@finance',
      action: 'decision' as const,
      subject: `request:R${i}`,
      before: null,
      after: { i },
    };
    entries.push(sealAuditEntry(draft, entries.at(-1), new Date(Date.UTC(2026, 10, 25, 12, i))));
  }
  return entries;
}

describe('audit chain', () => {
  it('links each entry to the hash of the one before', () => {
    const entries = chainOf(3);
    expect(entries.map((e) => e.seq)).toEqual([1, 2, 3]);
    expect(entries[1]!.prevHash).toBe(entries[0]!.hash);
    expect(verifyAuditChain(entries)).toEqual([]);
  });

  it('points at an entry whose content was edited behind the app’s back', () => {
    const entries = chainOf(4);
    entries[2] = { ...entries[2]!, after: { i: 99 } };
    const breaks = verifyAuditChain(entries);
    expect(breaks).toHaveLength(1);
    expect(breaks[0]).toMatchObject({ seq: 3, problem: 'content_changed' });
  });

  it('detects a removed entry and a rehashed rewrite', () => {
    const entries = chainOf(4);
    const removed = [entries[0]!, entries[2]!, entries[3]!];
    expect(verifyAuditChain(removed).map((b) => b.problem)).toEqual(['sequence_gap', 'link_broken']);

    const rewritten = chainOf(3);
    const forged = sealAuditEntry({ ...rewritten[1]!, after: 'forged' }, rewritten[0], new Date());
    expect(verifyAuditChain([rewritten[0]!, forged, rewritten[2]!])).toEqual([
      expect.objectContaining({ seq: 3, problem: 'link_broken' }),
    ]);
  });

  it('hashes the same content the same way whatever the key order', () => {
    const a = sealAuditEntry(
      { actor: 'x', action: 'import', subject: 's', before: { b: 1, a: 2 }, after: null },
      undefined,
      new Date(0),
    );
    const b = sealAuditEntry(
      { actor: 'x', action: 'import', subject: 's', before: { a: 2, b: 1 }, after: null },
      undefined,
      new Date(0),
    );
    expect(a.hash).toBe(b.hash);
  });
});
