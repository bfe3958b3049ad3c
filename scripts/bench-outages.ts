/**
 * Outages benchmark: `npm run bench:outages [-- --rows N --affected M --keep DIR]` (defaults 1,000,000 jobs
 * over a month and an incident with 10,000 affected jobs, plus one ledger deduction per job).
 * The generated files go through the app's real import (the built browser shell in headless
 * Chromium, built privately for the run, the Import page, its worker, IndexedDB on disk); then the Outages page is opened
 * fresh and the incident is opened twice. Prints one JSON line; details go to stderr:
 *   chartFirstMs    first visit after the import: the page asks for the hourly failures → first
 *                   frame of the chart (counted in the background after the import; with --keep
 *                   on a kept profile, the caches are dropped instead, so this is the page
 *                   counting them itself: a visit before the background count is done)
 *   chartMs         a later visit (page reloaded): the same, from the cached counts
 *   chartFromLoadMs that later visit, from navigation start (includes the app's own start)
 *   readyMs         chart shown → failed jobs and their ledger rows in the worker's memory
 *   incidentMs      click on the incident → its report with every affected job shown
 *   incidentAgainMs the same incident opened again
 */
import { chromium, type Page } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startProfile } from './page-profile';
import { serveDist } from './serve-dist';
import { chromiumLaunchOptions } from '../test/e2e/chromium';
import { BIG_INCIDENT, generateOutageData } from './bench-outages-data';

const ROOT = resolve(__dirname, '..');

const USAGE = 'usage: bench:outages [-- --rows N --affected M --keep DIR]';

function options(): { rows: number; affected: number; keep: string | null } {
  const argv = process.argv.slice(2);
  const out: { rows: number; affected: number; keep: string | null } = {
    rows: 1_000_000,
    affected: 10_000,
    keep: null,
  };
  for (let i = 0; i < argv.length; i += 2) {
    const value = Number(argv[i + 1]);
    if (argv[i] === '--rows' && Number.isInteger(value) && value > 0) out.rows = value;
    else if (argv[i] === '--affected' && Number.isInteger(value) && value > 0) out.affected = value;
    else if (argv[i] === '--keep' && argv[i + 1]) out.keep = resolve(argv[i + 1]!);
    else throw new Error(USAGE);
  }
  return out;
}

/** Stands in for a fresh import on a kept profile: the Outages worker's caches are dropped. */
async function dropOutagesCaches(page: Page) {
  await page.evaluate(async () => {
    const open = indexedDB.open('review-desk');
    const db: IDBDatabase = await new Promise((r) => (open.onsuccess = () => r(open.result)));
    const store = db.transaction('settings', 'readwrite').objectStore('settings');
    const keys: IDBValidKey[] = await new Promise((r) => {
      const q = store.getAllKeys();
      q.onsuccess = () => r(q.result);
    });
    for (const key of keys) if (String(key).startsWith('outages.')) store.delete(key);
    await new Promise((r) => (store.transaction.oncomplete = r));
    db.close();
  });
}

async function importThrough(page: Page, file: string) {
  const name = file.split(/[/\\]/).pop()!;
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Choose files…' }).first().click();
  await (await chooser).setFiles(file);
  const button = page.getByRole('button', { name: `Import ${name}` });
  await page.waitForFunction(
    (n) => {
      const b = [...document.querySelectorAll('button')].find((x) => x.textContent === `Import ${n}`);
      return b !== undefined && !(b as HTMLButtonElement).disabled;
    },
    name,
    { timeout: 600_000 },
  );
  const t = Date.now();
  await button.click();
  const session = page.getByTestId('import-session').filter({ has: page.getByRole('heading', { name }) });
  await session
    .getByRole('status')
    .filter({ hasText: /^Imported / })
    .waitFor({ timeout: 3_600_000 });
  console.error(`imported ${name} in ${Date.now() - t} ms`);
  await session.getByRole('button', { name: 'Close' }).click();
}

async function mark(
  page: Page,
  name: string,
  timeout = 120_000,
): Promise<{ startTime: number; detail: Record<string, number> }> {
  const handle = await page.waitForFunction(
    (n) => {
      const entries = performance.getEntriesByName(n) as PerformanceMark[];
      const last = entries[entries.length - 1];
      return last ? { startTime: last.startTime, detail: last.detail as Record<string, number> } : null;
    },
    name,
    { timeout, polling: 20 },
  );
  return (await handle.jsonValue()) as { startTime: number; detail: Record<string, number> };
}

/**
 * After an import the suggestion worker re-reads everything and the outages worker counts the
 * failures per hour and caches the failed jobs' ledger rows in the background; let both finish
 * before measuring.
 */
async function settle(page: Page) {
  await page.waitForFunction(
    async () => {
      const open = indexedDB.open('review-desk');
      const db: IDBDatabase = await new Promise((r) => (open.onsuccess = () => r(open.result)));
      // No named functions in here: tsx would wrap them in a helper the page does not have.
      const found: unknown[] = [];
      for (const key of ['suggestions.stamp', 'outages.cache.ledger'])
        found.push(
          await new Promise<unknown>((r) => {
            const q = db.transaction('settings').objectStore('settings').get(key);
            q.onsuccess = () => r(q.result);
          }),
        );
      const batches: { id: string; status: string; stored: number }[] = await new Promise((r) => {
        const q = db.transaction('importBatches').objectStore('importBatches').getAll();
        q.onsuccess = () => r(q.result);
      });
      db.close();
      // The outages worker's caches are keyed by every batch's id, status and rows stored.
      const stamp = batches
        .map((b) => `${b.id}:${b.status}:${b.stored}`)
        .sort()
        .join(',');
      const ledger = found[1] as { value?: { key?: string } } | undefined;
      return found[0] !== undefined && ledger?.value?.key?.startsWith(`${stamp}|`) === true;
    },
    undefined,
    { timeout: 600_000, polling: 1000 },
  );
  await page.waitForTimeout(2000);
}

