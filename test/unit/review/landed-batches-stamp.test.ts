import { describe, expect, it } from 'vitest';
import { landedBatchesStamp } from '../../../renderer/data/review-queries';

describe('the imports suggestions depend on', () => {
  const complete = { id: 'imp-1', status: 'complete' as const, stored: 10 };

  it('do not change while an import is still writing', () => {
    const before = landedBatchesStamp([complete, { id: 'imp-2', status: 'running', stored: 5_000 }]);
    const after = landedBatchesStamp([complete, { id: 'imp-2', status: 'running', stored: 10_000 }]);
    expect(after).toBe(before);
  });

  it('change when it lands, and when a batch is undone', () => {
    const running = landedBatchesStamp([complete, { id: 'imp-2', status: 'running', stored: 10_000 }]);
    const landed = landedBatchesStamp([complete, { id: 'imp-2', status: 'complete', stored: 10_000 }]);
    expect(landed).not.toBe(running);
    expect(landedBatchesStamp([{ ...complete, status: 'undone' }])).not.toBe(landedBatchesStamp([complete]));
  });

  it('do not depend on the order batches are listed in', () => {
    const other = { id: 'imp-0', status: 'complete' as const, stored: 3 };
    expect(landedBatchesStamp([complete, other])).toBe(landedBatchesStamp([other, complete]));
  });
});
