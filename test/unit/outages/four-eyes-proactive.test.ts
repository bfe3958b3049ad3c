import { describe, expect, it } from 'vitest';
import { incidentReport, incidentSpan, proactiveDecisions, selectAffectedJobs } from '@shared/outages';
import { compileSettings } from '@shared/policy/compiled-settings';
import { DEFAULT_SETTINGS } from '@shared/policy/settings';
import { needsSecondReviewer } from '@shared/review/decision';
import { approvalProblem, approve, LifecycleError, readyForExport, undoStep } from '@shared/review/lifecycle';
import { MINUTE, T0, job, outage, noFacts } from './builders';

const THRESHOLD = 500;

function decisions() {
  const span = incidentSpan(outage({ incidentId: 'INC-4E' }), T0);
  const jobs = [
    job({ jobId: 'j-small', createdAt: T0 + MINUTE, creditsCharged: THRESHOLD }),
    job({ jobId: 'j-big', createdAt: T0 + 2 * MINUTE, creditsCharged: THRESHOLD + 1 }),
  ];
  const report = incidentReport(
    span,
    selectAffectedJobs(span, jobs, compileSettings(DEFAULT_SETTINGS)).affected,
    noFacts,
  );
  const [small, big] = proactiveDecisions(report.rows, {
    incidentId: 'INC-4E',
    incidentTitle: '',
    decidedBy: 'lee@support',
    decidedAt: new Date(T0).toISOString(),
    fourEyesCreditThreshold: THRESHOLD,
    settingsSha256: 'sha',
  });
  return { small: small!, big: big! };
}

describe('four-eyes approval of proactive credit-backs', () => {
  it('flags only a credit-back above the threshold, which is not exportable as decided', () => {
    const { small, big } = decisions();
    expect(small.flags).not.toContain('four_eyes');
    expect(readyForExport(small)).toBe(true);
    expect(big.flags).toContain('four_eyes');
    expect(big.state).toBe('decided');
    expect(needsSecondReviewer(big)).toBe(true);
    expect(readyForExport(big)).toBe(false);
  });

  it('refuses the identity that created it, however it is spelled', () => {
    const { big } = decisions();
    for (const same of ['lee@support', ' LEE@Support ']) {
      expect(approvalProblem(big, same)).toMatch(/second reviewer/);
      expect(() => approve(big, same, new Date(T0))).toThrow(LifecycleError);
    }
    expect(approvalProblem(big, '')).toMatch(/identity/);
  });

  it('is approved by a second, different identity and is then exportable', () => {
    const { big } = decisions();
    const approved = approve(big, 'kim@finance', new Date(T0 + MINUTE));
    expect(approved).toMatchObject({
      state: 'approved',
      approvedBy: 'kim@finance',
      decidedBy: 'lee@support',
    });
    expect(needsSecondReviewer(approved)).toBe(false);
    expect(readyForExport(approved)).toBe(true);
    expect(() => approve(approved, 'max@finance', new Date(T0))).toThrow(/already approved/);
  });

  it('goes back to waiting for a second reviewer when the approval is undone', () => {
    const { big } = decisions();
    const step = undoStep(approve(big, 'kim@finance', new Date(T0)));
    expect(step.kind).toBe('unapprove');
    if (step.kind !== 'unapprove') return;
    expect(step.after.state).toBe('decided');
    expect(readyForExport(step.after)).toBe(false);
  });
});
