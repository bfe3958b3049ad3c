/**
 * Benchmark (issue 4): in the built browser shell, after a large import through the Import page,
 * opening a request and showing its evidence takes ≤ 100 ms at p95; the suggestions are computed
 * in a worker without freezing the UI; the queue scrolls and filters smoothly.
 *
 *   npm run bench:review -- [--jobs 1000000] [--ledger 1000000] [--payments 54000] [--requests 54000]
 *                           [--opens 200] [--port 0] [--keep DIR] [--no-wait]
 *
 * The data is generated deterministically (scripts/bench-review-data.ts), imported as a reviewer
 * would, and measured in the page with the system Chromium. The app is built privately (other
 * work in the checkout may rebuild dist-web meanwhile). `--keep DIR` imports once into DIR's
 * browser profile and later runs reuse it (quick iterations on the reading code). Opens are
 * measured once the background compaction after the imports has settled; `--no-wait` measures
 * them at once (what a reviewer sees who opens requests while it runs).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium, type Page } from '@playwright/test';
import { chromiumLaunchOptions } from '../test/e2e/chromium';
import { generateReviewBenchData } from './bench-review-data';
import { serveDist } from './serve-dist';

const { values } = parseArgs({
  options: {
    jobs: { type: 'string', default: '1000000' },
    ledger: { type: 'string', default: '1000000' },
    payments: { type: 'string', default: '54000' },
    requests: { type: 'string', default: '54000' },
    opens: { type: 'string', default: '200' },
    port: { type: 'string', default: '0' },
    keep: { type: 'string' },
    'no-wait': { type: 'boolean', default: false },
  },
});
const size = {
  jobs: Number(values.jobs),
  ledger: Number(values.ledger),
  payments: Number(values.payments),
  requests: Number(values.requests),
  accounts: Math.max(50, Math.round(Number(values.jobs) / 16)),
};
const opens = Number(values.opens);
const port = Number(values.port);
const IMPORT_TIMEOUT = 60 * 60_000;

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}
const ms = (n: number) => `${n.toFixed(1)} ms`;
const seconds = (n: number) => `${(n / 1000).toFixed(1)} s`;

async function nav(page: Page, label: string) {
  await page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: label }).click();
}

/** Imports one file through the Import page, as a reviewer does. */
async function importThroughPage(page: Page, path: string): Promise<number> {
  const name = basename(path);
  const started = Date.now();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Choose files…' }).first().click();
  await (await chooser).setFiles([path]);
  const card = page.getByTestId('import-session').filter({ has: page.getByRole('heading', { name }) });
  await card.getByRole('button', { name: `Import ${name}` }).click({ timeout: IMPORT_TIMEOUT });
  await card.getByRole('status').filter({ hasText: 'Imported' }).waitFor({ timeout: IMPORT_TIMEOUT });
  await card.getByRole('button', { name: 'Close' }).click();
  return Date.now() - started;
}

/** Samples the main thread until the suggestions run is done: frame gaps and long tasks. */
async function startMainThreadWatch(page: Page) {
  await page.evaluate(() => {
    const w = window as unknown as { benchWatch: { worstFrame: number; longTasks: number[]; on: boolean } };
    w.benchWatch = { worstFrame: 0, longTasks: [], on: true };
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) w.benchWatch.longTasks.push(entry.duration);
    }).observe({ type: 'longtask' });
    let last = performance.now();
    const tick = () => {
      const now = performance.now();
      w.benchWatch.worstFrame = Math.max(w.benchWatch.worstFrame, now - last);
      last = now;
      if (w.benchWatch.on) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
}

async function stopMainThreadWatch(page: Page) {
  return page.evaluate(() => {
    const w = window as unknown as { benchWatch: { worstFrame: number; longTasks: number[]; on: boolean } };
    w.benchWatch.on = false;
    const tasks = w.benchWatch.longTasks;
    return { worstFrame: w.benchWatch.worstFrame, longTasks: tasks.length, longest: Math.max(0, ...tasks) };
  });
}

/** Request ids straight from IndexedDB (read only): the bench picks which requests to open. */
async function requestIds(page: Page): Promise<string[]> {
  return page.evaluate(
    () =>
      new Promise<string[]>((resolve, reject) => {
        const open = indexedDB.open('review-desk');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const keys = open.result.transaction('suggestions').objectStore('suggestions').getAllKeys();
          keys.onsuccess = () => {
            open.result.close();
            resolve(keys.result as string[]);
          };
        };
      }),
  );
}

/**
 * Opens requests through their deep link, timing until the evidence is painted: the moment the
 * page puts it in the document (seen by a MutationObserver, so no polling frame is added), then
 * the next frame (requestAnimationFrame, then a task after that frame's paint). Until this
 * session the bench polled once per frame and then waited a further frame, which added one to
 * two frames (17–33 ms) that were the bench's and not the page's; `inDom` keeps the first part
 * on its own.
 */
