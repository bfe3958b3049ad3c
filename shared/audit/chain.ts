import { canonicalJson } from '../util/canonical-json';
import { sha256HexSync } from '../util/sha256';

export type AuditAction =
  | 'import'
  | 'import.undo'
  | 'import.remove'
  | 'import.cancel'
  | 'decision'
  | 'decision.override'
  | 'decision.approve'
  | 'decision.undo'
  | 'decision.repick'
  | 'settings.change'
  | 'key.generate'
  | 'key.import'
  | 'export.batch'
  | 'export.decisions';

/** What a caller records: who did what to which thing, with the state before and after. */
export interface AuditDraft {
  actor: string;
  action: AuditAction;
  /** What the action was about, e.g. `request:REQ-1`, `batch:2026-11-25-0001`. */
  subject: string;
  before: unknown;
  after: unknown;
}

export interface AuditEntry extends AuditDraft {
  seq: number;
  at: string;
  /** SHA-256 of the previous entry (its `hash`), or 64 zeros for the first. */
  prevHash: string;
  hash: string;
}

export const GENESIS_HASH = '0'.repeat(64);

export function hashAuditEntry(entry: Omit<AuditEntry, 'hash'>): string {
  const { seq, at, actor, action, subject, before, after, prevHash } = entry;
  return sha256HexSync(canonicalJson({ seq, at, actor, action, subject, before, after, prevHash }));
}

export function sealAuditEntry(draft: AuditDraft, previous: AuditEntry | undefined, at: Date): AuditEntry {
  const unsealed = {
    ...draft,
    before: draft.before ?? null,
    after: draft.after ?? null,
    seq: previous ? previous.seq + 1 : 1,
    at: at.toISOString(),
    prevHash: previous ? previous.hash : GENESIS_HASH,
  };
  return { ...unsealed, hash: hashAuditEntry(unsealed) };
}

export interface ChainBreak {
  seq: number;
  problem: 'content_changed' | 'link_broken' | 'sequence_gap';
  message: string;
}

/** Checks entries in sequence order; every entry whose content or link does not hold is named. */
export function verifyAuditChain(entries: readonly AuditEntry[]): ChainBreak[] {
  const breaks: ChainBreak[] = [];
  let previous: AuditEntry | undefined;
  for (const entry of entries) {
    const expectedSeq = previous ? previous.seq + 1 : 1;
    if (entry.seq !== expectedSeq) {
      breaks.push({
        seq: entry.seq,
        problem: 'sequence_gap',
        message: `Entry ${entry.seq} follows entry ${expectedSeq - 1}: entries are missing or were inserted.`,
      });
    }
    if (hashAuditEntry(entry) !== entry.hash) {
      breaks.push({
        seq: entry.seq,
        problem: 'content_changed',
        message: `Entry ${entry.seq} (${entry.action} by ${entry.actor}) was changed after it was recorded: its content no longer matches its hash.`,
      });
    }
    const expectedPrev = previous ? previous.hash : GENESIS_HASH;
    if (entry.prevHash !== expectedPrev) {
      breaks.push({
        seq: entry.seq,
        problem: 'link_broken',
        message: `Entry ${entry.seq} does not point at the entry before it: the chain was cut or rewritten here.`,
      });
    }
    previous = entry;
  }
  return breaks;
}
