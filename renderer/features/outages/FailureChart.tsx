import { useEffect, useRef, useState } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import {
  HOUR_MS,
  MINUTE_MS,
  bucketCount,
  bucketSizeFor,
  type AnomalyMark,
  type FailureSeries,
} from '../../../shared/outages';
import type { OutageSpan } from '../../../shared/policy/indexes';
import { chartColors, drawAnomalyMarks, drawIncidentBands } from './chart-drawing';
import { countsAt, formatUtc, stackedData } from './chart-data';

export interface FailureChartProps {
  hourly: FailureSeries;
  incidents: readonly OutageSpan[];
  anomalies: readonly AnomalyMark[];
  /** Minute buckets for a zoomed-in range, from the time index. */
  loadMinutes(from: number, to: number): Promise<FailureSeries>;
  /** Called once, when the first frame is on the canvas, with the time since mount. */
  onFirstDraw?(ms: number): void;
}

const HEIGHT = 280;

/**
 * Failures per hour (per minute once zoomed to 12 hours or less), stacked by class, with incident
 * bands and anomaly marks. Drag to zoom, Shift+drag to pan, double-click to zoom out. uPlot draws
 * one canvas from a few hundred aggregated buckets, never one node per job.
 */
export function FailureChart({ hourly, incidents, anomalies, loadMinutes, onFirstDraw }: FailureChartProps) {
  const hostRef = useRef<HTMLDivElement>(null);
  const tipRef = useRef<HTMLDivElement>(null);
  const plotRef = useRef<uPlot | null>(null);
  const [bucketMs, setBucketMs] = useState(HOUR_MS);
  const [zoomed, setZoomed] = useState(false);
  const props = useRef({ incidents, anomalies, loadMinutes, onFirstDraw });
  useEffect(() => {
    props.current = { incidents, anomalies, loadMinutes, onFirstDraw };
  }, [incidents, anomalies, loadMinutes, onFirstDraw]);

  useEffect(() => {
    const host = hostRef.current;
    if (!host) return;
    const mountedAt = performance.now();
    const colors = chartColors(host);
    const fullRange = { min: hourly.start, max: hourly.start + bucketCount(hourly) * HOUR_MS };
    let shown: FailureSeries = hourly;
    let loadToken = 0;
    let firstDrawn = false;

    const showSeries = (series: FailureSeries, u: uPlot) => {
      shown = series;
      const range = xRange(u);
      u.setData(stackedData(series), false);
      if (range) u.setScale('x', range);
      setBucketMs(series.bucketMs);
    };

    const onScale = (u: uPlot) => {
      const range = xRange(u);
      if (!range) return;
      const { min, max } = range;
      // Unzoomed, uPlot spans the first to the last bucket start: one bucket short of fullRange.
      setZoomed(min > fullRange.min + 1 || max < fullRange.max - HOUR_MS - 1);
      const wanted = bucketSizeFor(max - min);
      if (wanted === HOUR_MS) {
        if (shown.bucketMs !== HOUR_MS) showSeries(hourly, u);
        return;
      }
      const loadedEnd = shown.start + bucketCount(shown) * shown.bucketMs;
      if (shown.bucketMs === MINUTE_MS && min >= shown.start && max <= loadedEnd) return;
      const span = max - min;
      const token = ++loadToken;
      void props.current
        .loadMinutes(Math.max(fullRange.min, min - span), Math.min(fullRange.max, max + span))
        .then((series) => {
          if (token === loadToken && plotRef.current) showSeries(series, plotRef.current);
        });
    };

    const tooltip = (u: uPlot) => {
      const tip = tipRef.current;
      if (!tip) return;
      const idx = u.cursor.idx;
      const counts = idx === null || idx === undefined ? null : countsAt(shown, idx);
      if (!counts || u.cursor.left === undefined || u.cursor.left < 0) {
        tip.hidden = true;
        return;
      }
      const total = counts.platform + counts.customer + counts.unknown;
      const covering = props.current.incidents.filter((s) => s.start < counts.end && s.end >= counts.start);
      const mark = props.current.anomalies.find((m) => m.start <= counts.start && counts.start < m.end);
      const lines = [
        `<strong>${formatUtc(counts.start)}–${formatUtc(counts.end, false)} UTC</strong>`,
        `<span class="chart-key chart-key--platform"></span>Platform ${counts.platform}`,
        `<span class="chart-key chart-key--customer"></span>Customer ${counts.customer}`,
        `<span class="chart-key chart-key--unknown"></span>Unknown ${counts.unknown}`,
        `Total ${total}`,
      ];
      for (const span of covering) lines.push(`Incident ${escapeHtml(span.outage.incidentId)}`);
      if (mark)
        lines.push(
          `<span class="chart-anomaly">Unusual hour: ${mark.failures} &gt; ${mark.threshold} (3× median ${mark.median})${mark.unreported ? ', no incident reported' : ''}</span>`,
        );
      tip.innerHTML = lines.join('<br>');
      tip.hidden = false;
      const left = u.cursor.left + u.bbox.left / devicePixelRatio;
      tip.style.left = `${Math.min(left + 12, host.clientWidth - 230)}px`;
    };

    const bar = uPlot.paths.bars!({ align: 1, size: [1, Infinity], gap: 1 });
    const opts: uPlot.Options = {
      width: Math.max(320, host.clientWidth),
      height: HEIGHT,
      ms: 1,
      tzDate: (ts) => uPlot.tzDate(new Date(ts), 'Etc/UTC'),
      legend: { show: false },
      cursor: {
        drag: { x: true, y: false, setScale: true },
        points: { show: false },
        bind: {
          mousedown: (u, _target, handler) => (event: MouseEvent) => {
            if (!event.shiftKey) return handler(event);
            startPan(u, event);
            return null;
          },
          dblclick: (u) => () => {
            u.setScale('x', fullRange);
            return null;
          },
        },
      },
      scales: { x: { time: true }, y: { range: (_u, _min, max) => [0, Math.max(4, Math.ceil(max * 1.15))] } },
      axes: [
        { stroke: colors.axis, grid: { stroke: colors.grid, width: 1 }, ticks: { stroke: colors.grid } },
        {
          stroke: colors.axis,
          grid: { stroke: colors.grid, width: 1 },
          ticks: { stroke: colors.grid },
          size: 44,
        },
      ],
      series: [
        {},
        {
          label: 'Unknown',
          fill: colors.unknown,
          stroke: colors.unknown,
          paths: bar,
          points: { show: false },
        },
        {
          label: 'Customer',
          fill: colors.customer,
          stroke: colors.customer,
          paths: bar,
          points: { show: false },
        },
        {
          label: 'Platform',
          fill: colors.platform,
          stroke: colors.platform,
          paths: bar,
          points: { show: false },
        },
      ],
      hooks: {
        drawClear: [(u) => drawIncidentBands(u, props.current.incidents, colors)],
        draw: [
          (u) => {
            drawAnomalyMarks(u, props.current.anomalies, colors);
            if (!firstDrawn) {
              firstDrawn = true;
              props.current.onFirstDraw?.(performance.now() - mountedAt);
            }
          },
        ],
        setScale: [(u, key) => key === 'x' && onScale(u)],
        setCursor: [tooltip],
      },
    };
    const plot = new uPlot(opts, stackedData(hourly), host);
    plotRef.current = plot;
    const resize = new ResizeObserver(() =>
      plot.setSize({ width: Math.max(320, host.clientWidth), height: HEIGHT }),
    );
    resize.observe(host);
    return () => {
      resize.disconnect();
      plot.destroy();
      plotRef.current = null;
    };
  }, [hourly]);

  // Bands and marks are drawn from props on every frame: a new list only needs a redraw.
  useEffect(() => {
    plotRef.current?.redraw(false, false);
  }, [incidents, anomalies]);

  const pan = (direction: -1 | 1) => {
    const u = plotRef.current;
    const range = u ? xRange(u) : null;
    if (!u || !range) return;
    const { min, max } = range;
    const step = (max - min) / 2;
    u.setScale('x', { min: min + direction * step, max: max + direction * step });
  };
  const zoomOut = () => {
    const u = plotRef.current;
    if (u) u.setScale('x', { min: hourly.start, max: hourly.start + bucketCount(hourly) * HOUR_MS });
  };

  return (
    <div className="failure-chart">
      <div className="failure-chart__toolbar">
        <span className="muted">
          Failures per {bucketMs === HOUR_MS ? 'hour' : 'minute'} (UTC). Drag to zoom, Shift+drag to pan,
          double-click to zoom out.
        </span>
        <span className="failure-chart__buttons">
          <button type="button" className="button" onClick={() => pan(-1)} disabled={!zoomed}>
            ◀ Earlier
          </button>
          <button type="button" className="button" onClick={() => pan(1)} disabled={!zoomed}>
            Later ▶
          </button>
          <button type="button" className="button" onClick={zoomOut} disabled={!zoomed}>
            Zoom out
          </button>
        </span>
      </div>
      <div className="failure-chart__legend" aria-hidden="true">
        <span>
          <span className="chart-key chart-key--platform" /> Platform
        </span>
        <span>
          <span className="chart-key chart-key--customer" /> Customer
        </span>
        <span>
          <span className="chart-key chart-key--unknown" /> Unknown
        </span>
        <span>
          <span className="chart-key chart-key--band" /> Incident window
        </span>
        <span>
          <span className="chart-key chart-key--anomaly" /> Unusual hour (&gt; 3× trailing median)
        </span>
      </div>
      <div
        className="failure-chart__plot"
        ref={hostRef}
        role="img"
        aria-label={`Failures per ${bucketMs === HOUR_MS ? 'hour' : 'minute'} by class, with ${incidents.length} incident windows and ${anomalies.length} unusual hours`}
        data-bucket={bucketMs === HOUR_MS ? 'hour' : 'minute'}
      >
        <div className="failure-chart__tip" ref={tipRef} hidden role="status" />
      </div>
    </div>
  );
}

function xRange(u: uPlot): { min: number; max: number } | null {
  const scale = u.scales['x'];
  return scale?.min != null && scale.max != null ? { min: scale.min, max: scale.max } : null;
}

function startPan(u: uPlot, down: MouseEvent): void {
  const range = xRange(u);
  if (!range) return;
  const { min, max } = range;
  const perPixel = (max - min) / (u.bbox.width / devicePixelRatio);
  const move = (event: MouseEvent) => {
    const shift = (down.clientX - event.clientX) * perPixel;
    u.setScale('x', { min: min + shift, max: max + shift });
  };
  const up = () => {
    window.removeEventListener('mousemove', move);
    window.removeEventListener('mouseup', up);
  };
  window.addEventListener('mousemove', move);
  window.addEventListener('mouseup', up);
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
