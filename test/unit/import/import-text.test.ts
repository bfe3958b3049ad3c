import { describe, expect, it } from 'vitest';
import { headerKey, newBatchId, problemsCsv } from '../../../renderer/data/import-text';

describe('problemsCsv', () => {
  it('writes one quoted-where-needed line per problem with its physical line', () => {
    const csv = problemsCsv([
      {
        severity: 'error',
        line: 7,
        column: 'created_at',
        value: '13/45/2026',
        reason: 'not a date, "13/45"',
      },
      { severity: 'duplicate', line: 9, column: 'job_id', value: 'job_1', reason: 'duplicate of line 3' },
    ]);
    expect(csv).toBe(
      'line,severity,column,value,reason\r\n' +
        '7,error,created_at,13/45/2026,"not a date, ""13/45"""\r\n' +
        '9,duplicate,job_id,job_1,duplicate of line 3\r\n',
    );
  });
});

describe('headerKey', () => {
  it('recognises the same header set whatever the order, case or separators', () => {
    expect(headerKey(['Job ID', 'created-at', 'Email'])).toBe(headerKey(['email', 'job_id', 'Created At']));
    expect(headerKey(['job_id', 'email'])).not.toBe(headerKey(['job_id', 'email', 'status']));
  });
});

describe('newBatchId', () => {
  it('starts with the UTC time so ids sort by time', () => {
    expect(newBatchId(new Date(Date.UTC(2026, 10, 25, 22, 47, 5)))).toMatch(
      /^imp-20261125-224705-[0-9a-f]{4}$/,
    );
  });
});
