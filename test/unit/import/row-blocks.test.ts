import { describe, expect, it } from 'vitest';
import { sampleJob, sampleLedgerEntry } from './sample-rows';

import {
  BUCKETS,
  ID_BUCKETS,
  foldedGroup,
  hashOf,
  idBucketOf,
  bucketOf,
  groupKey,
  hourOfGroup,
  jobToTuple,
  ledgerToTuple,
  tupleToJob,
  tupleToLedger,
} from '../../../renderer/data/row-blocks';

const job = sampleJob;

describe('row tuples', () => {
  it('give back exactly the job they were made from', () => {
    expect(tupleToJob(jobToTuple(job))).toEqual(job);
    const plain = { ...job, accountEmailRaw: job.accountEmail, delivered: true, creditsCharged: 10 };
    expect(tupleToJob(jobToTuple(plain))).toEqual(plain);
  });

  it('store the raw email only when it differs from the normalised one', () => {
    expect(jobToTuple({ ...job, accountEmailRaw: job.accountEmail })[2]).toBe('');
    expect(jobToTuple(job)[2]).toBe(' Ana@Example.com');
  });

  it('give back exactly the ledger entry they were made from', () => {
    const entry = sampleLedgerEntry;
    expect(tupleToLedger(ledgerToTuple(entry))).toEqual(entry);
  });
});

describe('groups', () => {
  it('hash keys into a fixed, stable bucket range', () => {
    expect(bucketOf('ana@example.com')).toBe(bucketOf('ana@example.com'));
    const seen = new Set<number>();
    for (let i = 0; i < 5000; i++) {
      const b = bucketOf(`user${i}@mail.test`);
      expect(b).toBeGreaterThanOrEqual(0);
      expect(b).toBeLessThan(BUCKETS);
      seen.add(b);
    }
    // Spread: 5,000 accounts reach nearly every bucket.
    expect(seen.size).toBeGreaterThan(BUCKETS * 0.95);
  });

  it('orders hour groups as strings the way the hours are ordered in time', () => {
    const hours = [0, 3_600_000, Date.UTC(2001, 0, 1), Date.UTC(2026, 2, 1), Date.UTC(2286, 0, 1)];
    const keys = hours.map(groupKey.jobsHour);
    expect([...keys].sort()).toEqual(keys);
    expect(keys.map(hourOfGroup)).toEqual(hours);
  });

  it('keeps kinds and views apart', () => {
    expect(groupKey.jobsByAccount('a')).toMatch(/^jobs\.a\.\d{4}$/);
    expect(groupKey.jobsById('a')).toMatch(/^jobs\.i\.\d{4}$/);
    expect(groupKey.ledgerByAccount('a')).toMatch(/^ledger\.a\.\d{4}$/);
    expect(groupKey.ledgerByJob('a')).toMatch(/^ledger\.j\.\d{4}$/);
    expect(groupKey.ledgerById('a')).toMatch(/^ledger\.i\.\d{4}$/);
  });
});

describe('groups stored with 512 buckets', () => {
  it('fold whole onto today’s groups, directory and account groups alike', () => {
    for (const key of ['job_1', 'job_2', 'L-99', 'x', 'ana@example.com']) {
      const old = String(hashOf(key) % 512).padStart(4, '0');
      expect(foldedGroup(`jobs.i.${old}`)).toBe(groupKey.jobsById(key));
      expect(foldedGroup(`ledger.i.${old}`)).toBe(groupKey.ledgerById(key));
      expect(foldedGroup(`jobs.a.${old}`)).toBe(groupKey.jobsByAccount(key));
      expect(foldedGroup(`ledger.a.${old}`)).toBe(groupKey.ledgerByAccount(key));
      expect(foldedGroup(`ledger.j.${old}`)).toBe(groupKey.ledgerByJob(key));
    }
  });

  it('leave hour groups and today’s names as they are', () => {
    expect(foldedGroup('jobs.h.0001772323200000')).toBe('jobs.h.0001772323200000');
    expect(foldedGroup('jobs.i.0063')).toBe('jobs.i.0063');
    expect(foldedGroup('jobs.a.0010')).toBe('jobs.a.0010');
  });

  it('put a directory row’s account bucket and its job in the same group', () => {
    expect(idBucketOf('job_1')).toBe(bucketOf('job_1') % ID_BUCKETS);
  });
});
