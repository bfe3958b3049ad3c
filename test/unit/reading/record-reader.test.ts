import { describe, expect, it } from 'vitest';
import {
  ReadError,
  contentFingerprint,
  createRecordReader,
  readAllRecords,
  type ReadOptions,
} from '@shared/reading/index';
import type { Job, Outage, Payment, SupportRequest } from '@shared/domain/records';
import { splitBytes } from './helpers';

const enc = (text: string) => new TextEncoder().encode(text);
const read = (text: string, options: ReadOptions = {}, sizes = [1 << 20]) =>
  readAllRecords(splitBytes(enc(text), sizes), options);
const fatal = async (text: string | Uint8Array, options: ReadOptions = {}) => {
  try {
    await readAllRecords([typeof text === 'string' ? enc(text) : text], { fileName: 'f.csv', ...options });
  } catch (error) {
    expect(error).toBeInstanceOf(ReadError);
    return error as ReadError;
  }
  throw new Error('expected a ReadError');
};

const JOBS = 'job_id,account_email,created_at,status,output_url,credits_charged\n';

describe('record reader', () => {
  it('maps aliases, detects the kind and reads a job', async () => {
    const { records, report } = await read(
      'ID;User-Email;Created;State;Result.URL;Cost Credits;Extra Col\r\n' +
        'j1; Ana@Example.COM ;2026-03-01 10:00;COMPLETED;https://x/1.mp4;10;kept\r\n',
    );
    expect(report.kind).toBe('jobs');
    expect(report.delimiter).toBe(';');
    expect(report.lineEnding).toBe('crlf');
    expect(report.unmappedColumns).toEqual(['Extra Col']);
    const job = records[0]!.record as Job;
    expect(job).toMatchObject({
      jobId: 'j1',
      accountEmail: 'ana@example.com',
      accountEmailRaw: 'Ana@Example.COM',
      createdAt: Date.parse('2026-03-01T10:00:00Z'),
      status: 'succeeded',
      delivered: true,
      creditsCharged: 10,
    });
    expect(records[0]!.line).toBe(2);
  });

  it('resolves delivered by the spec rule when the column or cell is empty', async () => {
    const { records } = await read(
      'job_id,account_email,created_at,status,output_url,output_delivered\n' +
        'a,x@y,2026-03-01,succeeded,,\n' +
        'b,x@y,2026-03-01,succeeded,u,\n' +
        'c,x@y,2026-03-01,failed,u,\n' +
        'd,x@y,2026-03-01,succeeded,,yes\n',
    );
    expect(records.map((r) => (r.record as Job).delivered)).toEqual([false, true, false, true]);
    const noUrl = await read('job_id,account_email,created_at,status\na,x@y,2026-03-01,succeeded\n');
    expect((noUrl.records[0]!.record as Job).delivered).toBe(true);
  });

  it('reads both Stripe header variants as payments, skipping an id-less row with a note', async () => {
    for (const created of ['Created date (UTC)', 'Created (UTC)']) {
      const { records, report, problems } = await read(
        `id,${created},Amount,Amount Refunded,Currency,Status,Customer Email,Invoice ID,Fee\n` +
          'ch_1,2026-03-01 22:00:00,"1,049.00",0.00,usd,Paid,A@x.test,in_1,0.74\n' +
          ',2026-03-01 00:00:00,15.00,0.00,usd,requires_payment_method,b@x.test,,0\n',
      );
      expect(report.kind).toBe('payments');
      expect(records.map((r) => r.record as Payment)).toEqual([
        {
          paymentId: 'ch_1',
          createdAt: Date.parse('2026-03-01T22:00:00Z'),
          amountMinor: 104900,
          amountRefundedMinor: 0,
          currency: 'USD',
          status: 'Paid',
          accountEmail: 'a@x.test',
          description: '',
          invoiceId: 'in_1',
        },
      ]);
      expect(report.skipped).toBe(1);
      expect(problems).toEqual([expect.objectContaining({ severity: 'skipped', line: 3 })]);
    }
  });

  it('rejects bad rows with line, column, raw value and reason, and keeps the good ones', async () => {
    const { report, records } = await read(
      JOBS +
        'a,x@y,2026-03-01T00:00:00Z,failed,,5\n' +
        '"b\nstill b",x@y,2026-03-01T00:00:00Z,failed,,5\n' +
        'c,x@y,yesterday,failed,,5\n' +
        'd,x@y,2026-03-01T00:00:00Z,failed,,five\n' +
        'e,,2026-03-01T00:00:00Z,failed,,5\n',
      {},
      [7],
    );
    expect(records.map((r) => [r.key, r.line])).toEqual([
      ['a', 2],
      ['b\nstill b', 3],
    ]);
    expect(report.errors).toEqual([
      { line: 5, column: 'created_at', value: 'yesterday', reason: 'not a readable timestamp' },
      { line: 6, column: 'credits_charged', value: 'five', reason: 'not a whole number' },
      { line: 7, column: 'account_email', value: '', reason: 'required value is empty' },
    ]);
  });

  it('flags identical repeats as duplicates and conflicting repeats as errors', async () => {
    const row = 'a,x@y,2026-03-01T00:00:00Z,failed,,5\n';
    const { report, records, problems } = await read(
      JOBS + row + row + 'a,x@y,2026-03-01T00:00:00Z,failed,,6\n',
    );
    expect(records).toHaveLength(1);
    expect(report).toMatchObject({ rows: 3, accepted: 1, duplicates: 1, rejected: 1 });
    expect(problems.map((p) => [p.severity, p.line])).toEqual([
      ['duplicate', 3],
      ['error', 4],
    ]);
    expect(report.errors[0]!.reason).toContain('line 2');
  });

  it('warns about rows with more or fewer cells than the header but keeps them', async () => {
    const { report, records, problems } = await read(
      JOBS + 'a,x@y,2026-03-01T00:00:00Z,failed,,5,surplus\nb,x@y,2026-03-01T00:00:00Z,failed\n',
    );
    expect(records).toHaveLength(2);
    expect(report.warnings).toBe(2);
    expect(problems.map((p) => [p.severity, p.line, p.value])).toEqual([
      ['warning', 2, 'surplus'],
      ['warning', 3, ''],
    ]);
  });

  it('honours the kind, delimiter and mapping overrides', async () => {
    const { records, report } = await read('ref|who|when|what\nr1|a@b|2026-03-01|failed\n', {
      kind: 'jobs',
      delimiter: '|',
      mapping: { ref: 'job_id', who: 'account_email', when: 'created_at', what: 'status' },
    });
    expect(report.kind).toBe('jobs');
    expect(records[0]!.record).toMatchObject({ jobId: 'r1', accountEmail: 'a@b', status: 'failed' });
  });

  it('keeps unmapped columns as extra when asked', async () => {
    const { records } = await read(JOBS.trim() + ',Note\na,x@y,2026-03-01,failed,,5,hello\n', {
      keepExtraColumns: true,
    });
    expect(records[0]!.record.extra).toEqual({ Note: 'hello' });
  });

  it('resolves request approx times in the row zone, date-only as the day at noon', async () => {
    const { records } = await read(
      'request_id,received_at,account_email,approx_failure_time,timezone,requested_remedy\n' +
        'r1,2026-03-20T10:00:00Z,a@b,2026-03-16,Asia/Tokyo,\n' +
        'r2,2026-03-20 10:00,a@b,03/19/2026 8:23 PM,,Rerun\n' +
        'r3,2026-03-20T10:00:00Z,a@b,,,refund\n',
      { timeZone: 'America/Los_Angeles' },
    );
    const [r1, r2, r3] = records.map((r) => r.record as SupportRequest);
    expect(r1!.approx).toEqual({
      t: Date.parse('2026-03-16T03:00:00Z'),
      dateOnly: true,
      dayStart: Date.parse('2026-03-15T15:00:00Z'),
      dayEnd: Date.parse('2026-03-16T15:00:00Z'),
    });
    expect(r1!.timezone).toBe('Asia/Tokyo');
    expect(r1!.requestedRemedy).toBe('credit_back');
    expect(r2!.receivedAt).toBe(Date.parse('2026-03-20T17:00:00Z'));
    expect(r2!.approx).toEqual({
      t: Date.parse('2026-03-20T03:23:00Z'),
      dateOnly: false,
      dayStart: null,
      dayEnd: null,
    });
    expect(r2!.requestedRemedy).toBe('rerun');
    expect(r3!.approx).toBeNull();
    expect(r3!.requestedRemedy).toBe('refund');
  });

  it('rejects a request whose timezone cell is not an IANA zone', async () => {
    const { report } = await read(
      'request_id,received_at,account_email,approx_failure_time,tz\nr1,2026-03-20T10:00:00Z,a@b,2026-03-16,Mars/Base\n',
    );
    expect(report.errors).toEqual([
      { line: 2, column: 'tz', value: 'Mars/Base', reason: 'unknown time zone' },
    ]);
  });

  it('splits outage components and reads Statuspage JSON', async () => {
    const csv = await read(
      'incident_id,started_at,resolved_at,components,impact\ni1,2026-03-01T00:00:00Z,,render;encode|queue,Major\n',
    );
    expect(csv.records[0]!.record as Outage).toEqual({
      incidentId: 'i1',
      title: '',
      startedAt: Date.parse('2026-03-01T00:00:00Z'),
      resolvedAt: null,
      components: ['render', 'encode', 'queue'],
      impact: 'major',
    });
    const json = await read(
      JSON.stringify({
        page: {},
        incidents: [
          {
            id: 'x1',
            name: 'Render degraded',
            created_at: '2026-03-01T00:00:00.000-05:00',
            started_at: null,
            resolved_at: '2026-03-01T06:00:00Z',
            impact: 'minor',
            components: [{ name: 'render' }],
          },
          { id: 'x2', name: 'Bad', started_at: 'soon', impact: 'none', components: [] },
        ],
      }),
      {},
      [10],
    );
    expect(json.report).toMatchObject({
      kind: 'outages',
      delimiter: 'json',
      rows: 2,
      accepted: 1,
      rejected: 1,
    });
    expect(json.records[0]!.record).toEqual({
      incidentId: 'x1',
      title: 'Render degraded',
      startedAt: Date.parse('2026-03-01T05:00:00Z'),
      resolvedAt: Date.parse('2026-03-01T06:00:00Z'),
      components: ['render'],
      impact: 'minor',
    });
  });

  it('exposes the header info for the preview after the first push', () => {
    const reader = createRecordReader();
    expect(reader.header).toBeNull();
    reader.push(enc(JOBS + 'a,x@y,2026-03-01,failed,,5\n'));
    // The first block is held back for encoding detection until finish or 256 KB.
    const last = reader.finish();
    expect(reader.header).toMatchObject({
      kind: 'jobs',
      encoding: 'utf-8',
      delimiter: ',',
      lineEnding: 'lf',
    });
    expect(last.records).toHaveLength(1);
  });

  it('gives equal fingerprints to equal content only', async () => {
    const { records } = await read(JOBS + 'a,x@y,2026-03-01,failed,,5\nb,x@y,2026-03-01,failed,,5\n');
    const [a, b] = records;
    expect(a!.fingerprint).toBe(contentFingerprint(a!.record));
    expect(a!.fingerprint).not.toBe(b!.fingerprint);
    expect(contentFingerprint({ ...a!.record })).toBe(a!.fingerprint);
  });

  describe('file-level failures name the file and the problem', () => {
    it('empty', async () => {
      expect((await fatal('')).code).toBe('empty');
      expect((await fatal(' \n\n')).code).toBe('empty');
    });
    it('binary', async () => {
      const e = await fatal(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]));
      expect(e.code).toBe('binary');
      expect(e.message).toMatch(/^f\.csv: /);
    });
    it('no header', async () => {
      expect((await fatal('1,2,3\n4,5,6\n')).code).toBe('no-header');
    });
    it('missing required column, named', async () => {
      const e = await fatal('job_id,account_email,status\na,b,failed\n', { kind: 'jobs' });
      expect(e.code).toBe('missing-column');
      expect(e.message).toBe('f.csv: missing required column for jobs: created_at');
    });
    it('mixed date order', async () => {
      const e = await fatal(JOBS + 'a,x@y,03/05/2026,failed,,5\nb,x@y,25/03/2026,failed,,5\n');
      expect(e.code).toBe('mixed-date-order');
      expect(e.message).toContain('line 3');
      const ok = await read(JOBS + 'a,x@y,03/05/2026,failed,,5\nb,x@y,25/03/2026,failed,,5\n', {
        dateOrder: 'dmy',
      });
      expect(ok.report.accepted).toBe(2);
    });
    it('unknown import time zone', async () => {
      expect((await fatal(JOBS, { timeZone: 'Nowhere/City' })).code).toBe('bad-option');
    });
  });
});

describe('fingerprint hex', () => {
  it('equals Number#toString(16) padded to 14 digits across the 53-bit range', async () => {
    const { fingerprintHex } = await import('@shared/reading/fingerprint');
    for (const v of [0, 1, 255, 2 ** 32 - 1, 2 ** 32, 2 ** 53 - 1, 123456789012345, 2 ** 52 + 17]) {
      expect(fingerprintHex(v)).toBe(v.toString(16).padStart(14, '0'));
    }
  });
});

describe('kind detection with a saved mapping', () => {
  it('uses the mapping to find the kind when headers alone say nothing', async () => {
    const { report } = await readAllRecords(
      [new TextEncoder().encode('a,b,c,d\nr1,x@y,2026-03-01,failed\n')],
      {
        mapping: { a: 'job_id', b: 'account_email', c: 'created_at', d: 'status' },
      },
    );
    expect(report).toMatchObject({ kind: 'jobs', accepted: 1 });
  });
});
