import type { CompactionOutcome } from '../data/compaction';

export type CompactionRequest = { type: 'run' };

export type CompactionReply =
  | { type: 'batch'; batchId: string; kind: string; outcome: CompactionOutcome; ms: number }
  | { type: 'done'; outcome: CompactionOutcome | 'busy' }
  | { type: 'error'; message: string };
