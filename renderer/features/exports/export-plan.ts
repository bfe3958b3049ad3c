import {
  buildCreditbackBatch,
  type BatchItem,
  type BatchSigner,
  type BatchTotals,
  type ExportableDecision,
  type PreviousBatch,
  type RefusedDecision,
} from '../../../shared/export';
import { isExportableOutcome, type Decision } from '../../../shared/review/decision';
import type { ExportedItemRow } from '../../data/export-records';

/**
 * A stored decision as the batch builder reads it. An override keeps no rule of its own, so it
 * carries the rule of the suggestion it overrode (its reason says reviewer_override); numbers
 * still missing become values the builder refuses with a message.
 */
export function toExportable(decision: Decision, suggestedRule: number | null = null): ExportableDecision {
  return {
    requestId: decision.requestId,
    outcome: decision.outcome,
    accountEmail: decision.accountEmail,
    jobId: decision.jobId ?? '',
    credits: decision.credits ?? 0,
    decidedBy: decision.decidedBy,
    approvedBy: decision.approvedBy,
    decidedAt: decision.decidedAt,
    rule: decision.rule ?? suggestedRule ?? 0,
    reason: decision.reason,
    fourEyes: decision.flags.includes('four_eyes'),
  };
}

/** Remedies not yet in a batch: what the Exports page weighs. */
export function exportCandidates(decisions: readonly Decision[]): Decision[] {
  return decisions
    .filter((d) => d.state !== 'exported' && isExportableOutcome(d.outcome))
    .sort((a, b) => a.decidedAt.localeCompare(b.decidedAt) || a.requestId.localeCompare(b.requestId));
}

export interface AlreadyExported {
  refusal: RefusedDecision;
  /** Where the generation went, when this desk exported it. */
  exported: ExportedItemRow | null;
}

export interface ExportPlan {
  /** What the next batch will carry, in order. */
  items: BatchItem[];
  totals: BatchTotals;
  /** The settings the next batch's suggestions were made under. */
  settingsSha256: string | null;
  /** Ready, but made under other settings: they go in a later batch of their own. */
  deferred: Decision[];
  /** four_eyes without a second reviewer. */
  blocked: RefusedDecision[];
  alreadyExported: AlreadyExported[];
  /** Twice in the same batch, or a field the format cannot carry. */
  invalid: RefusedDecision[];
}

export interface PlanInput {
  decisions: readonly Decision[];
  exported: ReadonlyMap<string, ExportedItemRow>;
  /** The suggestion's rule by request id, for decisions that overrode it. */
  suggestedRules?: ReadonlyMap<string, number>;
  signer: BatchSigner;
  previous: PreviousBatch | null;
  createdAt: Date;
}

/**
 * Runs the real batch builder over the candidates. A batch declares one policy_settings_sha256,
 * so only decisions made under the same settings as the oldest ready one go together.
 */
export async function planBatch(input: PlanInput) {
  const candidates = exportCandidates(input.decisions);
  const exportedKeys = new Set(input.exported.keys());
  const exportable = (d: Decision) => toExportable(d, input.suggestedRules?.get(d.requestId) ?? null);
  const dryRun = await buildCreditbackBatch({
    decisions: candidates.map(exportable),
    signer: input.signer,
    policySettingsSha256: '0'.repeat(64),
    exportedKeys,
    previous: null,
    createdAt: input.createdAt,
  });
  const readyIds = new Set(dryRun.batch?.items.map((i) => i.request_id) ?? []);
  const ready = candidates.filter((d) => readyIds.has(d.requestId));
  const settingsSha256 = ready[0]?.settingsSha256 ?? null;
  const chosen = ready.filter((d) => d.settingsSha256 === settingsSha256);
  const deferred = ready.filter((d) => d.settingsSha256 !== settingsSha256);
  const built =
    settingsSha256 === null
      ? { batch: null }
      : await buildCreditbackBatch({
          decisions: chosen.map(exportable),
          signer: input.signer,
          policySettingsSha256: settingsSha256,
          exportedKeys,
          previous: input.previous,
          createdAt: input.createdAt,
        });
  const plan: ExportPlan = {
    items: built.batch?.items ?? [],
    totals: built.batch?.totals ?? { items: 0, credits: 0, reruns: 0 },
    settingsSha256,
    deferred,
    blocked: dryRun.refused.filter((r) => r.code === 'four_eyes_unapproved'),
    alreadyExported: dryRun.refused
      .filter((r) => r.code === 'already_exported')
      .map((refusal) => ({ refusal, exported: input.exported.get(refusal.idempotencyKey ?? '') ?? null })),
    invalid: dryRun.refused.filter((r) => r.code === 'twice_in_batch' || r.code === 'invalid'),
  };
  return { plan, batch: built.batch };
}

/** The page's sentence for a generation that already left the desk. */
export function alreadyExportedReason(entry: AlreadyExported): string {
  const { refusal, exported } = entry;
  if (!exported) return refusal.message;
  const by = exported.requestId === refusal.requestId ? '' : ` through request ${exported.requestId}`;
  return `Job ${refusal.jobId} was already exported${by} in batch ${exported.batchId} by ${exported.exportedBy} on ${exported.exportedAt.slice(0, 10)}: a generation is compensated once, by any batch or reviewer.`;
}
