import { describe, expect, it } from 'vitest';
import { detachedCopy } from '@shared/reading/index';

describe('detachedCopy', () => {
  it('gives an equal record in a new object and leaves the original as it was', () => {
    const url = 'https://cdn.example/v/2026/03/job_1.mp4';
    const chunk = `job_1,creator1@example.com,${url}\n`.repeat(100);
    const record = {
      jobId: chunk.substring(0, 5),
      accountEmail: chunk.substring(6, 26),
      outputUrl: chunk.substring(27, 27 + url.length),
      createdAt: 1_772_323_200_000,
      startedAt: null,
      delivered: true,
      components: ['render', 'encode'],
    };
    const before = { ...record };
    const copy = detachedCopy(record);
    expect(copy).not.toBe(record);
    expect(copy).toEqual(record);
    expect(Object.keys(copy)).toEqual(Object.keys(record));
    expect(record).toEqual(before);
    expect([copy.jobId, copy.accountEmail, copy.outputUrl]).toEqual(['job_1', 'creator1@example.com', url]);
  });
});
