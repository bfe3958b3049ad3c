import { existsSync, readFileSync, readdirSync } from 'node:fs';

/**
 * CPU time per thread of a Chromium and its children, from /proc (Linux). Wall time on a shared
 * 2-core machine says little; a thread's CPU seconds say where an import's work went (the page,
 * each worker, the browser's storage threads), whatever else the machine was doing.
 */
export type ThreadTimes = Map<string, { name: string; seconds: number }>;

const TICKS_PER_SECOND = 100;

function read(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}

function processesOf(browserArg: string): string[] {
  if (!existsSync('/proc')) return [];
  const pids = readdirSync('/proc').filter((p) => /^\d+$/.test(p));
  const root = pids.find((p) => {
    const args = read(`/proc/${p}/cmdline`).split('\0');
    return args.includes(browserArg) && !args.some((a) => a.startsWith('--type='));
  });
  if (!root) return [];
  const parent = new Map(pids.map((p) => [p, /PPid:\s+(\d+)/.exec(read(`/proc/${p}/status`))?.[1] ?? '']));
  const within = (pid: string) => {
    for (let p = pid, i = 0; p && i < 6; p = parent.get(p) ?? '', i++) if (p === root) return true;
    return false;
  };
  return pids.filter(within);
}

export function threadTimes(browserArg: string): ThreadTimes {
  const times: ThreadTimes = new Map();
  for (const pid of processesOf(browserArg)) {
    const kind = /--type=([a-z-]+)/.exec(read(`/proc/${pid}/cmdline`).replace(/\0/g, ' '))?.[1] ?? 'browser';
    let tids: string[];
    try {
      tids = readdirSync(`/proc/${pid}/task`);
    } catch {
      continue;
    }
    for (const tid of tids) {
      const stat = read(`/proc/${pid}/task/${tid}/stat`);
      const close = stat.lastIndexOf(')');
      if (close < 0) continue;
      const name = stat.slice(stat.indexOf('(') + 1, close);
      const fields = stat.slice(close + 2).split(' ');
      const seconds = (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
      times.set(`${pid}/${tid}`, { name: `${kind}: ${name}`, seconds });
    }
  }
  return times;
}

/** CPU seconds spent between two snapshots, summed by thread name, largest first. */
export function cpuBetween(before: ThreadTimes, after: ThreadTimes): [string, number][] {
  const byName = new Map<string, number>();
  for (const [id, t] of after) {
    const spent = t.seconds - (before.get(id)?.seconds ?? 0);
    if (spent > 0) byName.set(t.name, (byName.get(t.name) ?? 0) + spent);
  }
  return [...byName.entries()].sort((a, b) => b[1] - a[1]);
}
