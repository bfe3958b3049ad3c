import type { LedgerEntry } from '../domain/records';
import { chargedCredits } from '../policy/billing';
import { compareText } from '../policy/order';
import type { OutageSpan } from '../policy/indexes';
import type { Outcome } from '../policy/types';
import type { Decision, DecisionState } from '../review/decision';
import type { AffectedJob } from './affected';

/** A customer request whose picked job (rule 3) is the affected job, and what became of it. */
export interface RequestOnJob {
  requestId: string;
  receivedAt: number;
  suggestedOutcome: Outcome | null;
  decision: { outcome: Outcome; state: DecisionState; decidedBy: string } | null;
}

/** What the desk already knows about compensation, looked up per affected job. */
export interface CompensationFacts {
  ledgerFor(jobId: string): readonly LedgerEntry[];
  requestsFor(jobId: string): readonly RequestOnJob[];
  /** A proactive credit-back already decided for this generation, by any incident. */
  proactiveFor(accountEmail: string, jobId: string): Decision | null;
  /** The generation's idempotency key is in an exported batch. */
  isExported(accountEmail: string, jobId: string): boolean;
}

export interface AffectedRow extends AffectedJob {
  /** Charged credits as the policy defines them (ledger net of restores, else the job log). */
  charged: number;
  restored: boolean;
  requests: readonly RequestOnJob[];
  proactive: Decision | null;
  exported: boolean;
  /** No request, no restore, no proactive decision, not exported, and something was charged. */
  eligible: boolean;
}

export interface AccountImpact {
  accountEmail: string;
  jobs: number;
  creditsAtStake: number;
  requested: number;
  restored: number;
  eligibleJobs: number;
  eligibleCredits: number;
}

export interface IncidentReport {
  span: OutageSpan;
  rows: AffectedRow[];
  /** Most credits at stake first, then email. */
  accounts: AccountImpact[];
  totals: {
    jobs: number;
    accounts: number;
    creditsAtStake: number;
    requested: number;
    restored: number;
    proactive: number;
    eligibleJobs: number;
    eligibleCredits: number;
  };
}

export function affectedRow(item: AffectedJob, facts: CompensationFacts): AffectedRow {
  const { job } = item;
  const entries = facts.ledgerFor(job.jobId);
  const charged = chargedCredits(job, entries);
  const restored = entries.some((entry) => entry.type === 'restore');
  const requests = facts.requestsFor(job.jobId);
  const proactive = facts.proactiveFor(job.accountEmail, job.jobId);
  const exported = facts.isExported(job.accountEmail, job.jobId);
  const eligible = requests.length === 0 && !restored && proactive === null && !exported && charged > 0;
  return { ...item, charged, restored, requests, proactive, exported, eligible };
}

export function incidentReport(
  span: OutageSpan,
  affected: readonly AffectedJob[],
  facts: CompensationFacts,
): IncidentReport {
  const rows = affected.map((item) => affectedRow(item, facts));
  const byAccount = new Map<string, AccountImpact>();
  for (const row of rows) {
    const email = row.job.accountEmail;
    let impact = byAccount.get(email);
    if (!impact) {
      impact = {
        accountEmail: email,
        jobs: 0,
        creditsAtStake: 0,
        requested: 0,
        restored: 0,
        eligibleJobs: 0,
        eligibleCredits: 0,
      };
      byAccount.set(email, impact);
    }
    impact.jobs += 1;
    impact.creditsAtStake += row.charged;
    if (row.requests.length > 0) impact.requested += 1;
    if (row.restored) impact.restored += 1;
    if (row.eligible) {
      impact.eligibleJobs += 1;
      impact.eligibleCredits += row.charged;
    }
  }
  const accounts = [...byAccount.values()].sort(
    (a, b) => b.creditsAtStake - a.creditsAtStake || compareText(a.accountEmail, b.accountEmail),
  );
  const sum = (pick: (a: AccountImpact) => number) => accounts.reduce((total, a) => total + pick(a), 0);
  return {
    span,
    rows,
    accounts,
    totals: {
      jobs: rows.length,
      accounts: accounts.length,
      creditsAtStake: sum((a) => a.creditsAtStake),
      requested: sum((a) => a.requested),
      restored: sum((a) => a.restored),
      proactive: rows.filter((row) => row.proactive !== null).length,
      eligibleJobs: sum((a) => a.eligibleJobs),
      eligibleCredits: sum((a) => a.eligibleCredits),
    },
  };
}
