import { describe, expect, it } from 'vitest';
import type { SupportRequest } from '@shared/domain/records';
import { incidentReport, incidentSpan, proactiveDecisions, selectAffectedJobs } from '@shared/outages';
import { compileSettings } from '@shared/policy/compiled-settings';
import { reconcileRecords } from '@shared/policy/engine';
import { DEFAULT_SETTINGS } from '@shared/policy/settings';
import { EMAIL, HOUR, MINUTE, T0, job, outage, noFacts } from './builders';

describe('a customer request after a proactive credit-back', () => {
  it('is suggested deny_duplicate once the proactive decisions are passed to the engine', async () => {
    const incident = outage({ incidentId: 'INC-1' });
    const failed = job({ jobId: 'job-9', createdAt: T0 + 10 * MINUTE, creditsCharged: 25 });
    const span = incidentSpan(incident, T0);
    const report = incidentReport(
      span,
      selectAffectedJobs(span, [failed], compileSettings(DEFAULT_SETTINGS)).affected,
      noFacts,
    );
    const decisions = proactiveDecisions(report.rows, {
      incidentId: 'INC-1',
      incidentTitle: incident.title,
      decidedBy: 'lee@support',
      decidedAt: new Date(T0 + 3 * HOUR).toISOString(),
      fourEyesCreditThreshold: 500,
      settingsSha256: '',
    });
    expect(decisions).toHaveLength(1);

    const later: SupportRequest = {
      requestId: 'REQ-later',
      receivedAt: T0 + 24 * HOUR,
      accountEmail: EMAIL,
      accountEmailRaw: EMAIL,
      approx: null,
      timezone: '',
      errorDetails: '',
      message: 'My video job-9 never arrived',
      requestedRemedy: 'credit_back',
      jobId: '',
    };
    const records = { jobs: [failed], ledger: [], payments: [], requests: [later], outages: [incident] };
    const without = await reconcileRecords(records);
    expect(without[0]).toMatchObject({ outcome: 'credit_back', jobId: 'job-9', credits: 25 });

    const proactiveCredits = decisions.map((d) => ({
      accountEmail: d.accountEmail,
      jobId: d.jobId as string,
    }));
    const withProactive = await reconcileRecords(records, DEFAULT_SETTINGS, { proactiveCredits });
    expect(withProactive[0]).toMatchObject({
      outcome: 'deny_duplicate',
      rule: 7,
      reason: 'proactive_credit_back',
    });
  });
});