async function measureOpens(page: Page, ids: readonly string[]) {
  return page.evaluate(async (ids) => {
    const times: number[] = [];
    const inDom: number[] = [];
    const loads: number[] = [];
    for (const id of ids) {
      const shown = () => {
        const pane = document.querySelector('[data-testid="request-pane"]');
        return pane?.querySelector('h2')?.textContent === id && pane.querySelector('.evidence') !== null;
      };
      const t0 = performance.now();
      const inDocument = new Promise<number>((resolve) => {
        const observer = new MutationObserver(() => {
          if (!shown()) return;
          observer.disconnect();
          resolve(performance.now());
        });
        observer.observe(document.body, { childList: true, subtree: true, characterData: true });
      });
      window.location.hash = `#/review/${encodeURIComponent(id)}`;
      const t1 = await inDocument;
      await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
      times.push(performance.now() - t0);
      inDom.push(t1 - t0);
      const opened = document.querySelector('[data-testid="open-ms"]')?.textContent ?? '';
      loads.push(Number.parseFloat(opened.replace(/[^\d.]/g, '')));
    }
    return { times, inDom, loads };
  }, ids);
}

async function measureScroll(page: Page) {
  return page.evaluate(async () => {
    const list = document.querySelector('[data-testid="queue-list"]') as HTMLElement;
    const frames: number[] = [];
    let last = performance.now();
    for (let i = 0; i < 240; i++) {
      list.scrollTop += 900;
      await new Promise((resolve) => requestAnimationFrame(resolve));
      const now = performance.now();
      frames.push(now - last);
      last = now;
    }
    return frames;
  });
}

async function measureSearch(page: Page): Promise<number> {
  const search = page.getByRole('searchbox');
  const started = Date.now();
  await search.fill('REQ-R-00001');
  await page.getByTestId('queue-list').locator('li').first().waitFor();
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="queue-list"] li').length <= 10);
  const took = Date.now() - started;
  await search.fill('');
  return took;
}

/** Whether every landed jobs or ledger import has its compacted copy (renderer/data/compaction.ts). */
function compactionSettled(page: Page): Promise<boolean> {
  return page.evaluate(
    () =>
      new Promise<boolean>((resolve, reject) => {
        const open = indexedDB.open('review-desk');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction(['importBatches', 'rowBlocks']);
          const batches = tx.objectStore('importBatches').getAll();
          const marks = tx.objectStore('rowBlocks').index('g').getAll('compacted');
          tx.oncomplete = () => {
            open.result.close();
            const done = new Set((marks.result as { b: string }[]).map((m) => m.b));
            resolve(
              (batches.result as { id: string; kind: string; status: string }[]).every(
                (b) => b.status !== 'complete' || !['jobs', 'ledger'].includes(b.kind) || done.has(b.id),
              ),
            );
          };
        };
      }),
  );
}

async function waitForCompaction(page: Page): Promise<void> {
  const until = Date.now() + IMPORT_TIMEOUT;
  while (!(await compactionSettled(page))) {
    if (Date.now() > until) throw new Error('the compaction did not settle');
    await page.waitForTimeout(500);
  }
}

/** What each open spent in each query (request-view.ts marks `review:opened`), p50 / p95. */
async function openParts(page: Page): Promise<string> {
  const parts = await page.evaluate(() =>
    performance
      .getEntriesByName('review:opened')
      .map((entry) => (entry as PerformanceMark).detail as Record<string, number>),
  );
  const names = [...new Set(parts.flatMap((p) => Object.keys(p)))];
  return names
    .map((name) => {
      const sorted = parts.map((p) => p[name] ?? 0).sort((a, b) => a - b);
      return `${name} ${percentile(sorted, 50).toFixed(1)}/${percentile(sorted, 95).toFixed(1)}`;
    })
    .join(', ');
}

