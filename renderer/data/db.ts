import Dexie, { type DexieOptions, type EntityTable, type Transaction } from 'dexie';
import type { AuditEntry } from '../../shared/audit/chain';
import type { Decision } from '../../shared/review/decision';
import type { JobPick, PolicySettingsVersion } from '../../shared/review/policy-settings-version';
import type { StoredSuggestion } from '../../shared/review/stored-suggestion';
import type { StoredSigningKey } from '../bridge/web-signing';
import type { ExportBatchRow, ExportedItemRow, ExportSetRow } from './export-records';
import { exportSetsFromItems } from './export-sets';
import { packLegacyBlock } from './packed-rows';
import { bucketOf, foldedGroup } from './row-blocks';
import type {
  ImportBatch,
  MappingProfile,
  ProblemChunk,
  RowBlock,
  StoredOutage,
  StoredPayment,
  StoredRequest,
} from './import-records';

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
  suggestions!: EntityTable<StoredSuggestion, 'requestId'>;
  decisions!: EntityTable<Decision, 'requestId'>;
  policySettings!: EntityTable<PolicySettingsVersion, 'version'>;
  jobPicks!: EntityTable<JobPick, 'requestId'>;
  signingKeys!: EntityTable<StoredSigningKey, 'fingerprint'>;
  exportBatches!: EntityTable<ExportBatchRow, 'batchId'>;
  exportSets!: EntityTable<ExportSetRow, 'id'>;
  importBatches!: EntityTable<ImportBatch, 'id'>;
  importProblems!: EntityTable<ProblemChunk, 'id'>;
  mappingProfiles!: EntityTable<MappingProfile, 'name'>;
  rowBlocks!: EntityTable<RowBlock, 'id'>;
  payments!: EntityTable<StoredPayment, 'paymentId'>;
  requests!: EntityTable<StoredRequest, 'requestId'>;
  outages!: EntityTable<StoredOutage, 'incidentId'>;

  /** The import worker opens its own connection with relaxed durability (see import-job.ts). */
  constructor(name = 'review-desk', options?: DexieOptions) {
    super(name, options);
    this.version(1).stores({
      settings: '&key',
      audit: '&seq, action, actor, subject',
    });
    this.version(2).stores({
      signingKeys: '&fingerprint',
      exportBatches: '&batchId, createdAt',
      exportedItems: '&idempotencyKey, batchId, requestId',
    });
    // Review (issue 4): suggestions, decisions and the versioned policy settings.
    this.version(3).stores({
      suggestions: '&requestId, outcome, accountEmail, jobId',
      decisions: '&requestId, state, accountEmail, jobId, batchId, source',
      policySettings: '&version',
      jobPicks: '&requestId',
    });
    // Import (issue 3): batches, their problems, mapping profiles and the imported rows. Jobs and
    // ledger rows live in rowBlocks (see row-blocks.ts); `b` is the batch id everywhere.
    this.version(4).stores({
      importBatches: '&id, sha256, status, startedAt',
      importProblems: '++id, batchId',
      mappingProfiles: '&name, headerKey',
      rowBlocks: '++id, g, b',
      payments: '&paymentId, accountEmail, b',
      requests: '&requestId, accountEmail, state, receivedAt, b',
      outages: '&incidentId, b',
    });
    // Blocks written before rows were packed (packed-rows.ts) are packed in place.
    this.version(5)
      .stores({})
      .upgrade((tx) =>
        tx
          .table('rowBlocks')
          .toCollection()
          .modify((block: RowBlock & { rows?: unknown[][] }) => packLegacyBlock(block, bucketOf)),
      );
    // Directory groups went from 512 buckets to 64 (version 6), then account and job groups too
    // (version 7); each old bucket folds whole onto one new one.
    const foldGroups = (tx: Transaction) =>
      tx
        .table('rowBlocks')
        .toCollection()
        .modify((block: RowBlock) => {
          block.g = foldedGroup(block.g);
        });
    this.version(6).stores({}).upgrade(foldGroups);
    this.version(7).stores({}).upgrade(foldGroups);
    // Exported generations: one record per batch instead of one per item, and decisions are no
    // longer rewritten on export (see export-sets.ts). Decisions stored as `exported` stay so.
    this.version(8)
      .stores({ exportSets: '&id, batchId' })
      .upgrade(async (tx) => {
        const [items, batches] = await Promise.all([
          tx.table<ExportedItemRow>('exportedItems').toArray(),
          tx.table<ExportBatchRow>('exportBatches').toArray(),
        ]);
        await tx.table<ExportSetRow>('exportSets').bulkAdd(exportSetsFromItems(items, batches));
      });
    // The item records version 8 emptied into exportSets: nothing reads them any more.
    this.version(9).stores({ exportedItems: null });
  }
}

export const db = new ReviewDeskDb();
