/**
 * Benchmark (issue 5), in the browser shell: export a credit-back batch of 10,000 approved
 * decisions from the Exports page, then verify the downloaded files on the Audit page.
 * Targets: under 1 s each.
 *
 *   npm run bench:export-web -- [--items 10000] [--profile <dir> [--unminified]] [--no-build]
 *
 * The app is built privately (other work may rebuild dist-web meanwhile), served locally and run
 * in headless Chromium. A reviewer identity and key are set up in Settings; the approved
 * decisions are written into the app's own IndexedDB store (the Decision rows the Review page
 * stores); the page is then reloaded so the app reads them as it would after a review.
 * Prints one JSON line; details go to stderr:
 *   exportMs     click on Export → both files downloaded and the decisions shown as locked
 *   savedMs      click on Export → the page says the batch was exported (files handed over)
 *   buildSignMs  of which, in the app: planning, building and signing the batch
 *   recordMs     of which, in the app: the IndexedDB transaction that records it and locks the decisions
 *   verifyMs     click on Verify → the verdict and the contents table are shown
 *   savedCpuMs   CPU time of all Chromium threads from the click until saved (per thread on stderr)
 *   settleCpuMs  the same from saved until the page shows the decisions locked
 *   exportCpuMs, verifyCpuMs  CPU time of all Chromium processes over each (see chromiumCpuByProcess)
 * With --profile, a Chromium CPU profile of each measured phase is written there.
 */
import { chromium, type CDPSession, type Download, type Page } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { type Server } from 'node:http';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Decision } from '../shared/review/decision';
import { serveDist } from './serve-dist';
import { cpuBetween, threadTimes, type ThreadTimes } from './thread-cpu';
import { chromiumLaunchOptions } from '../test/e2e/chromium';

const ROOT = resolve(__dirname, '..');
const { values } = parseArgs({
  options: {
    items: { type: 'string', default: '10000' },
    profile: { type: 'string' },
    'no-build': { type: 'boolean', default: false },
    /** Readable function names in --profile output. */
    unminified: { type: 'boolean', default: false },
  },
});
const itemCount = Number(values.items);
if (!Number.isInteger(itemCount) || itemCount <= 0) throw new Error('--items must be a positive integer');

function build(work: string): string {
  if (values['no-build']) return join(ROOT, 'dist-web');
  const dist = join(work, 'dist');
  const built = spawnSync(
    'npx',
    [
      'vite',
      'build',
      '--outDir',
      dist,
      '--emptyOutDir',
      '--logLevel',
      'warn',
      ...(values.unminified ? ['--minify', 'false'] : []),
    ],
    {
      cwd: ROOT,
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  if (built.status !== 0 || !existsSync(join(dist, 'index.html'))) throw new Error('vite build failed');
  return dist;
}

/** Approved remedies as the Review page stores them: one generation each, every seventh a re-run. */
function approvedDecisions(count: number, reviewer: string): Decision[] {
  const start = Date.UTC(2026, 10, 20, 8);
  return Array.from({ length: count }, (_, i) => {
    const outcome = i % 7 === 0 ? 'rerun' : 'credit_back';
    return {
      requestId: `REQ-B-${String(i + 1).padStart(6, '0')}`,
      source: 'request',
      accountEmail: `creator${i % 3000}@example.com`,
      jobId: `job_bench_${String(i + 1).padStart(6, '0')}`,
      outcome,
      suggestedOutcome: outcome,
      credits: 10 + (i % 490),
      amountMinor: null,
      currency: null,
      rule: 9,
      reason: 'platform_failure',
      flags: [],
      note: '',
      decidedBy: reviewer,
      decidedAt: new Date(start + i * 1000).toISOString(),
      approvedBy: null,
      approvedAt: null,
      state: 'approved',
      batchId: null,
      settingsSha256: 'b'.repeat(64),
      incidentId: null,
    };
  });
}

/** Writes the rows into the app's decisions store (the app has created the schema by then). */
async function seed(page: Page, decisions: Decision[]): Promise<void> {
  await page.evaluate(
    (rows) =>
      new Promise<void>((done, fail) => {
        const open = indexedDB.open('review-desk');
        open.onerror = () => fail(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction('decisions', 'readwrite');
          const store = tx.objectStore('decisions');
          for (const row of rows) store.put(row);
          tx.oncomplete = () => {
            open.result.close();
            done();
          };
          tx.onerror = () => fail(tx.error);
        };
      }),
    decisions,
  );
}

async function profiled<T>(cdp: CDPSession, name: string, run: () => Promise<T>): Promise<T> {
  if (!values.profile) return run();
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  try {
    return await run();
  } finally {
    const { profile } = await cdp.send('Profiler.stop');
    const dir = resolve(values.profile);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, `${name}.cpuprofile`), JSON.stringify(profile));
  }
}

