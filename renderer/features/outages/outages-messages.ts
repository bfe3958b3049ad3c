import type { Outage } from '../../../shared/domain/records';
import type { AnomalyMark, CompactReport, FailureSeries } from '../../../shared/outages';
import type { PolicySettings } from '../../../shared/policy/settings';

export type OutagesRequest =
  | { type: 'overview'; id: number; settings: PolicySettings; settingsSha256: string; outages: Outage[] }
  | { type: 'minutes'; id: number; from: number; to: number }
  | { type: 'incident'; id: number; incidentId: string }
  | { type: 'warm'; id: number }
  | { type: 'precompute'; id: number; settings: PolicySettings; settingsSha256: string };

/** What the chart needs, cached per import state and settings. */
export interface Summary {
  /** Failures per hour over the whole data, stacked by class. */
  hourly: FailureSeries;
  /** Every job (failed or not) per hour, aligned with `hourly`. */
  jobsPerHour: Uint32Array;
  failures: number;
}

export interface Overview extends Summary {
  /** The newest timestamp in the data, or null when no incident is open (it is not needed then). */
  latest: number | null;
  anomalies: AnomalyMark[];
  ms: number;
}

export interface IncidentResult {
  /** The report with its rows as columns: cheap to hand from the worker to the page. */
  report: CompactReport;
  /** Failures in the window set aside because the customer caused them. */
  customerCaused: number;
  ms: number;
}

export type OutagesReply =
  | { type: 'overview'; id: number; overview: Overview }
  | { type: 'minutes'; id: number; series: FailureSeries }
  | { type: 'incident'; id: number; result: IncidentResult }
  | { type: 'warm'; id: number; ms: number }
  | { type: 'precompute'; id: number; done: boolean }
  | { type: 'error'; id: number; message: string };
