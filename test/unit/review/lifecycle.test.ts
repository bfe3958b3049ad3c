import { describe, expect, it } from 'vitest';
import { needsSecondReviewer } from '@shared/review/decision';
import {
  approvalProblem,
  approve,
  decide,
  LifecycleError,
  readyForExport,
  undoStep,
} from '@shared/review/lifecycle';
import { EMAIL, must, sampleData, suggestionsFor } from './fixtures';

const AT = new Date('2026-04-01T10:00:00Z');
const base = { accountEmail: EMAIL, note: '', actor: 'ana@finance', at: AT, fourEyesCreditThreshold: 500 };

describe('deciding', () => {
  it('accepting the suggestion copies its outcome, credits, rule and reason, and clears a plain remedy for export', async () => {
    const s = must((await suggestionsFor(sampleData())).get('REQ-1'), 'REQ-1');
    expect(s.outcome).toBe('credit_back');
    const d = decide({ ...base, suggestion: s, outcome: s.outcome });
    expect(d).toMatchObject({
      requestId: 'REQ-1',
      outcome: 'credit_back',
      suggestedOutcome: 'credit_back',
      credits: 40,
      rule: 9,
      reason: 'platform_failure',
      state: 'decided',
      approvedBy: null,
      decidedBy: 'ana@finance',
      decidedAt: '2026-04-01T10:00:00.000Z',
      settingsSha256: s.settingsSha256,
    });
    expect(readyForExport(d)).toBe(true);
  });

  it('a four_eyes remedy stays decided until a second reviewer approves', async () => {
    const s = must((await suggestionsFor(sampleData())).get('REQ-3'), 'REQ-3');
    expect(s.flags).toContain('four_eyes');
    const d = decide({ ...base, accountEmail: 'bo@example.com', suggestion: s, outcome: s.outcome });
    expect(d.state).toBe('decided');
    expect(needsSecondReviewer(d)).toBe(true);
    expect(readyForExport(d)).toBe(false);
    expect(approvalProblem(d, 'ANA@finance ')).toMatch(/second reviewer/);
    expect(approvalProblem({ ...d, state: 'exported' }, 'bo@audit')).toMatch(/locked/);
    expect(() => approve(d, 'ana@finance', AT)).toThrow(LifecycleError);
    const approved = approve(d, 'bo@audit', AT);
    expect(approved).toMatchObject({ state: 'approved', approvedBy: 'bo@audit' });
    expect(readyForExport(approved)).toBe(true);
    expect(approvalProblem(approved, 'cy@audit')).toMatch(/already approved/);
  });

  it('another outcome is an override: it needs a note and records reviewer_override without a rule', async () => {
    const s = must((await suggestionsFor(sampleData())).get('REQ-1'), 'REQ-1');
    expect(() => decide({ ...base, suggestion: s, outcome: 'needs_info', note: '  ' })).toThrow(/note/);
    const d = decide({ ...base, suggestion: s, outcome: 'needs_info', note: 'Asked for the error text' });
    expect(d).toMatchObject({
      outcome: 'needs_info',
      suggestedOutcome: 'credit_back',
      reason: 'reviewer_override',
      rule: null,
      credits: null,
      note: 'Asked for the error text',
      state: 'decided',
    });
  });

  it('overriding a denial into a credit-back gives back the charged credits and re-derives four_eyes', async () => {
    const s = must((await suggestionsFor(sampleData())).get('REQ-2'), 'REQ-2');
    expect(s.outcome).toBe('deny_subjective');
    const d = decide({ ...base, suggestion: s, outcome: 'credit_back', note: 'Output was black frames' });
    expect(d.credits).toBe(s.evidence.chargedCredits);
    expect(d.flags.includes('four_eyes')).toBe((d.credits ?? 0) > 500);
    const strict = decide({
      ...base,
      suggestion: s,
      outcome: 'rerun',
      note: 'x',
      fourEyesCreditThreshold: 0,
    });
    expect(strict.flags).toContain('four_eyes');
    expect(readyForExport(strict)).toBe(false);
    expect(readyForExport(d)).toBe(!d.flags.includes('four_eyes'));
  });

  it('refuses a remedy without a job and a decision without an identity', async () => {
    const s = must((await suggestionsFor(sampleData())).get('REQ-1'), 'REQ-1');
    expect(() => decide({ ...base, suggestion: { ...s, jobId: null }, outcome: 'credit_back' })).toThrow(
      /job/,
    );
    expect(() => decide({ ...base, actor: ' ', suggestion: s, outcome: s.outcome })).toThrow(/identity/);
  });
});

describe('undo', () => {
  it('withdraws a second approval first, then removes the decision; an exported decision is locked', async () => {
    const s = must((await suggestionsFor(sampleData())).get('REQ-3'), 'REQ-3');
    const d = decide({ ...base, accountEmail: 'bo@example.com', suggestion: s, outcome: s.outcome });
    const approved = approve(d, 'bo@audit', AT);
    const step = undoStep(approved);
    expect(step.kind).toBe('unapprove');
    if (step.kind === 'unapprove') expect(step.after).toEqual(d);
    expect(undoStep(d)).toEqual({ kind: 'remove' });
    const plain = decide({
      ...base,
      suggestion: must((await suggestionsFor(sampleData())).get('REQ-1'), 'x'),
      outcome: 'credit_back',
    });
    expect(undoStep(plain)).toEqual({ kind: 'remove' });
    expect(() => undoStep({ ...approved, state: 'exported', batchId: 'b1' })).toThrow(/locked/);
  });
});
