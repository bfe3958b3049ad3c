import type { ImportKind } from '../domain/records';

export interface FieldSpec {
  /** Canonical column name from the input spec. */
  name: string;
  required: boolean;
  aliases: readonly string[];
}

function f(name: string, required: boolean, ...aliases: string[]): FieldSpec {
  return { name, required, aliases };
}

/** The five canonical schemas and their header aliases, exactly as in the input spec. */
export const SCHEMAS: Readonly<Record<ImportKind, readonly FieldSpec[]>> = {
  jobs: [
    f('job_id', true, 'id', 'prediction_id', 'generation_id', 'request_id'),
    f('account_email', true, 'email', 'user_email', 'customer_email', 'account'),
    f('created_at', true, 'created', 'submitted_at', 'created_at_utc', 'created date (utc)'),
    f('started_at', false),
    f('completed_at', false, 'finished_at', 'ended_at'),
    f('status', true, 'state', 'job_status'),
    f('error_code', false, 'code', 'failure_code'),
    f('error_message', false, 'error', 'failure_reason', 'error_detail'),
    f('output_url', false, 'output', 'result_url'),
    f('output_delivered', false, 'delivered'),
    f('credits_charged', false, 'credits', 'cost_credits'),
    f('model', false, 'model_name', 'version'),
    f('component', false, 'service', 'pipeline', 'stage', 'region'),
  ],
  ledger: [
    f('entry_id', true, 'id', 'transaction_id', 'txn_id'),
    f('account_email', true, 'email', 'customer_email'),
    f('created_at', true, 'created', 'timestamp'),
    f('type', true, 'kind', 'entry_type'),
    f('credits', true, 'credit_delta', 'delta', 'amount_credits'),
    f('job_id', false, 'generation_id'),
    f('amount', false),
    f('currency', false),
    f('reference', false, 'ref', 'idempotency_key', 'external_id'),
    f('description', false, 'note', 'memo'),
  ],
  // Stripe's unified_payments.csv is the built-in preset: its headers are these aliases.
  payments: [
    f('payment_id', true, 'id'),
    f('created_at', true, 'created date (utc)', 'created (utc)', 'created'),
    f('amount', true),
    f('amount_refunded', false, 'amount refunded'),
    f('currency', true),
    f('status', true),
    f('account_email', true, 'customer email'),
    f('description', false),
    f('invoice_id', false, 'invoice id'),
  ],
  requests: [
    f('request_id', true, 'ticket_id', 'id'),
    f('received_at', true, 'created_at', 'submitted_at', 'created'),
    f('account_email', true, 'email', 'requester_email', 'customer_email'),
    f('approx_failure_time', false, 'failure_time', 'approximate_time', 'when'),
    f('timezone', false, 'tz', 'time_zone'),
    f('error_details', false, 'error', 'details', 'error_shown'),
    f('message', false, 'body', 'description', 'comment'),
    f('requested_remedy', false, 'remedy', 'request_type'),
    f('job_id', false, 'generation_id'),
  ],
  outages: [
    f('incident_id', true, 'id'),
    f('title', false, 'name'),
    f('started_at', true, 'start', 'created_at'),
    f('resolved_at', false, 'end', 'ended_at'),
    f('components', false, 'component', 'affected_components'),
    f('impact', false, 'severity'),
  ],
};

/** Header names compare case-insensitively, with spaces, dashes, dots and underscores equal. */
export function normalizeHeader(name: string): string {
  return name
    .replace(/^\uFEFF/, '')
    .trim()
    .toLowerCase()
    .replace(/[\s\-._]+/g, '_');
}

export function fieldNames(kind: ImportKind): string[] {
  return SCHEMAS[kind].map((s) => s.name);
}
