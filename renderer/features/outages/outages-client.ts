import Dexie from 'dexie';
import type { Outage } from '../../../shared/domain/records';
import type { FailureSeries } from '../../../shared/outages';
import type { PolicySettings } from '../../../shared/policy/settings';
import { settingsInForce } from '../../data/policy-settings';
import type { IncidentResult, Overview, OutagesReply, OutagesRequest } from './outages-messages';

type Payload = OutagesRequest extends infer R ? (R extends OutagesRequest ? Omit<R, 'id'> : never) : never;

let worker: Worker | null = null;
let nextId = 1;
const pending = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();

function start(): Worker {
  if (worker) return worker;
  worker = new Worker(new URL('../../workers/outages.worker.ts', import.meta.url), {
    type: 'module',
    name: 'outages',
  });
  worker.onmessage = (event: MessageEvent<OutagesReply>) => {
    const reply = event.data;
    const waiting = pending.get(reply.id);
    if (!waiting) return;
    pending.delete(reply.id);
    if (reply.type === 'error') waiting.reject(new Error(reply.message));
    else if (reply.type === 'overview') waiting.resolve(reply.overview);
    else if (reply.type === 'minutes') waiting.resolve(reply.series);
    else if (reply.type === 'warm') waiting.resolve(reply.ms);
    else if (reply.type === 'precompute') waiting.resolve(reply.done);
    else waiting.resolve(reply.result);
  };
  return worker;
}

function ask<T>(request: Payload): Promise<T> {
  const id = nextId++;
  const w = start();
  return new Promise<T>((resolve, reject) => {
    pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
    w.postMessage({ ...request, id });
  });
}

/** The hourly failures, anomalies and (for open incidents) the data's newest timestamp. */
export function loadOverview(
  settings: PolicySettings,
  settingsSha256: string,
  outages: Outage[],
): Promise<Overview> {
  return ask<Overview>({ type: 'overview', settings, settingsSha256, outages });
}

export function loadMinutes(from: number, to: number): Promise<FailureSeries> {
  return ask<FailureSeries>({ type: 'minutes', from, to });
}

/** Call after loadOverview: the affected jobs, accounts and compensation standing of one incident. */
export function loadIncident(incidentId: string): Promise<IncidentResult> {
  return ask<IncidentResult>({ type: 'incident', incidentId });
}

/** Resolves when the failed jobs and their ledger rows are in the worker's memory. */
export function whenWarm(): Promise<number> {
  return ask<number>({ type: 'warm' });
}

let watching = false;
let timer: ReturnType<typeof setTimeout> | null = null;

function precomputeSoon(delayMs: number): void {
  if (timer) clearTimeout(timer);
  timer = setTimeout(() => {
    timer = null;
    void settingsInForce()
      .then((inForce) =>
        ask<boolean>({ type: 'precompute', settings: inForce.settings, settingsSha256: inForce.sha256 }),
      )
      .catch(() => undefined);
  }, delayMs);
}

/**
 * Counting a million jobs' failures per hour takes seconds, so it is done in the background once
 * an import lands or the settings change (and once after the app starts), and the chart's first
 * visit finds the counts cached. Call once at start.
 */
export function watchOutagesInputs(): void {
  if (watching) return;
  watching = true;
  Dexie.on('storagemutated', (parts) => {
    const keys = Object.keys(parts);
    if (keys.some((key) => key.includes('/importBatches/') || key.includes('/policySettings/')))
      precomputeSoon(1000);
  });
  precomputeSoon(3000);
}
