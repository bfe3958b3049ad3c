import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fingerprintHex, fingerprintNumber } from '@shared/reading/fingerprint';

/**
 * The fingerprint is stored with every imported row and compared on every later import: it may
 * never change. These values were computed before the record's fields moved into one loop.
 */
const JOB = {
  jobId: 'job_1',
  accountEmail: 'a@x.test',
  accountEmailRaw: 'A@x.test',
  createdAt: 1767225600000,
  startedAt: null,
  completedAt: 1767225660000,
  status: 'failed',
  errorCode: 'GPU_OOM',
  errorMessage: 'CUDA out of memory',
  outputUrl: '',
  delivered: false,
  creditsCharged: 40,
  model: 'vy-face-1',
  component: 'render',
};
const LEDGER = {
  entryId: 'le_1',
  accountEmail: 'a@x.test',
  createdAt: 1767225602000,
  type: 'deduction',
  credits: -40,
  jobId: 'job_1',
  amountMinor: null,
  currency: '',
  reference: '',
  description: 'déduction für job_1 😀',
};
const REQUEST = {
  requestId: 'REQ-1',
  receivedAt: 1767312000000,
  accountEmail: 'a@x.test',
  accountEmailRaw: 'a@x.test',
  approx: { t: 1767268800000, dateOnly: true, dayStart: 1767225600000, dayEnd: 1767312000000 },
  timezone: 'Europe/Berlin',
  errorDetails: '',
  message: 'never arrived',
  requestedRemedy: 'credit_back',
  jobId: '',
};
const OUTAGE = {
  incidentId: 'INC-1',
  title: 'Render degraded',
  startedAt: 1767225600000,
  resolvedAt: null,
  components: ['render', 'encode'],
  impact: 'major',
};
const ODD = {
  big: 2 ** 60,
  frac: 0.5,
  neg: -1,
  undef: undefined,
  extra: { ignored: 'x' },
  nested: [[1, 'a'], []],
};

/** The fingerprint as first written: every value through one recursive walk. */
function reference(record: object): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  const code = (c: number): void => {
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  };
  const text = (t: string): void => {
    for (let i = 0; i < t.length; i++) code(t.charCodeAt(i));
    code(t.length + 0x10000);
  };
  const mix = (value: unknown): void => {
    if (value === null || value === undefined) code(0x20001);
    else if (typeof value === 'string') text(value);
    else if (typeof value === 'number') {
      if (Number.isSafeInteger(value)) {
        code((value % 4294967296) | 0);
        code(Math.floor(value / 4294967296) | 0);
        code(0x20002);
      } else text(String(value));
    } else if (typeof value === 'boolean') code(value ? 0x20003 : 0x20004);
    else if (Array.isArray(value)) {
      for (const item of value) mix(item);
      code(0x20005 + value.length);
    } else if (typeof value === 'object') {
      for (const key in value) if (key !== 'extra') mix((value as Record<string, unknown>)[key]);
      code(0x20006);
    }
  };
  mix(record);
  const a = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  const b = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(a ^ (a >>> 13), 3266489909);
  return 4294967296 * (2097151 & b) + (a >>> 0);
}

describe('fingerprintNumber', () => {
  it('gives the values rows were stored with', () => {
    const hex = (record: object): string => fingerprintHex(fingerprintNumber(record));
    expect(hex(JOB)).toBe('1720a36a3f541c');
    expect(hex(LEDGER)).toBe('174c6bdb7623f6');
    expect(hex(REQUEST)).toBe('0c75af3aecf9cc');
    expect(hex(OUTAGE)).toBe('10d446922b2df6');
    expect(hex(ODD)).toBe('188847f6304bdb');
  });

  it('equals the recursive walk for any record of plain values', () => {
    const value = fc.oneof(
      fc.string({ unit: 'binary' }),
      fc.integer(),
      fc.double(),
      fc.maxSafeInteger(),
      fc.boolean(),
      fc.constant(null),
      fc.constant(undefined),
      fc.array(fc.oneof(fc.string(), fc.integer(), fc.constant(null)), { maxLength: 3 }),
      fc.dictionary(fc.string({ maxLength: 4 }), fc.oneof(fc.string(), fc.integer()), { maxKeys: 3 }),
    );
    fc.assert(
      fc.property(fc.dictionary(fc.string({ maxLength: 8 }), value, { maxKeys: 14 }), (record) => {
        expect(fingerprintNumber(record)).toBe(reference(record));
      }),
      { numRuns: 500 },
    );
  });

  it('tells apart records that differ in one field', () => {
    expect(fingerprintNumber({ ...JOB, creditsCharged: 41 })).not.toBe(fingerprintNumber(JOB));
    expect(fingerprintNumber({ ...JOB, startedAt: 0 })).not.toBe(fingerprintNumber(JOB));
    expect(fingerprintNumber({ ...JOB, extra: { note: 'x' } })).toBe(fingerprintNumber(JOB));
  });
});
