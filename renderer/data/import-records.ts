import type { PackedRows } from './packed-rows';
import type { ImportKind, Outage, Payment, RowProblem, SupportRequest } from '../../shared/domain/records';
import type { ProblemSeverity } from '../../shared/reading';

/**
 * What the import stores. Jobs and the ledger, the two kinds that reach a million rows, are kept
 * as blocks of compact tuples grouped the way review reads them (see row-blocks.ts): a per-row
 * IndexedDB record with its index entries costs about ten times more to write. The small kinds
 * keep one record per row, with the batch id and the content fingerprint beside the fields.
 */
export type BatchStatus = 'running' | 'complete' | 'incomplete' | 'cancelled' | 'undone';

export interface BatchCounts {
  rows: number;
  accepted: number;
  rejected: number;
  duplicates: number;
  warnings: number;
  skipped: number;
}

/** The row counts of a reader's report, as a batch records them. */
export function batchCountsOf(report: BatchCounts): BatchCounts {
  const { rows, accepted, rejected, duplicates, warnings, skipped } = report;
  return { rows, accepted, rejected, duplicates, warnings, skipped };
}

/** The reading settings a batch was imported with; Resume reads the file again with them. */
export interface ImportSettings {
  kind: ImportKind;
  encoding: string;
  delimiter: string;
  dateOrder: 'mdy' | 'dmy';
  timeZone: string;
  /** Header text → canonical field (null = ignored), as chosen on the mapping screen. */
  mapping: Record<string, string | null>;
}

export interface ImportBatch {
  id: string;
  fileName: string;
  size: number;
  lastModified: number;
  /** Lower-case hex; empty until the whole file has been read. */
  sha256: string;
  kind: ImportKind;
  settings: ImportSettings;
  counts: BatchCounts;
  /** Rows written so far, by kind of storage; what Undo will remove. */
  stored: number;
  startedAt: number;
  endedAt: number | null;
  importedBy: string;
  status: BatchStatus;
  /** Why the batch stopped, for a failed or interrupted one. */
  note: string;
}

/** Problems of one batch, stored in chunks of rows (one record per flush, not per row). */
export interface ProblemChunk {
  id?: number;
  batchId: string;
  problems: (RowProblem & { severity: ProblemSeverity })[];
}

export interface MappingProfile {
  name: string;
  /** The normalised header set this profile was made for; the same set picks it automatically. */
  headerKey: string;
  settings: Omit<ImportSettings, 'encoding'> & { encoding: string | null };
  savedAt: number;
}

/** Per-row kinds carry their batch (`b`) and content fingerprint (`h`). */
export interface BatchTagged {
  b: string;
  h: number;
}

export type StoredPayment = Payment & BatchTagged;
/** `state` starts as `open`; the review queue moves it, so "requests by state" is an index read. */
export type StoredRequest = SupportRequest & BatchTagged & { state: string };
export type StoredOutage = Outage & BatchTagged;

/** One block of packed rows of a group (see row-blocks.ts and packed-rows.ts). */
export interface RowBlock extends PackedRows {
  id?: number;
  /** Group: `<kind>.<view>.<bucket>`, e.g. `jobs.a.0123` or `jobs.h.0001700000000000`. */
  g: string;
  b: string;
  /** Hour blocks: how many jobs of the batch fall in the hour (the failure rate's denominator). */
  total?: number;
}
