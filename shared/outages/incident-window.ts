import type { Outage } from '../domain/records';
import type { OutageSpan } from '../policy/indexes';
import { compareText } from '../policy/order';

/**
 * The incident as the policy sees it (same shape as PolicyIndexes.outages): an open incident ends
 * at the newest timestamp in the data, never before it started.
 */
export function incidentSpan(outage: Outage, latestTimestamp: number): OutageSpan {
  return {
    outage,
    start: outage.startedAt,
    end: outage.resolvedAt ?? Math.max(latestTimestamp, outage.startedAt),
    components: new Set(outage.components.map((c) => c.trim().toLowerCase()).filter((c) => c !== '')),
  };
}

export function incidentSpans(outages: readonly Outage[], latestTimestamp: number): OutageSpan[] {
  return outages
    .map((outage) => incidentSpan(outage, latestTimestamp))
    .sort((a, b) => a.start - b.start || compareText(a.outage.incidentId, b.outage.incidentId));
}
