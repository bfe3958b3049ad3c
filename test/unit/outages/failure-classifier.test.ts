import { describe, expect, it } from 'vitest';
import type { Job } from '@shared/domain/records';
import { failureClass, failureClassifier } from '@shared/outages';
import { compileSettings } from '@shared/policy/compiled-settings';
import { DEFAULT_SETTINGS } from '@shared/policy/settings';
import { job } from './builders';

const compiled = compileSettings(DEFAULT_SETTINGS);

/** The same code or message under different statuses, and a message that only counts without a code. */
const cases: Job[] = [];
let n = 0;
for (const status of ['failed', 'timed_out', 'aborted', 'canceled', 'succeeded'] as const)
  for (const [errorCode, errorMessage] of [
    ['GPU_OOM', ''],
    ['gpu_oom ', ''],
    ['CONTENT_POLICY_VIOLATION', ''],
    ['SOMETHING_NEW', ''],
    ['', 'worker lost'],
    ['', 'content policy violation'],
    ['', 'mystery'],
    ['', ''],
    ['SOMETHING_NEW', 'worker lost'],
  ] as const)
    cases.push(job({ jobId: `j${n++}`, status, errorCode, errorMessage }));

describe('failureClassifier', () => {
  for (const inOutage of [false, true]) {
    it(`classes every job as failureClass does (inOutage ${inOutage}), in any order`, () => {
      const classify = failureClassifier(compiled, inOutage);
      for (const order of [cases, [...cases].reverse()]) {
        const fresh = failureClassifier(compiled, inOutage);
        for (const j of order) {
          const expected = failureClass(j, compiled, inOutage);
          expect(classify(j.status, j.errorCode, j.errorMessage), j.jobId).toBe(expected);
          expect(fresh(j.status, j.errorCode, j.errorMessage), j.jobId).toBe(expected);
        }
      }
    });
  }

  it('sees all three classes in these cases', () => {
    const classify = failureClassifier(compiled, false);
    const seen = new Set(cases.map((j) => classify(j.status, j.errorCode, j.errorMessage)));
    expect([...seen].sort()).toEqual(['customer', 'platform', 'unknown']);
  });
});
