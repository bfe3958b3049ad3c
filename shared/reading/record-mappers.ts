import type {
  ImportKind,
  Job,
  LedgerEntry,
  Outage,
  Payment,
  RecordByKind,
  SupportRequest,
} from '../domain/records';
import { CellReaders, RowSkip, type MapperContext } from './cell-readers';
import { isValidTimeZone } from './time-zones';
import { dayInZone, readWallTime, readsOnlyInOtherOrder, wallToInstant, type WallTime } from './timestamps';
import { DateOrderConflict } from './cell-readers';
import {
  minorUnitDigits,
  normalizeEmail,
  parseBoolean,
  parseImpact,
  parseJobStatus,
  parseLedgerType,
  parseRemedy,
  splitComponents,
} from './values';

/** Turns one row's cells into a record, or throws RowRejection / RowSkip / DateOrderConflict. */
export type RowMapper<K extends ImportKind> = (cells: string[]) => RecordByKind[K];

export function createRowMapper<K extends ImportKind>(kind: K, ctx: MapperContext): RowMapper<K> {
  const factories: { [P in ImportKind]: (ctx: MapperContext) => RowMapper<P> } = {
    jobs: jobMapper,
    ledger: ledgerMapper,
    payments: paymentMapper,
    requests: requestMapper,
    outages: outageMapper,
  };
  return factories[kind](ctx) as RowMapper<K>;
}

function jobMapper(ctx: MapperContext): RowMapper<'jobs'> {
  const r = new CellReaders(ctx);
  const id = r.column('job_id');
  const email = r.column('account_email');
  const created = r.column('created_at');
  const started = r.column('started_at');
  const completed = r.column('completed_at');
  const status = r.column('status');
  const code = r.column('error_code');
  const message = r.column('error_message');
  const output = r.column('output_url');
  const delivered = r.column('output_delivered');
  const credits = r.column('credits_charged');
  const model = r.column('model');
  const component = r.column('component');
  return (cells): Job => {
    const jobId = r.required(cells, id);
    const emailRaw = r.required(cells, email);
    const createdAt = r.time(cells, created, true)!;
    const startedAt = r.time(cells, started, false);
    const completedAt = r.time(cells, completed, false);
    const statusText = r.required(cells, status);
    const jobStatus = parseJobStatus(statusText) ?? r.reject(status, r.raw(cells, status), 'unknown status');
    const outputUrl = r.text(cells, output);
    const deliveredText = r.text(cells, delivered);
    let isDelivered: boolean;
    if (deliveredText === '') isDelivered = jobStatus === 'succeeded' && (output === -1 || outputUrl !== '');
    else
      isDelivered =
        parseBoolean(deliveredText) ?? r.reject(delivered, r.raw(cells, delivered), 'not true or false');
    return {
      jobId,
      accountEmail: normalizeEmail(emailRaw),
      accountEmailRaw: emailRaw,
      createdAt,
      startedAt,
      completedAt,
      status: jobStatus,
      errorCode: r.text(cells, code),
      errorMessage: r.raw(cells, message),
      outputUrl,
      delivered: isDelivered,
      creditsCharged: r.integer(cells, credits, false),
      model: r.text(cells, model),
      component: r.text(cells, component),
    };
  };
}

function ledgerMapper(ctx: MapperContext): RowMapper<'ledger'> {
  const r = new CellReaders(ctx);
  const id = r.column('entry_id');
  const email = r.column('account_email');
  const created = r.column('created_at');
  const type = r.column('type');
  const credits = r.column('credits');
  const job = r.column('job_id');
  const amount = r.column('amount');
  const currency = r.column('currency');
  const reference = r.column('reference');
  const description = r.column('description');
  return (cells): LedgerEntry => {
    const entryId = r.required(cells, id);
    const accountEmail = normalizeEmail(r.required(cells, email));
    const createdAt = r.time(cells, created, true)!;
    const typeText = r.required(cells, type);
    const entryType = parseLedgerType(typeText) ?? r.reject(type, r.raw(cells, type), 'unknown entry type');
    const delta = r.integer(cells, credits, true)!;
    const jobId = r.text(cells, job);
    if (jobId === '' && (entryType === 'deduction' || entryType === 'restore')) {
      r.reject(job === -1 ? credits : job, '', `a ${entryType} needs a job_id`);
    }
    const currencyCode = r.text(cells, currency).toUpperCase();
    return {
      entryId,
      accountEmail,
      createdAt,
      type: entryType,
      credits: delta,
      jobId,
      amountMinor: r.money(cells, amount, false, minorUnitDigits(currencyCode)),
      currency: currencyCode,
      reference: r.text(cells, reference),
      description: r.raw(cells, description),
    };
  };
}

