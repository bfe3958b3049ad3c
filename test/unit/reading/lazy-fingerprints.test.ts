import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRecordReader, type AcceptedRecord, type ReadReport } from '@shared/reading/index';

const HEADER = 'job_id,account_email,created_at,status,error_message';

function read(csv: string, lazyFingerprints: boolean, onlyLines?: ReadonlySet<number>) {
  const reader = createRecordReader<'jobs'>({ kind: 'jobs', lazyFingerprints, onlyLines });
  const records: AcceptedRecord<'jobs'>[] = [...reader.push(new TextEncoder().encode(csv)).records];
  const last = reader.finish();
  records.push(...last.records);
  return { records, report: last.report };
}

/** What a caller does with `unsettled`: the first rows' fingerprints from a second read. */
function settle(csv: string, report: ReadReport): { duplicates: number; rejected: number } {
  const firstLines = new Set(report.unsettled.map((repeat) => repeat.firstLine));
  const firsts = new Map(read(csv, false, firstLines).records.map((r) => [r.line, r.fingerprintValue]));
  const conflicts = report.unsettled.filter((r) => firsts.get(r.firstLine) !== r.fingerprint).length;
  return {
    duplicates: report.duplicates + report.unsettled.length - conflicts,
    rejected: report.rejected + conflicts,
  };
}

describe('lazy fingerprints (the CLI reading)', () => {
  const csv = [
    HEADER,
    'job_8,a@x.test,2026-03-01T10:00:00Z,failed,boom', // line 2
    'job_9,a@x.test,2026-03-01T11:00:00Z,failed,boom',
    'job_10,b@x.test,2026-03-01T12:00:00Z,succeeded,', // sorts after job_9: shorter first
    'job_5,c@x.test,2026-03-01T13:00:00Z,failed,late', // out of order, new
    'job_8,a@x.test,2026-03-01T10:00:00Z,failed,boom', // identical repeat of line 2
    'job_9,a@x.test,2026-03-01T11:00:00Z,failed,other', // conflicting repeat of line 3
    'job_5,c@x.test,2026-03-01T13:00:00Z,failed,late', // identical repeat of line 5
    'job_11,d@x.test,2026-03-01T14:00:00Z,failed,', // in order again
  ].join('\n');

  it('accepts the same rows as the eager reading, fingerprints none of them, and leaves the repeats unsettled', () => {
    const eager = read(csv, false);
    const lazy = read(csv, true);
    expect(lazy.records.map((r) => [r.line, r.record])).toEqual(eager.records.map((r) => [r.line, r.record]));
    expect(lazy.records.filter((r) => Number.isNaN(r.fingerprintValue)).map((r) => r.line)).toEqual([
      2, 3, 4, 5, 9,
    ]);
    expect(lazy.report.unsettled.map((r) => [r.line, r.firstLine])).toEqual([
      [6, 2],
      [7, 3],
      [8, 5],
    ]);
    expect(lazy.report).toMatchObject({ rows: 8, accepted: 5, duplicates: 0, rejected: 0 });
    expect(eager.report).toMatchObject({ rows: 8, accepted: 5, duplicates: 2, rejected: 1 });
    expect(settle(csv, lazy.report)).toEqual({ duplicates: 2, rejected: 1 });
  });

  it('maps only the lines asked for', () => {
    const { records } = read(csv, false, new Set([3, 5]));
    expect(records.map((r) => r.record.jobId)).toEqual(['job_9', 'job_5']);
  });

  it('settled, counts what the eager reading counts, for any order of ids', () => {
    const row = fc.tuple(fc.integer({ min: 0, max: 40 }), fc.constantFrom('boom', 'other'), fc.boolean());
    fc.assert(
      fc.property(fc.array(row, { maxLength: 60 }), (rows) => {
        // Mostly ascending ids with repeats, as exports come; `sorted` keeps a run in order.
        const lines = rows.map(
          ([id, message], i) => `job_${id},a${i % 3}@x.test,2026-03-01T10:00:00Z,failed,${message}`,
        );
        const text = [HEADER, ...lines].join('\n');
        const eager = read(text, false);
        const lazy = read(text, true);
        expect(lazy.records.map((r) => r.line)).toEqual(eager.records.map((r) => r.line));
        expect(settle(text, lazy.report)).toEqual({
          duplicates: eager.report.duplicates,
          rejected: eager.report.rejected,
        });
      }),
    );
  });
});