function build(work: string): string {
  const dist = join(work, 'dist');
  const built = spawnSync('npx', ['vite', 'build', '--outDir', dist, '--emptyOutDir', '--logLevel', 'warn'], {
    cwd: resolve(__dirname, '..'),
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (built.status !== 0 || !existsSync(join(dist, 'index.html'))) throw new Error('vite build failed');
  return dist;
}

async function main() {
  const keep = values.keep ?? null;
  const work = keep ?? mkdtempSync(join(tmpdir(), 'bench-review-'));
  mkdirSync(work, { recursive: true });
  const imported = join(work, 'imported');
  const reuse = keep !== null && existsSync(imported);
  const dist = build(work);
  // A kept profile's data belongs to the origin it was imported on, port included.
  const { server, url } = await serveDist(dist, reuse ? Number(readFileSync(imported, 'utf8').trim()) : port);
  const context = await chromium.launchPersistentContext(join(work, 'profile'), {
    ...chromiumLaunchOptions(),
    headless: true,
    viewport: { width: 1500, height: 1000 },
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    // tsx keeps function names with a helper the page lacks; the measuring code needs it there.
    await page.addInitScript('globalThis.__name = (f) => f;');
    page.on('pageerror', (error) => console.error(`page error: ${error.message}`));
    page.on('console', (message) => {
      if (message.text().startsWith('compaction:') || message.type() === 'error')
        console.error(`  ${message.text()}`);
    });
    if (reuse) {
      console.log(`data: kept profile in ${work}`);
      await page.goto(`${url}#/review`);
      await page.getByTestId('queue-list').locator('li').first().waitFor({ timeout: IMPORT_TIMEOUT });
    } else {
      console.log(`data: ${JSON.stringify(size)}`);
      const paths = generateReviewBenchData(work, size);
      await page.goto(`${url}#/settings`);
      await page.getByLabel('Identity', { exact: true }).fill('bench@finance');
      await page.getByRole('button', { name: 'Save identity' }).click();
      await nav(page, 'Import');
      for (const path of paths.slice(0, -1))
        console.log(`import ${basename(path)}: ${seconds(await importThroughPage(page, path))}`);
      // The last import starts the suggestions run that matters; watch the main thread through it.
      await startMainThreadWatch(page);
      const runStarted = Date.now();
      console.log(
        `import ${basename(paths.at(-1) ?? '')}: ${seconds(await importThroughPage(page, paths.at(-1) ?? ''))}`,
      );
      await nav(page, 'Review');
      await page.getByTestId('run-status').waitFor({ timeout: IMPORT_TIMEOUT });
      const watch = await stopMainThreadWatch(page);
      console.log(
        `suggestions: done ${seconds(Date.now() - runStarted)} after the last import started; main thread meanwhile: ${watch.longTasks} long tasks, longest ${ms(watch.longest)}, worst frame gap ${ms(watch.worstFrame)}`,
      );
      console.log(`  ${await page.getByTestId('run-status').innerText()}`);
      if (keep !== null) writeFileSync(imported, `${new URL(url).port}\n`);
      for (const path of paths) rmSync(path, { force: true });
    }
    if (!values['no-wait']) {
      const compactionStarted = Date.now();
      await waitForCompaction(page);
      console.log(`compaction settled ${seconds(Date.now() - compactionStarted)} after the suggestions`);
    }
    const ids = await requestIds(page);

    const sample = Array.from({ length: opens + 5 }, (_, i) => ids[(i * 7919) % ids.length] as string);
    await measureOpens(page, sample.slice(0, 5)); // warm-up
    await page.evaluate(() => performance.clearMarks('review:opened'));
    const measured = await measureOpens(page, sample.slice(5));
    const times = [...measured.times].sort((a, b) => a - b);
    const loads = [...measured.loads].sort((a, b) => a - b);
    console.log(
      `open a request with its evidence (${opens} of ${ids.length}): p50 ${ms(percentile(times, 50))}, p95 ${ms(percentile(times, 95))}, max ${ms(times.at(-1) ?? NaN)}`,
    );
    const inDom = [...measured.inDom].sort((a, b) => a - b);
    console.log(
      `  evidence in the document: p50 ${ms(percentile(inDom, 50))}, p95 ${ms(percentile(inDom, 95))}`,
    );
    console.log(
      `  of which reading from IndexedDB: p50 ${ms(percentile(loads, 50))}, p95 ${ms(percentile(loads, 95))}`,
    );
    console.log(`  each query until it resolved, p50/p95 ms: ${await openParts(page)}`);
    const frames = (await measureScroll(page)).sort((a, b) => a - b);
    console.log(
      `queue scroll, 240 frames of 900 px: p50 ${ms(percentile(frames, 50))}, p95 ${ms(percentile(frames, 95))}`,
    );
    console.log(
      `search by request id over ${ids.length} requests: ${await measureSearch(page)} ms until the list shows it`,
    );
    const p95 = percentile(times, 95);
    console.log(
      `machine load average (1/5 min) at the end: ${loadavg()
        .slice(0, 2)
        .map((l) => l.toFixed(1))
        .join(' / ')}`,
    );
    console.log(p95 <= 100 ? 'PASS: open p95 ≤ 100 ms' : 'FAIL: open p95 > 100 ms');
    process.exitCode = p95 <= 100 ? 0 : 1;
  } finally {
    await context.close();
    server.close();
    if (keep === null) rmSync(work, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
