import type { Job } from '../domain/records';
import type { OutageSpan } from './indexes';

/**
 * Outages whose window (started_at to resolved_at) overlaps the job's run (created_at to
 * completed_at, or created_at alone) and that list the job's component or model, or list none.
 */
export function outagesForJob(job: Job, outages: readonly OutageSpan[]): OutageSpan[] {
  const runStart = job.createdAt;
  const runEnd = job.completedAt !== null && job.completedAt > runStart ? job.completedAt : runStart;
  const component = job.component.trim().toLowerCase();
  const model = job.model.trim().toLowerCase();
  const found: OutageSpan[] = [];
  for (const span of outages) {
    if (span.start > runEnd) break;
    if (span.end < runStart) continue;
    if (
      span.components.size === 0 ||
      (component !== '' && span.components.has(component)) ||
      (model !== '' && span.components.has(model))
    ) {
      found.push(span);
    }
  }
  return found;
}