/**
 * CPU time (user + system, ms) of each kind of process of the Chromium using `profile`: the page, the
 * browser and its storage service, where IndexedDB does its work. Read from /proc (Linux); on a
 * shared machine it moves far less with the load than wall time does.
 */
function chromiumCpuByProcess(profile: string): Record<string, number> {
  if (!existsSync('/proc')) return {};
  const pids = readdirSync('/proc').filter((p) => /^\d+$/.test(p));
  const read = (path: string) => {
    try {
      return readFileSync(path, 'utf8');
    } catch {
      return ''; // the process ended meanwhile
    }
  };
  const stats = new Map<string, string[]>();
  for (const pid of pids) {
    // Fields after the command name, which is in parentheses and may hold spaces.
    const stat = read(`/proc/${pid}/stat`);
    stats.set(pid, stat.slice(stat.lastIndexOf(')') + 2).split(' '));
  }
  const browser = pids.filter((pid) => {
    const args = read(`/proc/${pid}/cmdline`).split(/[\0 ]/);
    return args.includes(`--user-data-dir=${profile}`) && !args.some((a) => a.startsWith('--type='));
  });
  const family = new Set(browser);
  for (let grew = true; grew;) {
    grew = false;
    for (const [pid, fields] of stats) {
      if (!family.has(pid) && family.has(fields[1] ?? '')) {
        family.add(pid);
        grew = true;
      }
    }
  }
  const ticks = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout) || 100;
  const byKind: Record<string, number> = {};
  for (const pid of family) {
    // Chromium rewrites its children's command lines as one space-separated string.
    const args = read(`/proc/${pid}/cmdline`).split(/[\0 ]/);
    const flag = (name: string) => args.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
    const kind = flag('utility-sub-type')?.split('.')[0] ?? flag('type') ?? 'browser';
    const fields = stats.get(pid) ?? [];
    const ms = ((Number(fields[11] ?? 0) + Number(fields[12] ?? 0)) * 1000) / ticks; // utime, stime
    byKind[kind] = Math.round((byKind[kind] ?? 0) + ms);
  }
  return byKind;
}

function cpuSince(before: Record<string, number>, after: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(after).map(([kind, ms]) => [kind, ms - (before[kind] ?? 0)]));
}

/** Clicks a button from inside the page, so the clock starts in the page itself. */
async function clickTimed(page: Page, label: RegExp | string): Promise<void> {
  const button = page.getByRole('button', { name: label, exact: typeof label === 'string' });
  await button.waitFor();
  await button.evaluate((b: HTMLButtonElement) => {
    (window as unknown as { benchStart: number }).benchStart = performance.now();
    b.click();
  });
}

/** What the page shows when a measured step is done. */
type Done = 'recorded' | 'locked' | 'verified';