function paymentMapper(ctx: MapperContext): RowMapper<'payments'> {
  const r = new CellReaders(ctx);
  const id = r.column('payment_id');
  const created = r.column('created_at');
  const amount = r.column('amount');
  const refunded = r.column('amount_refunded');
  const currency = r.column('currency');
  const status = r.column('status');
  const email = r.column('account_email');
  const description = r.column('description');
  const invoice = r.column('invoice_id');
  return (cells): Payment => {
    const paymentId = r.text(cells, id);
    if (paymentId === '') throw new RowSkip('payment without an id (not confirmed): skipped');
    const createdAt = r.time(cells, created, true)!;
    const currencyCode = r.required(cells, currency).toUpperCase();
    const digits = minorUnitDigits(currencyCode);
    return {
      paymentId,
      createdAt,
      amountMinor: r.money(cells, amount, true, digits)!,
      amountRefundedMinor: r.money(cells, refunded, false, digits) ?? 0,
      currency: currencyCode,
      status: r.required(cells, status),
      accountEmail: normalizeEmail(r.required(cells, email)),
      description: r.raw(cells, description),
      invoiceId: r.text(cells, invoice),
    };
  };
}

function requestMapper(ctx: MapperContext): RowMapper<'requests'> {
  const r = new CellReaders(ctx);
  const id = r.column('request_id');
  const received = r.column('received_at');
  const email = r.column('account_email');
  const approx = r.column('approx_failure_time');
  const tz = r.column('timezone');
  const details = r.column('error_details');
  const message = r.column('message');
  const remedy = r.column('requested_remedy');
  const job = r.column('job_id');
  const wall: WallTime = { wall: 0, offsetMs: null, dateOnly: false };
  return (cells): SupportRequest => {
    const requestId = r.required(cells, id);
    const receivedAt = r.time(cells, received, true)!;
    const emailRaw = r.required(cells, email);
    const zoneText = r.text(cells, tz);
    if (zoneText !== '' && !isValidTimeZone(zoneText)) r.reject(tz, r.raw(cells, tz), 'unknown time zone');
    const zone = zoneText === '' ? ctx.zone : zoneText;
    const approxText = r.text(cells, approx);
    let approxTime: SupportRequest['approx'] = null;
    if (approxText !== '') {
      if (!readWallTime(approxText, ctx.dateOrder, wall)) {
        if (readsOnlyInOtherOrder(approxText, ctx.dateOrder))
          throw new DateOrderConflict(r.header(approx), approxText);
        r.reject(approx, r.raw(cells, approx), 'not a readable timestamp');
      }
      if (wall.dateOnly) {
        const day = dayInZone(wall.wall, zone);
        approxTime = { t: day.noon, dateOnly: true, dayStart: day.start, dayEnd: day.end };
      } else {
        approxTime = { t: wallToInstant(wall, zone), dateOnly: false, dayStart: null, dayEnd: null };
      }
    }
    const remedyText = r.text(cells, remedy);
    return {
      requestId,
      receivedAt,
      accountEmail: normalizeEmail(emailRaw),
      accountEmailRaw: emailRaw,
      approx: approxTime,
      timezone: zone,
      errorDetails: r.raw(cells, details),
      message: r.raw(cells, message),
      requestedRemedy: parseRemedy(remedyText) ?? r.reject(remedy, r.raw(cells, remedy), 'unknown remedy'),
      jobId: r.text(cells, job),
    };
  };
}

function outageMapper(ctx: MapperContext): RowMapper<'outages'> {
  const r = new CellReaders(ctx);
  const id = r.column('incident_id');
  const title = r.column('title');
  const started = r.column('started_at');
  const resolved = r.column('resolved_at');
  const components = r.column('components');
  const impact = r.column('impact');
  return (cells): Outage => ({
    incidentId: r.required(cells, id),
    title: r.text(cells, title),
    startedAt: r.time(cells, started, true)!,
    resolvedAt: r.time(cells, resolved, false),
    components: splitComponents(r.raw(cells, components)),
    impact: parseImpact(r.raw(cells, impact)) ?? r.reject(impact, r.raw(cells, impact), 'unknown impact'),
  });
}
