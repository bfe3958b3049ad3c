import Dexie from 'dexie';
import { sealAuditEntry, type AuditDraft } from '../../shared/audit/chain';
import type { Outcome } from '../../shared/policy/types';
import type { Decision } from '../../shared/review/decision';
import { approve, decide, isOverride, LifecycleError, undoStep } from '../../shared/review/lifecycle';
import { afterDecisionRemoved, type StoredSuggestion } from '../../shared/review/stored-suggestion';
import { db } from './db';
import { readExportLocks, withExportLock } from './export-sets';
import { settingsInForce } from './policy-settings';

export interface DecideItem {
  requestId: string;
  outcome: Outcome;
  note: string;
}

export interface DecisionChange {
  requestId: string;
  decision: Decision | null;
  /** Present when the stored suggestion changed too (an undo shows what the rules suggest now). */
  suggestion?: StoredSuggestion;
}

export interface DecisionResult {
  changes: DecisionChange[];
  problems: { requestId: string; message: string }[];
}

/**
 * Appends many audit entries in one go inside the caller's transaction: one read of the chain's
 * head instead of one per entry, which keeps a bulk accept of tens of thousands quick.
 */
async function appendAuditEntries(drafts: readonly AuditDraft[]): Promise<void> {
  if (!Dexie.currentTransaction)
    throw new Error('audit entries must be written inside the change’s transaction');
  let previous = await db.audit.orderBy('seq').last();
  const at = new Date();
  const entries = drafts.map((draft) => (previous = sealAuditEntry(draft, previous, at)));
  await db.audit.bulkAdd(entries);
}

function suggestedState(suggestion: StoredSuggestion) {
  return {
    state: 'suggested',
    outcome: suggestion.outcome,
    jobId: suggestion.jobId,
    credits: suggestion.credits,
    rule: suggestion.rule,
    reason: suggestion.reason,
    flags: suggestion.flags,
    settingsSha256: suggestion.settingsSha256,
  };
}

/** Accepts suggestions or records overrides, each with its audit entry, all in one transaction. */
export async function decideRequests(items: readonly DecideItem[], actor: string): Promise<DecisionResult> {
  const { settings } = await settingsInForce();
  const at = new Date();
  return db.transaction('rw', db.suggestions, db.decisions, db.audit, async () => {
    const ids = items.map((item) => item.requestId);
    const [suggestions, existing] = await Promise.all([
      db.suggestions.bulkGet(ids),
      db.decisions.bulkGet(ids),
    ]);
    const result: DecisionResult = { changes: [], problems: [] };
    const drafts: AuditDraft[] = [];
    items.forEach((item, i) => {
      const suggestion = suggestions[i];
      if (!suggestion) {
        result.problems.push({ requestId: item.requestId, message: 'No suggestion for this request yet.' });
        return;
      }
      if (existing[i]) {
        result.problems.push({ requestId: item.requestId, message: 'Already decided: undo it first.' });
        return;
      }
      try {
        const decision = decide({
          suggestion,
          accountEmail: suggestion.accountEmail,
          outcome: item.outcome,
          note: item.note,
          actor,
          at,
          fourEyesCreditThreshold: settings.fourEyesCreditThreshold,
        });
        result.changes.push({ requestId: item.requestId, decision });
        drafts.push({
          actor: decision.decidedBy,
          action: isOverride(suggestion, item.outcome) ? 'decision.override' : 'decision',
          subject: `request:${item.requestId}`,
          before: suggestedState(suggestion),
          after: decision,
        });
      } catch (error) {
        if (!(error instanceof LifecycleError)) throw error;
        result.problems.push({ requestId: item.requestId, message: error.message });
      }
    });
    const decisions = result.changes.flatMap((change) => (change.decision ? [change.decision] : []));
    if (decisions.length > 0) {
      await db.decisions.bulkAdd(decisions);
      await appendAuditEntries(drafts);
    }
    return result;
  });
}

/** A second reviewer approves a four_eyes decision. */
export async function approveDecision(requestId: string, actor: string): Promise<Decision> {
  return db.transaction('rw', db.decisions, db.exportSets, db.audit, async () => {
    const before = await lockedDecision(requestId);
    if (!before) throw new LifecycleError('There is no decision to approve.');
    const after = approve(before, actor, new Date());
    await db.decisions.put(after);
    await appendAuditEntries([
      { actor: actor.trim(), action: 'decision.approve', subject: `request:${requestId}`, before, after },
    ]);
    return after;
  });
}

/** One step back: a second approval is withdrawn, or the decision is removed. Never after export. */
export async function undoDecision(requestId: string, actor: string): Promise<DecisionChange> {
  if (actor.trim() === '') throw new LifecycleError('Set your reviewer identity in Settings before undoing.');
  return db.transaction('rw', db.suggestions, db.decisions, db.exportSets, db.audit, async () => {
    const before = await lockedDecision(requestId);
    if (!before) throw new LifecycleError('There is nothing to undo: the request is not decided.');
    const step = undoStep(before);
    let change: DecisionChange;
    if (step.kind === 'unapprove') {
      await db.decisions.put(step.after);
      change = { requestId, decision: step.after };
    } else {
      await db.decisions.delete(requestId);
      const stored = await db.suggestions.get(requestId);
      const suggestion = stored ? afterDecisionRemoved(stored) : undefined;
      if (suggestion) await db.suggestions.put(suggestion);
      change = suggestion ? { requestId, decision: null, suggestion } : { requestId, decision: null };
    }
    await appendAuditEntries([
      {
        actor: actor.trim(),
        action: 'decision.undo',
        subject: `request:${requestId}`,
        before,
        after: change.decision ?? { state: 'suggested' },
      },
    ]);
    return change;
  });
}

/**
 * The stored decision with its export lock: a decision keeps its stored state when a batch of
 * this desk exports it, and reads as `exported` from then on (export-sets.ts). Call it inside a
 * transaction over decisions and exportSets, or on its own.
 */
async function lockedDecision(requestId: string): Promise<Decision | undefined> {
  const [decision, locks] = await Promise.all([db.decisions.get(requestId), readExportLocks(db)]);
  return decision ? withExportLock(decision, locks) : undefined;
}

export function decisionFor(requestId: string): Promise<Decision | undefined> {
  return db.transaction('r', db.decisions, db.exportSets, () => lockedDecision(requestId));
}

/** The decisions on requests (not proactive ones), with their export locks, for the review queue. */
export function requestDecisions(): Promise<Decision[]> {
  return db.transaction('r', db.decisions, db.exportSets, async () => {
    const [list, locks] = await Promise.all([
      db.decisions.where('source').equals('request').toArray(),
      readExportLocks(db),
    ]);
    return list.map((d) => withExportLock(d, locks));
  });
}
