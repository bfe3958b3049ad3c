/** The messages between the app and the suggestions worker. */
import type { QueueColumns } from '../../shared/review/queue-columns';

export interface SuggestionWorkerRequest {
  /** `run` applies the rules; `queue` reads the stored suggestions back as light queue rows. */
  type: 'run' | 'queue';
  id: number;
}

export interface SuggestionRunSummary {
  suggested: number;
  newEvidence: number;
  kept: number;
  removed: number;
  /** Rows actually rewritten: a re-run leaves unchanged suggestions alone. */
  written: number;
  requests: number;
  settingsSha256: string;
  settingsVersion: number;
  ms: number;
}

export type SuggestionWorkerReply =
  | { type: 'progress'; id: number; phase: string; done: number; total: number }
  | { type: 'done'; id: number; summary: SuggestionRunSummary }
  | { type: 'queue'; id: number; columns: QueueColumns }
  | { type: 'error'; id: number; message: string };