async function openIncident(page: Page): Promise<{ ms: number; wallMs: number; jobs: number }> {
  await page.evaluate(() => performance.clearMarks('outages:incident-shown'));
  const t = Date.now();
  await page.getByTestId('incident-list').getByRole('link', { name: BIG_INCIDENT.id, exact: true }).click();
  const shown = await mark(page, 'outages:incident-shown');
  await page.getByTestId('affected-jobs').locator('[role="row"]').first().waitFor();
  console.error(`  (worker ${Math.round(shown.detail.workerMs!)} ms)`);
  return { ms: Math.round(shown.detail.ms!), wallMs: Date.now() - t, jobs: shown.detail.jobs! };
}

async function main() {
  const { rows, affected, keep } = options();
  // --keep DIR imports once into DIR's profile and later runs reuse it (quick iterations).
  const work = keep ?? mkdtempSync(join(tmpdir(), 'bench-outages-'));
  mkdirSync(work, { recursive: true });
  const imported = join(work, 'imported');
  const reuse = keep !== null && existsSync(imported);
  try {
    let t = Date.now();
    if (!reuse) {
      await generateOutageData(work, rows, affected);
      console.error(`generated ${rows} jobs and ledger rows, ${affected} affected, in ${Date.now() - t} ms`);
    }
    // A private build: other work in the checkout may rebuild dist-web while this runs.
    const dist = join(work, 'dist');
    const built = spawnSync(
      'npx',
      ['vite', 'build', '--outDir', dist, '--emptyOutDir', '--logLevel', 'warn'],
      {
        cwd: ROOT,
        stdio: ['ignore', 'ignore', 'inherit'],
      },
    );
    if (built.status !== 0 || !existsSync(join(dist, 'index.html'))) throw new Error('vite build failed');
    // A kept profile's data belongs to the origin it was imported on, port included.
    const port = reuse ? Number(readFileSync(imported, 'utf8').trim().split(' ')[2]) : 0;
    const { server, url } = await serveDist(dist, port);
    const context = await chromium.launchPersistentContext(join(work, 'profile'), {
      ...chromiumLaunchOptions(),
      headless: true,
      viewport: { width: 1400, height: 900 },
    });
    try {
      const page = context.pages()[0] ?? (await context.newPage());
      page.on('console', (message) => {
        if (message.text().startsWith('outages:') || message.type() === 'error')
          console.error(`  ${message.text()}`);
      });
      page.on('pageerror', (error) => console.error(`  page error: ${error.message}`));
      await page.goto(`${url}#/import`);
      if (reuse) await dropOutagesCaches(page);
      else {
        for (const kind of ['jobs', 'ledger', 'outages'])
          await importThrough(page, join(work, `${kind}.csv`));
        t = Date.now();
        await settle(page);
        console.error(`suggestion worker settled after ${Date.now() - t} ms`);
        if (keep !== null) writeFileSync(imported, `${rows} ${affected} ${new URL(url).port}\n`);
      }

      await page.goto(`${url}#/outages`);
      await page.reload();
      const first = await mark(page, 'outages:chart-drawn').catch(async (error: unknown) => {
        if (keep !== null) await page.screenshot({ path: join(keep, 'timeout.png') });
        throw error;
      });
      const chartFirstMs = Math.round(first.detail.ms!);
      console.error(
        `chart, first visit: ${chartFirstMs} ms (worker ${Math.round(first.detail.workerMs!)} ms)`,
      );
      await mark(page, 'outages:ready', 600_000);
      await page.reload();
      const drawn = await mark(page, 'outages:chart-drawn');
      const chartMs = Math.round(drawn.detail.ms!);
      const chartFromLoadMs = Math.round(drawn.startTime);
      console.error(
        `chart, later visit: ${chartMs} ms to first frame (worker ${Math.round(drawn.detail.workerMs!)} ms), ${chartFromLoadMs} ms from navigation`,
      );
      const ready = await mark(page, 'outages:ready', 600_000);
      const readyMs = Math.round(ready.startTime - drawn.startTime);
      console.error(`worker ready ${readyMs} ms after the chart`);
      const profiling = process.env['BENCH_CPU_PROFILE'] ? await startProfile(page) : null;
      const cold = await openIncident(page);
      if (profiling) await profiling();
      console.error(
        `incident ${BIG_INCIDENT.id}: ${cold.jobs} affected jobs shown in ${cold.ms} ms (${cold.wallMs} ms wall)`,
      );
      await page.getByRole('button', { name: '← All incidents' }).click();
      const warm = await openIncident(page);
      console.error(`again: ${warm.ms} ms (${warm.wallMs} ms wall)`);
      console.log(
        JSON.stringify({
          jobs: reuse ? Number(readFileSync(imported, 'utf8').split(' ')[0]) : rows,
          affectedJobs: cold.jobs,
          chartFirstMs,
          chartMs,
          chartFromLoadMs,
          readyMs,
          incidentMs: cold.ms,
          incidentAgainMs: warm.ms,
        }),
      );
    } finally {
      await context.close();
      server.close();
    }
  } finally {
    if (keep === null) rmSync(work, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
