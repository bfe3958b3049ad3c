/**
 * Import benchmark: `npm run bench:import -- --rows N` (generates a realistic job log) or
 * `-- --jobs FILE`. Imports through the app's real path: the built browser shell in headless
 * Chromium, the Import page, the worker, Dexie and IndexedDB on disk (a persistent profile).
 * Prints one JSON line: {"rows":N,"ms":T,"rowsPerSec":R,"peakHeapMB":M}; details go to stderr.
 * `ms` runs from the click on Import to the batch being recorded complete, i.e. stored,
 * indexed and queryable. peakHeapMB is the peak resident memory of the renderer process that runs
 * the page and its import worker (read from /proc), an upper bound of their JS heaps.
 */
import { chromium, type Page, type Worker } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { serveDist } from './serve-dist';
import { chromiumLaunchOptions } from '../test/e2e/chromium';
import { generateJobs } from '../test/e2e/import-job-log';
import { startProfile } from './page-profile';
import { cpuBetween, threadTimes } from './thread-cpu';

const ROOT = resolve(__dirname, '..');
const DIST = join(ROOT, 'dist-web');

function args(): { jobs: string | null; rows: number; save: string | null } {
  const argv = process.argv.slice(2);
  const value = (name: string) => {
    const i = argv.indexOf(name);
    return i === -1 ? null : (argv[i + 1] ?? null);
  };
  for (let i = 0; i < argv.length; i += 2) {
    if (!['--jobs', '--rows', '--save'].includes(argv[i]!)) {
      throw new Error(
        `unknown option ${argv[i]}; usage: bench:import -- --jobs FILE | --rows N [--save FILE]`,
      );
    }
  }
  const jobs = value('--jobs');
  const rows = Number(value('--rows') ?? 1_000_000);
  if (!jobs && (!Number.isInteger(rows) || rows <= 0))
    throw new Error('usage: bench:import -- --jobs FILE | --rows N');
  return { jobs, rows, save: value('--save') };
}

type MemoryPerformance = Performance & { memory?: { usedJSHeapSize: number } };

async function heapOf(target: Page | Worker): Promise<number> {
  try {
    const measure = () => (performance as MemoryPerformance).memory?.usedJSHeapSize ?? 0;
    return await ('mainFrame' in target ? target.evaluate(measure) : target.evaluate(measure));
  } catch {
    return 0;
  }
}

/**
 * Resident memory of the renderer processes of the Chromium using `profile`, from /proc (Linux).
 * The page's renderer holds the page and the import worker, so its peak bounds their heaps.
 */
function rendererRssBytes(profile: string): number {
  if (!existsSync('/proc')) return 0;
  const cmdline = (pid: string) => {
    try {
      return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
    } catch {
      return [];
    }
  };
  const pids = readdirSync('/proc').filter((p) => /^\d+$/.test(p));
  const browser = pids.find(
    (p) =>
      cmdline(p).some((a) => a === `--user-data-dir=${profile}`) &&
      !cmdline(p).some((a) => a.startsWith('--type=')),
  );
  if (!browser) return 0;
  let peak = 0;
  for (const pid of pids) {
    // Chromium rewrites its children's argv into one string, so match on the joined text.
    if (!cmdline(pid).join(' ').includes('--type=renderer')) continue;
    try {
      const status = readFileSync(`/proc/${pid}/status`, 'utf8');
      const ppid = /PPid:\s+(\d+)/.exec(status)?.[1];
      if (ppid !== browser && !isDescendant(ppid ?? '', browser)) continue;
      const rss = Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) * 1024;
      peak = Math.max(peak, rss);
    } catch {
      // The process ended between listing and reading.
    }
  }
  return peak;
}

function isDescendant(pid: string, ancestor: string): boolean {
  for (let i = 0; i < 4 && pid && pid !== '1'; i++) {
    if (pid === ancestor) return true;
    try {
      pid = /PPid:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? '';
    } catch {
      return false;
    }
  }
  return false;
}