/** Milliseconds from the timed click until the page shows the step done, polled every frame. */
async function elapsedUntil(page: Page, done: Done): Promise<number> {
  const handle = await page.waitForFunction(
    (step: Done) => {
      const holds =
        step === 'recorded'
          ? /exported and its \d+ decisions locked/.test(document.body.innerText)
          : step === 'locked'
            ? !document.querySelector('[data-testid="next-items"]')
            : !!document.querySelector('[data-testid="verify-verdict"]');
      return holds ? performance.now() - (window as unknown as { benchStart: number }).benchStart : null;
    },
    done,
    { timeout: 600_000, polling: 'raf' },
  );
  return Math.round((await handle.jsonValue()) as number);
}

/** CPU ms of each Chromium thread (by name, over 20 ms) between two snapshots, and their sum. */
function threadCpu(before: ThreadTimes, after: ThreadTimes) {
  const threads = cpuBetween(before, after);
  const ms = (seconds: number) => Math.round(seconds * 1000);
  return {
    totalMs: ms(threads.reduce((sum, [, seconds]) => sum + seconds, 0)),
    top: Object.fromEntries(threads.filter(([, s]) => s >= 0.02).map(([name, s]) => [name, ms(s)])),
  };
}

async function exportBatch(page: Page, work: string, profile: string) {
  const downloads: Download[] = [];
  const bothDownloaded = new Promise<void>((done) => {
    page.on('download', (download) => {
      downloads.push(download);
      if (downloads.length === 2) done();
    });
  });
  const browserArg = `--user-data-dir=${profile}`;
  const atClick = threadTimes(browserArg);
  await clickTimed(page, new RegExp(`^Export signed batch \\(${itemCount}\\)$`));
  // The browser shell's save is a download started in the page, before the message is shown.
  const savedMs = await elapsedUntil(page, 'recorded');
  const atSaved = threadTimes(browserArg);
  const exportMs = await elapsedUntil(page, 'locked');
  const atLocked = threadTimes(browserArg);
  const toSaved = threadCpu(atClick, atSaved);
  const settling = threadCpu(atSaved, atLocked);
  console.error(`CPU of Chromium's threads, click to saved (ms): ${JSON.stringify(toSaved.top)}`);
  console.error(`CPU of Chromium's threads, saved to shown locked (ms): ${JSON.stringify(settling.top)}`);
  // The app's own measures of its two parts (renderer/data/exports.ts).
  const parts = await page.evaluate(() => {
    const last = (name: string) => Math.round(performance.getEntriesByName(name).at(-1)?.duration ?? NaN);
    return { buildSignMs: last('export:build-and-sign'), recordMs: last('export:record') };
  });
  await bothDownloaded;
  const paths: string[] = [];
  for (const download of downloads) {
    const path = join(work, download.suggestedFilename());
    await download.saveAs(path);
    paths.push(path);
  }
  // The two downloads may be reported in either order.
  const signature = paths.find((path) => path.endsWith('.sig'))!;
  const cpu = { savedCpuMs: toSaved.totalMs, settleCpuMs: settling.totalMs };
  return { savedMs, exportMs, ...parts, ...cpu, file: paths.find((path) => path !== signature)!, signature };
}

async function choose(page: Page, label: string, slot: string, path: string) {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: `Choose ${label}` }).click();
  await (await chooser).setFiles(path);
  await page.getByTestId(`verify-${slot}-name`).filter({ hasNotText: '—' }).waitFor();
}

