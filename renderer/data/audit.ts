import Dexie from 'dexie';
import {
  sealAuditEntry,
  verifyAuditChain,
  type AuditDraft,
  type AuditEntry,
  type ChainBreak,
} from '../../shared/audit/chain';
import { db } from './db';

/**
 * Appends one entry to the append-only audit log. Call it inside the transaction that makes the
 * change (include `db.audit` in its scope) so the change and its record commit together; the
 * hash is synchronous, so nothing here lets the transaction commit early.
 */
export async function appendAudit(draft: AuditDraft): Promise<AuditEntry> {
  const write = async () => {
    const previous = await db.audit.orderBy('seq').last();
    const entry = sealAuditEntry(draft, previous, new Date());
    await db.audit.add(entry);
    return entry;
  };
  return Dexie.currentTransaction ? write() : db.transaction('rw', db.audit, write);
}

export async function verifyStoredAuditChain(): Promise<ChainBreak[]> {
  return verifyAuditChain(await db.audit.orderBy('seq').toArray());
}
