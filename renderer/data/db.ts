import Dexie, { type EntityTable } from 'dexie';
import type { AuditEntry } from '../../shared/audit/chain';

/**
 * The desk's one database. Persistent data lives here and reaches React through useLiveQuery;
 * Zustand only holds UI state. Each schema change is a new version with its upgrade, so a
 * reviewer's stored imports and decisions survive every update.
 */
export interface SettingRow {
  key: string;
  value: unknown;
}

export class ReviewDeskDb extends Dexie {
  settings!: EntityTable<SettingRow, 'key'>;
  audit!: EntityTable<AuditEntry, 'seq'>;

  constructor(name = 'review-desk') {
    super(name);
    this.version(1).stores({
      settings: '&key',
      audit: '&seq, action, actor, subject',
    });
  }
}

export const db = new ReviewDeskDb();
