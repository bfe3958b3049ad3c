import { formatUtc } from './chart-data';

export const count = (n: number) => n.toLocaleString('en-US');

export function formatWindow(start: number, end: number): string {
  const sameDay = formatUtc(start).slice(0, 10) === formatUtc(end).slice(0, 10);
  return `${formatUtc(start)} – ${formatUtc(end, !sameDay)} UTC`;
}

export function formatDuration(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  return minutes % 60 === 0 ? `${hours} h` : `${hours} h ${minutes % 60} min`;
}
