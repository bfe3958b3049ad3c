import { sealAuditEntry, type AuditDraft, type AuditEntry } from '../../shared/audit/chain';
import { PROACTIVE_REASON } from '../../shared/outages';
import type { Decision } from '../../shared/review/decision';
import { db } from './db';
import { exportedItemsOf, readExportSets } from './export-sets';

export interface ProactiveResult {
  created: Decision[];
  /** Jobs left out because something already compensates them (found inside the transaction). */
  skipped: { jobId: string; message: string }[];
}

/**
 * Stores proactive credit-back decisions (shared/outages proactiveDecisions) with one audit
 * entry each, in one transaction. Inside it, every job is checked again against the decisions
 * and exports already stored, so two support leads working on overlapping incidents can never
 * credit the same generation twice. The review's decision table is the one written, so approval,
 * undo and export treat these like any other decision.
 */
export async function createProactiveCreditBacks(
  decisions: readonly Decision[],
  actor: string,
): Promise<ProactiveResult> {
  if (actor.trim() === '')
    throw new Error('Set your reviewer identity in Settings before creating credit-backs.');
  for (const d of decisions) {
    if (d.source !== 'outage_proactive' || d.reason !== PROACTIVE_REASON || d.jobId === null)
      throw new Error(`${d.requestId} is not a proactive credit-back.`);
  }
  return db.transaction('rw', db.decisions, db.exportSets, db.audit, async () => {
    const jobIds = decisions.map((d) => d.jobId as string);
    const [existing, sets] = await Promise.all([
      db.decisions.where('jobId').anyOf(jobIds).toArray(),
      readExportSets(db),
    ]);
    const taken = new Map<string, string>();
    for (const d of existing) {
      if (
        d.jobId !== null &&
        (d.source === 'outage_proactive' || d.outcome === 'credit_back' || d.outcome === 'rerun')
      )
        taken.set(`${d.accountEmail}\n${d.jobId}`, `already decided in ${d.requestId}`);
    }
    for (const item of exportedItemsOf(sets).values())
      taken.set(
        `${item.accountEmail.trim().toLowerCase()}\n${item.jobId}`,
        `already exported in batch ${item.batchId}`,
      );

    const result: ProactiveResult = { created: [], skipped: [] };
    for (const d of decisions) {
      const reason = taken.get(`${d.accountEmail}\n${d.jobId}`);
      if (reason) result.skipped.push({ jobId: d.jobId as string, message: reason });
      else {
        result.created.push(d);
        taken.set(`${d.accountEmail}\n${d.jobId}`, `already decided in ${d.requestId}`);
      }
    }
    if (result.created.length === 0) return result;
    await db.decisions.bulkAdd(result.created);
    let previous: AuditEntry | undefined = await db.audit.orderBy('seq').last();
    const at = new Date();
    const entries = result.created.map((d) => {
      const draft: AuditDraft = {
        actor: actor.trim(),
        action: 'decision',
        subject: `request:${d.requestId}`,
        before: { state: 'unrequested', incidentId: d.incidentId, jobId: d.jobId },
        after: d,
      };
      previous = sealAuditEntry(draft, previous, at);
      return previous;
    });
    await db.audit.bulkAdd(entries);
    return result;
  });
}
