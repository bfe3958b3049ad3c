import fc from 'fast-check';
import type { Job, JobStatus, LedgerEntry, Outage, Payment, SupportRequest } from '@shared/domain/records';
import type { PolicyData } from '@shared/policy/indexes';
import { DAY, HOUR, MINUTE, T0 } from './builders';

// Few accounts, weighted lists and a coarse time grid, so that requests collide on the same jobs
// and every rule and tie-break is reached often.
const accounts = ['a@x.test', 'b@x.test', 'c@x.test'];
const statuses: JobStatus[] = [
  'failed',
  'failed',
  'failed',
  'succeeded',
  'canceled',
  'timed_out',
  'aborted',
  'queued',
  'running',
];
const codes = ['', '', 'GPU_OOM', 'GPU_OOM', 'WORKER_CRASH', 'INVALID_INPUT', 'DELIVERY_FAILED', 'ODD_CODE'];
const messages = ['', 'worker died', 'nsfw content', 'something went wrong'];
const details = ['', '', '', 'GPU_OOM again', 'see job_3', 'worker_crash'];
const texts = ['', '', 'it failed', 'charged twice', 'see job_1', 'my lawyer'];
const components = ['render', 'encode', 'queue', ''];

/** Times on a coarse grid, so that ties (same instant, same distance) happen often. */
const time = fc.integer({ min: 0, max: 8 }).map((q) => T0 + q * 6 * HOUR - 2 * DAY);

const jobArb = fc.record({
  account: fc.constantFrom(...accounts),
  createdAt: time,
  runMinutes: fc.option(fc.integer({ min: 0, max: 600 })),
  status: fc.constantFrom(...statuses),
  errorCode: fc.constantFrom(...codes),
  errorMessage: fc.constantFrom(...messages),
  delivered: fc.boolean(),
  credits: fc.option(fc.constantFrom(0, 5, 40, 900), { freq: 8 }),
  component: fc.constantFrom(...components),
});

const entryArb = fc.record({
  job: fc.nat({ max: 25 }),
  type: fc.constantFrom<LedgerEntry['type']>('deduction', 'deduction', 'restore', 'adjustment'),
  credits: fc.constantFrom(5, 10, 40),
  createdAt: time,
});

const paymentArb = fc.record({
  account: fc.constantFrom(...accounts),
  minute: fc.integer({ min: 0, max: 40 }),
  amountMinor: fc.constantFrom(1500, 4900),
  status: fc.constantFrom('Paid', 'succeeded', 'Failed'),
  refunded: fc.boolean(),
});

const requestArb = fc.record({
  account: fc.constantFrom(...accounts, ...accounts, 'stranger@x.test'),
  receivedAt: time,
  approx: fc.oneof(
    fc.constant(null),
    time.map((t) => ({ t, dateOnly: false, dayStart: null, dayEnd: null })),
    fc.integer({ min: -2, max: 0 }).map((d) => {
      const dayStart = T0 - 12 * HOUR + d * DAY + 9 * HOUR;
      return { t: dayStart + 12 * HOUR, dateOnly: true, dayStart, dayEnd: dayStart + DAY };
    }),
  ),
  errorDetails: fc.constantFrom(...details),
  message: fc.constantFrom(...texts),
  remedy: fc.constantFrom<SupportRequest['requestedRemedy']>('credit_back', 'rerun', 'refund'),
  quotedJob: fc.option(fc.nat({ max: 6 })),
});

const outageArb = fc.record({
  startedAt: time,
  hours: fc.option(fc.integer({ min: 1, max: 8 })),
  components: fc.subarray(['render', 'encode', 'queue']),
});

export const policyDataArb: fc.Arbitrary<PolicyData> = fc
  .record({
    jobs: fc.array(jobArb, { maxLength: 20 }),
    ledger: fc.array(entryArb, { maxLength: 14 }),
    payments: fc.array(paymentArb, { maxLength: 6 }),
    requests: fc.array(requestArb, { minLength: 1, maxLength: 12 }),
    outages: fc.array(outageArb, { maxLength: 3 }),
  })
  .map(({ jobs, ledger, payments, requests, outages }) => {
    const jobRecords: Job[] = jobs.map((j, i) => ({
      jobId: `job_${i}`,
      accountEmail: j.account,
      accountEmailRaw: j.account,
      createdAt: j.createdAt,
      startedAt: null,
      completedAt: j.runMinutes === null ? null : j.createdAt + j.runMinutes * MINUTE,
      status: j.status,
      errorCode: j.errorCode,
      errorMessage: j.errorMessage,
      outputUrl: '',
      delivered: j.delivered,
      creditsCharged: j.credits,
      model: 'vy-motion-2',
      component: j.component,
    }));
    const ledgerRecords: LedgerEntry[] = ledger.map((e, i) => ({
      entryId: `le_${i}`,
      accountEmail: jobRecords[e.job]?.accountEmail ?? accounts[0]!,
      createdAt: e.createdAt,
      type: e.type,
      credits: e.type === 'deduction' ? -e.credits : e.credits,
      jobId: `job_${e.job}`,
      amountMinor: null,
      currency: '',
      reference: '',
      description: '',
    }));
    const paymentRecords: Payment[] = payments.map((p, i) => ({
      paymentId: `ch_${i}`,
      createdAt: T0 - DAY + p.minute * MINUTE,
      amountMinor: p.amountMinor,
      amountRefundedMinor: p.refunded ? p.amountMinor : 0,
      currency: 'USD',
      status: p.status,
      accountEmail: p.account,
      description: '',
      invoiceId: '',
    }));
    const requestRecords: SupportRequest[] = requests.map((r, i) => ({
      requestId: `REQ-${String(i).padStart(3, '0')}`,
      receivedAt: r.receivedAt,
      accountEmail: r.account,
      accountEmailRaw: r.account,
      approx: r.approx,
      timezone: '',
      errorDetails: r.errorDetails,
      message: r.message,
      requestedRemedy: r.remedy,
      jobId: r.quotedJob === null ? '' : `job_${r.quotedJob}`,
    }));
    const outageRecords: Outage[] = outages.map((o, i) => ({
      incidentId: `INC-${i}`,
      title: '',
      startedAt: o.startedAt,
      resolvedAt: o.hours === null ? null : o.startedAt + o.hours * HOUR,
      components: o.components,
      impact: 'major',
    }));
    return {
      jobs: jobRecords,
      ledger: ledgerRecords,
      payments: paymentRecords,
      requests: requestRecords,
      outages: outageRecords,
    };
  });

/** A seeded Fisher–Yates shuffle, so fast-check can shrink and replay a failing order. */
export function shuffled<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let state = seed >>> 0 || 1;
  for (let i = out.length - 1; i > 0; i--) {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    const j = (state >>> 0) % (i + 1);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}
