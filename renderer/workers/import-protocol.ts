import type { ImportKind, RowProblem } from '../../shared/domain/records';
import type { ProblemSeverity } from '../../shared/reading';
import type { BatchCounts, ImportSettings } from '../data/import-records';

/** Messages between the Import page and the import worker. */

/** Where the worker gets bytes: the browser File itself, or slices relayed by the page (desktop). */
export type ByteSourceSpec = { kind: 'file'; file: Blob } | { kind: 'relay'; size: number };

export interface FileMeta {
  name: string;
  size: number;
  lastModified: number;
}

/** Reading settings as the preview screen holds them; null = detect. */
export interface ReadChoices {
  kind: ImportKind | null;
  encoding: string | null;
  delimiter: string | null;
  dateOrder: 'mdy' | 'dmy';
  timeZone: string;
  /** Only the user's changes to the automatic mapping (or a profile's): header → field or null. */
  mapping: Record<string, string | null> | null;
}

export interface PreviewMapping {
  headers: string[];
  fieldToColumn: Record<string, number>;
  unmappedColumns: number[];
  missingRequired: string[];
}

export interface PreviewResult {
  kind: ImportKind | null;
  kindScores: { kind: ImportKind; matched: number; missingRequired: string[] }[];
  encoding: string | null;
  delimiter: string | null;
  lineEnding: string | null;
  mapping: PreviewMapping | null;
  /** The first accepted rows, as they will be stored. */
  rows: Record<string, unknown>[];
  problems: (RowProblem & { severity: ProblemSeverity })[];
  /** Data rows read for the preview; `complete` when that was the whole file. */
  rowsRead: number;
  complete: boolean;
  /** Counts when the preview read the whole file. */
  counts: BatchCounts | null;
  /** A file-level problem: the file cannot be imported as it is. */
  error: { code: string; message: string } | null;
}

export type ToWorker =
  | { type: 'preview'; id: number; source: ByteSourceSpec; file: FileMeta; choices: ReadChoices }
  | { type: 'hash'; id: number; source: ByteSourceSpec }
  | {
      type: 'import';
      batchId: string;
      source: ByteSourceSpec;
      file: FileMeta;
      choices: ReadChoices;
      actor: string;
      /** Resume: the batch exists (incomplete); its partial rows are replaced. */
      resume: boolean;
    }
  | { type: 'cancel' }
  | { type: 'slice'; requestId: number; bytes: Uint8Array | null; error?: string };

export interface ImportProgress {
  batchId: string;
  bytesRead: number;
  totalBytes: number;
  rows: number;
  stored: number;
  rowsPerSec: number;
  /** Seconds left, estimated from bytes read; null until there is a rate. */
  etaSec: number | null;
}

export type ImportOutcome =
  | {
      status: 'complete';
      batchId: string;
      counts: BatchCounts;
      settings: ImportSettings;
      ms: number;
      /** Milliseconds spent hashing, parsing, grouping rows and waiting for IndexedDB. */
      phases: Record<string, number>;
    }
  | { status: 'already-imported'; batchId: string; previousBatchId: string; previousAt: number }
  | { status: 'cancelled'; batchId: string }
  | { status: 'failed'; batchId: string; message: string };

export type FromWorker =
  | { type: 'preview-result'; id: number; result: PreviewResult }
  | { type: 'hash-result'; id: number; sha256: string }
  | { type: 'read'; requestId: number; offset: number; length: number }
  | { type: 'progress'; progress: ImportProgress }
  | { type: 'done'; outcome: ImportOutcome }
  | { type: 'error'; id?: number; message: string };