async function main() {
  const work = mkdtempSync(join(tmpdir(), 'bench-export-web-'));
  let server: Server | null = null;
  try {
    let t = Date.now();
    const dist = build(work);
    console.error(`built in ${Date.now() - t} ms`);
    const served = await serveDist(dist);
    server = served.server;
    const context = await chromium.launchPersistentContext(join(work, 'profile'), {
      ...chromiumLaunchOptions(),
      headless: true,
      acceptDownloads: true,
      viewport: { width: 1400, height: 900 },
    });
    try {
      const page = context.pages()[0] ?? (await context.newPage());
      // tsx keeps function names with a helper the page lacks; the measuring code needs it there.
      await page.addInitScript('globalThis.__name = (f) => f;');
      page.on('pageerror', (error) => console.error(`page error: ${error.message}`));
      const cdp = await context.newCDPSession(page);
      const reviewer = 'bench@finance';
      await page.goto(`${served.url}#/settings`);
      await page.getByLabel('Identity', { exact: true }).fill(reviewer);
      await page.getByRole('button', { name: 'Save identity' }).click();
      await page.getByRole('button', { name: 'Generate Ed25519 key' }).click();
      const allowedLine = page.getByTestId('public-key-allowed-signers');
      await allowedLine.and(page.locator(`[value^="${reviewer} ssh-ed25519 "]`)).waitFor();
      const allowedPath = join(work, 'allowed_signers');
      writeFileSync(allowedPath, `${await allowedLine.inputValue()}\n`);

      t = Date.now();
      await seed(page, approvedDecisions(itemCount, reviewer));
      console.error(`seeded ${itemCount} approved decisions in ${Date.now() - t} ms`);
      await page.goto(`${served.url}#/exports`);
      await page.reload();
      await page
        .getByTestId('next-items')
        .filter({ hasText: String(itemCount) })
        .waitFor({ timeout: 120_000 });
      // Let the page's first reads and renders finish, so the click is measured alone.
      await page.waitForTimeout(1500);

      const profile = join(work, 'profile');
      let cpu = chromiumCpuByProcess(profile);
      const exported = await profiled(cdp, 'export', () => exportBatch(page, work, profile));
      const exportCpu = cpuSince(cpu, chromiumCpuByProcess(profile));
      console.error(
        `export: ${exported.exportMs} ms until downloaded and shown locked (saved after ${exported.savedMs} ms; in the app: build and sign ${exported.buildSignMs} ms, IndexedDB transaction ${exported.recordMs} ms)`,
      );

      // A fresh page, as when someone opens a batch to check it: nothing of the export is in memory.
      await page.goto(`${served.url}#/audit`);
      await page.reload();
      await choose(page, 'Export file', 'file', exported.file);
      await choose(page, 'Signature (.sig)', 'signature', exported.signature);
      await choose(page, 'allowed_signers', 'allowed', allowedPath);
      cpu = chromiumCpuByProcess(profile);
      const verifyMs = await profiled(cdp, 'verify', async () => {
        await clickTimed(page, 'Verify');
        return elapsedUntil(page, 'verified');
      });
      const verifyCpu = cpuSince(cpu, chromiumCpuByProcess(profile));
      const total = (parts: Record<string, number>) => Object.values(parts).reduce((a, b) => a + b, 0);
      const [exportCpuMs, verifyCpuMs] = [total(exportCpu), total(verifyCpu)];
      const verdict = await page.getByTestId('verify-verdict').innerText();
      console.error(`verify: ${verifyMs} ms, ${verdict}`);
      console.error(
        `CPU time of Chromium's processes (ms): export ${JSON.stringify(exportCpu)}, verify ${JSON.stringify(verifyCpu)}`,
      );
      if (verdict !== 'Valid credit-back batch') {
        for (const check of await page.locator('[data-testid^="check-"]').allInnerTexts())
          console.error(`  ${check}`);
        throw new Error('the exported batch did not verify');
      }
      console.log(
        JSON.stringify({
          items: itemCount,
          exportMs: exported.exportMs,
          savedMs: exported.savedMs,
          savedCpuMs: exported.savedCpuMs,
          settleCpuMs: exported.settleCpuMs,
          buildSignMs: exported.buildSignMs,
          recordMs: exported.recordMs,
          verifyMs,
          exportCpuMs,
          verifyCpuMs,
          load1: Number(loadavg()[0]!.toFixed(2)),
        }),
      );
    } finally {
      await context.close();
    }
  } finally {
    server?.close();
    rmSync(work, { recursive: true, force: true });
  }
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