async function main() {
  const options = args();
  const work = mkdtempSync(join(tmpdir(), 'bench-import-'));
  try {
    // --save FILE keeps the generated log, to import the same bytes again with --jobs FILE.
    let file = options.jobs ? resolve(options.jobs) : resolve(options.save ?? join(work, 'jobs.csv'));
    if (!options.jobs) {
      const t = Date.now();
      await generateJobs(file, options.rows);
      console.error(
        `generated ${options.rows} rows, ${(statSync(file).size / 1e6).toFixed(1)} MB in ${Date.now() - t} ms`,
      );
    }
    file = resolve(file);
    if (!existsSync(join(DIST, 'index.html'))) {
      const built = spawnSync('npx', ['vite', 'build'], { cwd: ROOT, stdio: 'inherit' });
      if (built.status !== 0) throw new Error('vite build failed');
    }
    const { server, url } = await serveDist(DIST);
    const launch = chromiumLaunchOptions();
    const profile = join(work, 'profile');
    const context = await chromium.launchPersistentContext(profile, {
      ...launch,
      args: [...(launch.args ?? []), '--enable-precise-memory-info'],
      headless: true,
    });
    try {
      const page = context.pages()[0] ?? (await context.newPage());
      const workers = new Set<Worker>();
      page.on('worker', (w) => {
        workers.add(w);
        w.once('close', () => workers.delete(w));
      });
      await page.goto(`${url}#/import`);
      const chooser = page.waitForEvent('filechooser');
      await page.getByRole('button', { name: 'Choose files…' }).first().click();
      await (await chooser).setFiles(file);
      const fileName = file.split(/[/\\]/).pop()!;
      const button = page.getByRole('button', { name: `Import ${fileName}` });
      await button.waitFor({ state: 'visible', timeout: 120_000 });
      await page.waitForFunction((name) => {
        const b = [...document.querySelectorAll('button')].find((x) => x.textContent === `Import ${name}`);
        return b !== undefined && !(b as HTMLButtonElement).disabled;
      }, fileName);

      let peak = 0;
      let peakRss = 0;
      let sampling = true;
      const sampler = (async () => {
        while (sampling) {
          let total = await heapOf(page);
          for (const w of workers) total += await heapOf(w);
          peak = Math.max(peak, total);
          peakRss = Math.max(peakRss, rendererRssBytes(profile));
          await new Promise((r) => setTimeout(r, 250));
        }
      })();
      // The page must stay responsive: record its longest main-thread task during the import.
      await page.evaluate(() => {
        const w = window as unknown as { longestTaskMs: number };
        w.longestTaskMs = 0;
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries()) w.longestTaskMs = Math.max(w.longestTaskMs, entry.duration);
        }).observe({ type: 'longtask' });
      });
      const profiling = process.env['BENCH_CPU_PROFILE'] ? await startProfile(page) : null;
      const cpuBefore = threadTimes(`--user-data-dir=${profile}`);
      const t0 = Date.now();
      await button.click();
      const done = page
        .getByTestId('import-session')
        .getByRole('status')
        .filter({ hasText: /^Imported / });
      const failed = page.getByTestId('import-session').getByRole('alert');
      await Promise.race([done.waitFor({ timeout: 3_600_000 }), failed.waitFor({ timeout: 3_600_000 })]);
      const ms = Date.now() - t0;
      const cpu = cpuBetween(cpuBefore, threadTimes(`--user-data-dir=${profile}`));
      if (profiling) await profiling();
      sampling = false;
      await sampler;
      if (await failed.isVisible()) throw new Error(`import failed: ${await failed.innerText()}`);
      const counts = await page
        .locator('dl[aria-label="Import counts"] [data-count="accepted"] dd')
        .innerText();
      const rows = Number(counts.replace(/,/g, ''));
      const probe = await page.evaluate(async () => {
        const t = performance.now();
        const open = indexedDB.open('review-desk');
        const db: IDBDatabase = await new Promise((r) => (open.onsuccess = () => r(open.result)));
        const blocks: number = await new Promise((r) => {
          const q = db.transaction('rowBlocks').objectStore('rowBlocks').count();
          q.onsuccess = () => r(q.result);
        });
        db.close();
        return { blocks, ms: performance.now() - t };
      });
      console.error(await done.innerText());
      console.error(await page.getByTestId('import-phases').innerText());
      const longest = await page.evaluate(
        () => (window as unknown as { longestTaskMs: number }).longestTaskMs,
      );
      const total = cpu.reduce((sum, [, s]) => sum + s, 0);
      console.error(
        `CPU during the import: ${total.toFixed(1)} s in all; ` +
          cpu
            .slice(0, 8)
            .map(([name, s]) => `${name} ${s.toFixed(1)} s`)
            .join(' · '),
      );
      console.error(`longest main-thread task during the import: ${Math.round(longest)} ms`);
      console.error(
        `peak JS heap (page + worker where measurable) ${Math.round(peak / 1048576)} MB; peak renderer RSS ${Math.round(peakRss / 1048576)} MB`,
      );
      console.error(
        `stored ${rows} rows in ${probe.blocks} row blocks; file ${(statSync(file).size / 1e6).toFixed(1)} MB`,
      );
      console.log(
        JSON.stringify({
          rows,
          ms,
          rowsPerSec: Math.round((rows / ms) * 1000),
          peakHeapMB: Math.round(Math.max(peak, peakRss) / 1048576),
        }),
      );
    } finally {
      await context.close();
      server.close();
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
