import type uPlot from 'uplot';
import type { AnomalyMark } from '../../../shared/outages';
import type { OutageSpan } from '../../../shared/policy/indexes';

export interface ChartColors {
  platform: string;
  customer: string;
  unknown: string;
  band: string;
  bandEdge: string;
  bandText: string;
  anomaly: string;
  axis: string;
  grid: string;
}

/** Reads the theme's colours once per chart, so the canvas follows light and dark like the page. */
export function chartColors(element: Element): ChartColors {
  const style = getComputedStyle(element);
  const v = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
  return {
    platform: v('--chart-platform', '#c2410c'),
    customer: v('--chart-customer', '#2f54c9'),
    unknown: v('--chart-unknown', '#8a94a6'),
    band: v('--chart-band', 'rgba(179, 38, 30, 0.10)'),
    bandEdge: v('--chart-band-edge', 'rgba(179, 38, 30, 0.55)'),
    bandText: v('--text', '#1b1f27'),
    anomaly: v('--danger', '#b3261e'),
    axis: v('--text-muted', '#4f5866'),
    grid: v('--border', '#d8dce3'),
  };
}

/** Incident windows as labelled bands behind the bars, clipped to the plotting area. */
export function drawIncidentBands(u: uPlot, incidents: readonly OutageSpan[], colors: ChartColors): void {
  const { ctx } = u;
  const { left, top, width, height } = u.bbox;
  const ratio = devicePixelRatio;
  ctx.save();
  ctx.beginPath();
  ctx.rect(left, top, width, height);
  ctx.clip();
  ctx.font = `${11 * ratio}px system-ui, sans-serif`;
  ctx.textBaseline = 'top';
  let lane = 0;
  for (const span of incidents) {
    const x0 = u.valToPos(span.start, 'x', true);
    const x1 = Math.max(u.valToPos(span.end, 'x', true), x0 + ratio);
    if (x1 < left || x0 > left + width) continue;
    ctx.fillStyle = colors.band;
    ctx.fillRect(x0, top, x1 - x0, height);
    ctx.strokeStyle = colors.bandEdge;
    ctx.lineWidth = ratio;
    ctx.beginPath();
    ctx.moveTo(x0, top);
    ctx.lineTo(x0, top + height);
    ctx.moveTo(x1, top);
    ctx.lineTo(x1, top + height);
    ctx.stroke();
    ctx.fillStyle = colors.bandText;
    // Alternate label rows so that neighbouring incidents do not print over each other.
    ctx.fillText(
      span.outage.incidentId,
      Math.max(x0, left) + 3 * ratio,
      top + (14 + 14 * (lane % 2)) * ratio,
    );
    lane++;
  }
  ctx.restore();
}

/** A red marker above each anomalous hour, and a thin red rule across it. */
export function drawAnomalyMarks(u: uPlot, marks: readonly AnomalyMark[], colors: ChartColors): void {
  const { ctx } = u;
  const { left, top, width } = u.bbox;
  const ratio = devicePixelRatio;
  const size = 5 * ratio;
  ctx.save();
  ctx.fillStyle = colors.anomaly;
  for (const mark of marks) {
    const x0 = u.valToPos(mark.start, 'x', true);
    const x1 = u.valToPos(mark.end, 'x', true);
    if (x1 < left || x0 > left + width) continue;
    const mid = (x0 + x1) / 2;
    ctx.fillRect(x0, top, Math.max(x1 - x0, ratio), 2 * ratio);
    ctx.beginPath();
    ctx.moveTo(mid - size, top + 2 * ratio);
    ctx.lineTo(mid + size, top + 2 * ratio);
    ctx.lineTo(mid, top + 2 * ratio + size * 1.4);
    ctx.closePath();
    ctx.fill();
  }
  ctx.restore();
}
