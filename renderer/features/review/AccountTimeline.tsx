import type { Job, Outage } from '../../../shared/domain/records';
import { formatTime } from './format';

interface Props {
  from: number;
  to: number;
  t: number;
  windowStart: number | null;
  windowEnd: number | null;
  jobs: readonly Job[];
  outages: readonly Outage[];
  latest: number;
  pickedJobId: string | null;
}

const WIDTH = 640;
const HEIGHT = 120;
const PAD = 12;

function statusClass(job: Job): string {
  if (job.status === 'succeeded' && job.delivered) return 'ok';
  if (job.status === 'queued' || job.status === 'running') return 'pending';
  return 'failed';
}

/** The account's jobs around the stated time, the window, and outage bands: a few dozen nodes. */
export function AccountTimeline({
  from,
  to,
  t,
  windowStart,
  windowEnd,
  jobs,
  outages,
  latest,
  pickedJobId,
}: Props) {
  const span = Math.max(1, to - from);
  const x = (ms: number) => PAD + ((Math.min(Math.max(ms, from), to) - from) / span) * (WIDTH - 2 * PAD);
  const description = `${jobs.length} jobs of the account between ${formatTime(from)} and ${formatTime(to)}, ${outages.length} outages; stated time ${formatTime(t)}.`;
  return (
    <figure className="timeline">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={description} className="timeline__svg">
        {outages.map((o) => (
          <g key={o.incidentId}>
            <rect
              className="timeline__outage"
              x={x(o.startedAt)}
              y={PAD}
              width={Math.max(2, x(o.resolvedAt ?? Math.max(latest, to)) - x(o.startedAt))}
              height={HEIGHT - 2 * PAD - 16}
            >
              <title>{`${o.incidentId}: ${o.title}`}</title>
            </rect>
            <text className="timeline__label" x={x(o.startedAt) + 3} y={PAD + 10}>
              {o.incidentId}
            </text>
          </g>
        ))}
        {windowStart !== null && windowEnd !== null ? (
          <rect
            className="timeline__window"
            x={x(windowStart)}
            y={HEIGHT / 2 - 14}
            width={Math.max(2, x(windowEnd) - x(windowStart))}
            height={28}
          />
        ) : null}
        <line className="timeline__axis" x1={PAD} x2={WIDTH - PAD} y1={HEIGHT / 2} y2={HEIGHT / 2} />
        <line className="timeline__t" x1={x(t)} x2={x(t)} y1={PAD} y2={HEIGHT - PAD - 16} />
        {jobs.map((job) => (
          <circle
            key={job.jobId}
            cx={x(job.createdAt)}
            cy={HEIGHT / 2}
            r={job.jobId === pickedJobId ? 7 : 4.5}
            className={`timeline__job timeline__job--${statusClass(job)}${job.jobId === pickedJobId ? ' timeline__job--picked' : ''}`}
          >
            <title>{`${job.jobId} ${job.status} ${formatTime(job.createdAt)}`}</title>
          </circle>
        ))}
        <text className="timeline__label" x={PAD} y={HEIGHT - 4}>
          {formatTime(from)}
        </text>
        <text className="timeline__label" x={WIDTH - PAD} y={HEIGHT - 4} textAnchor="end">
          {formatTime(to)}
        </text>
      </svg>
      <figcaption className="muted">
        Dots: the account’s jobs (green delivered, red failed, grey unfinished; the large one is matched).
        Line: stated time. Light band: the window. Shaded: outages.
      </figcaption>
    </figure>
  );
}
