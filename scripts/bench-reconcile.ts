/**
 * Benchmark: `reconcile` end to end (read with the importer's pipeline, match, write the
 * suggestions file) against merely parsing the same files with PapaParse, in one process.
 * Target (issue 4): reconcile ≤ 1.5 × PapaParse.
 *
 *   npm run bench:reconcile -- [--scale 1] [--dir DIR] [--keep] [--rounds 2]
 *
 * --scale 1 = 1M jobs, 1M ledger rows, 54k payments, 54k requests (about 300 MB of CSV),
 * generated deterministically into a temporary directory (or --dir, reused when present).
 *
 * Each measurement runs in a fresh Node process (`--only <what>` runs one and prints it as
 * JSON): run one after another in a single process, the importer alone took 5.8 s in the first
 * round and 7.8-12.8 s in later ones, with PapaParse steady at 5.0-5.7 s. Those processes run this
 * file bundled (cli/bundle.mjs), as the command itself runs, with the command's V8 flags. The
 * end-to-end line times the command itself (`npm run --silent cli -- reconcile`) and a process
 * that only parses with PapaParse, with the same V8 flags, both from start to exit.
 */
import {
  createReadStream,
  readFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  rmSync,
  statSync,
} from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { spawnSync } from 'node:child_process';
import Papa from 'papaparse';
import {
  BENCH_SPAN as SPAN,
  BENCH_START as START,
  CsvFile,
  benchEmail as email,
  iso,
  seededRandom,
} from './bench-csv';
import { readPolicyIndexes, type ReconcileFiles } from '../cli/commands/reconcile';
import { fileChunks } from '../cli/node-files';
import { createRecordReader } from '../shared/reading/index';
import { prepareSettings, suggestAll } from '../shared/policy/engine';
import { outcomeSummary, suggestionsCsv } from '../shared/policy/suggestions-csv';
import { V8_FLAGS } from '../cli/v8-flags.mjs';

const { values } = parseArgs({
  options: {
    scale: { type: 'string', default: '1' },
    dir: { type: 'string' },
    keep: { type: 'boolean', default: false },
    rounds: { type: 'string', default: '2' },
    only: { type: 'string' },
  },
});
const scale = Number(values.scale);
const rounds = Math.max(1, Number(values.rounds));

const N_JOBS = Math.round(1_000_000 * scale);
const N_LEDGER = Math.round(1_000_000 * scale);
const N_PAYMENTS = Math.round(54_000 * scale);
const N_REQUESTS = Math.round(54_000 * scale);
const N_ACCOUNTS = Math.max(10, Math.round(60_000 * scale));
const N_OUTAGES = 40;

const { random, pick } = seededRandom(0x9e3779b9);

const jobId = (j: number): string => `job_b_${j.toString(36).padStart(5, '0')}`;
const models = ['vy-motion-2', 'vy-lipsync-3', 'vy-face-1'];
const componentsList = ['render', 'encode', 'queue', 'storage'];
const credits = [5, 10, 20, 40, 80];
const failures: [string, string][] = [
  ['GPU_OOM', 'CUDA out of memory while sampling frame 212'],
  ['WORKER_CRASH', 'worker crashed during inference'],
  ['INFERENCE_TIMEOUT', 'inference exceeded 900s'],
  ['STORAGE_WRITE_FAILED', 'upload to bucket failed'],
  ['CONTENT_POLICY_VIOLATION', 'prompt rejected by safety filter'],
  ['INVALID_INPUT', 'input image is corrupt'],
  ['FACE_NOT_DETECTED', 'no face found in reference image'],
  ['', 'something went wrong, see "logs"\nretry later'],
  ['', 'request timed out after 900s'],
];
const messages = [
  'The generation failed, please help.',
  'My video never arrived.',
  'Please restore my credits.',
  'Not happy with the result.',
  'It broke halfway, the render stopped at 40%, then nothing.',
  'I was charged twice for this video.',
];

interface JobInfo {
  account: number;
  createdAt: number;
  failed: boolean;
}

const quote = (text: string): string => (/[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);

function generate(dir: string): ReconcileFiles {
  const files: ReconcileFiles = {
    jobs: [join(dir, 'jobs.csv')],
    ledger: [join(dir, 'ledger.csv')],
    payments: [join(dir, 'payments.csv')],
    requests: [join(dir, 'requests.csv')],
    outages: [join(dir, 'outages.csv')],
  };
  const info: JobInfo[] = new Array(N_JOBS);
  const jobs = new CsvFile(
    files.jobs[0] as string,
    'job_id,account_email,created_at,completed_at,status,error_code,error_message,output_url,output_delivered,credits_charged,model,component',
  );
  for (let j = 0; j < N_JOBS; j++) {
    const account = Math.floor(random() * N_ACCOUNTS);
    const createdAt = START + Math.floor((random() * SPAN) / 60_000) * 60_000;
    const r = random();
    const id = jobId(j);
    let status = 'succeeded';
    let code = '';
    let message = '';
    let url = `https://cdn.example/v/2026/03/${id}.mp4`;
    let completed = iso(createdAt + (1 + Math.floor(random() * 15)) * 60_000);
    if (r < 0.1) {
      status = 'failed';
      [code, message] = pick(failures);
      url = '';
    } else if (r < 0.11) {
      status = pick(['canceled', 'timed_out', 'aborted']);
      url = '';
    } else if (r < 0.115) {
      status = pick(['queued', 'running']);
      url = '';
      completed = '';
    }
    info[j] = { account, createdAt, failed: status !== 'succeeded' };
    jobs.line(
      [
        id,
        email(account),
        iso(createdAt),
        completed,
        status,
        code,
        quote(message),
        url,
        '',
        pick(credits),
        pick(models),
        pick(componentsList),
      ].join(','),
    );
  }
  jobs.close();

  const ledger = new CsvFile(
    files.ledger[0] as string,
    'entry_id,account_email,created_at,type,credits,job_id,amount,currency,reference,description',
  );
  for (let e = 0; e < N_LEDGER; e++) {
    const j = e % N_JOBS;
    const job = info[j] as JobInfo;
    const r = random();
    const type = r < 0.97 ? 'deduction' : r < 0.99 ? 'purchase' : 'restore';
    const amount = pick(credits);
    ledger.line(
      type === 'purchase'
        ? `le_${e},${email(job.account)},${iso(job.createdAt - 3_600_000)},purchase,990,,99.00,USD,ch_${e},`
        : `le_${e},${email(job.account)},${iso(job.createdAt + 2000)},${type},${type === 'deduction' ? -amount : amount},${jobId(j)},,,,${type} for generation ${jobId(j)}`,
    );
  }
  ledger.close();

  const payments = new CsvFile(
    files.payments[0] as string,
    'id,Created date (UTC),Amount,Amount Refunded,Currency,Captured,Description,Fee,Status,Seller Message,Customer ID,Customer Email,Invoice ID',
  );
  let previous = '';
  for (let p = 0; p < N_PAYMENTS; p++) {
    // Now and then the same card charge twice within minutes: rule 4's duplicate payment.
    const twice = previous !== '' && random() < 0.01;
    const account = Math.floor(random() * N_ACCOUNTS);
    const created = START + Math.floor((random() * SPAN) / 1000) * 1000;
    const stamp = iso(created).slice(0, 19).replace('T', ' ');
    const line = `ch_${p},${stamp},${pick(['15.00', '49.00', '99.00'])},0.00,usd,true,Credit pack,0.74,${pick(['Paid', 'Paid', 'Paid', 'Failed', 'Refunded'])},Payment complete.,cus_${account},${email(account)},`;
    payments.line(twice ? previous.replace(/^ch_\d+/, `ch_${p}`) : line);
    previous = line;
  }
  payments.close();

  const requests = new CsvFile(
    files.requests[0] as string,
    'request_id,received_at,account_email,approx_failure_time,timezone,error_details,message,requested_remedy,job_id',
  );
  for (let q = 0; q < N_REQUESTS; q++) {
    let j = Math.floor(random() * N_JOBS);
    for (let tries = 0; tries < 20 && !(info[j] as JobInfo).failed && random() < 0.8; tries++)
      j = Math.floor(random() * N_JOBS);
    const job = info[j] as JobInfo;
    const account = random() < 0.02 ? N_ACCOUNTS + q : job.account;
    const approx = job.createdAt + Math.round((random() - 0.5) * 4 * 3_600_000);
    const r = random();
    const approxText =
      r < 0.1
        ? ''
        : r < 0.2
          ? iso(approx).slice(0, 10)
          : r < 0.3
            ? iso(approx).slice(0, 16).replace('T', ' ')
            : iso(approx);
    const zone = r >= 0.2 && r < 0.3 ? pick(['America/Los_Angeles', 'Asia/Tokyo', 'Europe/Berlin']) : '';
    const details = random() < 0.2 ? `error on ${jobId(j)}: upload failed` : '';
    const message = random() < 0.005 ? 'my lawyer will contact you' : pick(messages);
    const remedy = pick(['', '', '', 'rerun', 'refund']);
    const quoted = random() < 0.1 ? jobId(j) : '';
    requests.line(
      [
        `REQ-B-${String(q).padStart(6, '0')}`,
        iso(job.createdAt + 86_400_000),
        email(account),
        approxText,
        zone,
        details,
        quote(message),
        remedy,
        quoted,
      ].join(','),
    );
  }
  requests.close();

  const outages = new CsvFile(
    files.outages[0] as string,
    'incident_id,title,started_at,resolved_at,components,impact',
  );
  for (let o = 0; o < N_OUTAGES; o++) {
    const start = START + Math.floor((random() * SPAN) / 3_600_000) * 3_600_000;
    outages.line(
      `INC-B-${o},Render cluster degraded,${iso(start)},${iso(start + 2 * 3_600_000)},${random() < 0.2 ? '' : pick(componentsList)},major`,
    );
  }
  outages.close();
  return files;
}

function papaParseFile(path: string): Promise<number> {
  return new Promise((resolve, reject) => {
    let rows = 0;
    Papa.parse(createReadStream(path, { highWaterMark: 1 << 20 }) as unknown as File, {
      header: true,
      skipEmptyLines: true,
      chunk: (results) => {
        rows += results.data.length;
      },
      complete: () => resolve(rows),
      error: reject,
    });
  });
}

async function papaParseAll(files: ReconcileFiles): Promise<number> {
  let rows = 0;
  for (const path of Object.values(files).flat()) rows += await papaParseFile(path);
  return rows;
}

/** The importer's pipeline alone, records dropped as they come: the reading share of reconcile. */
async function readerOnly(files: ReconcileFiles): Promise<void> {
  for (const kind of ['requests', 'jobs', 'ledger', 'payments', 'outages'] as const) {
    for (const path of files[kind]) {
      const reader = createRecordReader({ kind, fileName: path });
      for await (const chunk of fileChunks(path)) reader.push(chunk);
      reader.finish();
    }
  }
}

/**
 * Wall time and this process's CPU time (user + system, all threads: reconcile's workers and V8's
 * GC and compiler threads too): CPU time stays meaningful on a busy machine. `mainCpu` is this
 * thread's share alone (Linux only; 0 elsewhere).
 */
interface Span {
  wall: number;
  cpu: number;
  mainCpu: number;
}

/** CPU milliseconds of the calling thread, from /proc (clock ticks of 10 ms). */
function threadCpu(): number {
  try {
    const stat = readFileSync('/proc/thread-self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return 0;
  }
}

async function measure(work: () => Promise<unknown>): Promise<Span> {
  gc?.();
  const cpu0 = process.cpuUsage();
  const main0 = threadCpu();
  const wall0 = performance.now();
  await work();
  const cpu = process.cpuUsage(cpu0);
  return {
    wall: performance.now() - wall0,
    cpu: (cpu.user + cpu.system) / 1000,
    mainCpu: threadCpu() - main0,
  };
}

interface ReconcileTiming {
  read: number;
  match: number;
  write: number;
  summary: string;
}

/** `twoThreads`: job log and ledger read in two halves at once, one in a worker (off by default). */
async function reconcileOnce(
  files: ReconcileFiles,
  out: string,
  twoThreads = false,
): Promise<ReconcileTiming> {
  const t0 = performance.now();
  const { collector } = await readPolicyIndexes(
    files,
    { timeZone: 'UTC', dateOrder: 'mdy' },
    twoThreads ? { parallelMinBytes: 0 } : {},
  );
  const t1 = performance.now();
  const suggestions = await suggestAll(collector.finish(), await prepareSettings());
  const t2 = performance.now();
  await writeFile(out, suggestionsCsv(suggestions), 'utf8');
  const t3 = performance.now();
  return { read: t1 - t0, match: t2 - t1, write: t3 - t2, summary: outcomeSummary(suggestions) };
}

const gc = (globalThis as { gc?: () => void }).gc;
/** The machine is shared: every figure goes with the load it was measured under. */
const load = (): string =>
  loadavg()
    .map((n) => n.toFixed(2))
    .join(', ');
const seconds = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;
const span = (s: Span): string =>
  `${seconds(s.wall)} wall, ${seconds(s.cpu)} cpu (this thread ${seconds(s.mainCpu)}, other threads ${seconds(s.cpu - s.mainCpu)})`;

type Measured = 'papaparse' | 'importer' | 'reconcile' | 'reconcile-two-threads';
const MEASURED: readonly Measured[] = ['papaparse', 'importer', 'reconcile', 'reconcile-two-threads'];

interface ChildResult {
  span: Span;
  /** For reconcile: the split of its wall time, and the one-line summary. */
  timing: ReconcileTiming | null;
}

function filesIn(dir: string): ReconcileFiles {
  return {
    jobs: [join(dir, 'jobs.csv')],
    ledger: [join(dir, 'ledger.csv')],
    payments: [join(dir, 'payments.csv')],
    requests: [join(dir, 'requests.csv')],
    outages: [join(dir, 'outages.csv')],
  };
}

/** `--only`: one measurement in this (fresh) process, printed as JSON on the last line. */
async function measureOnly(what: Measured, dir: string): Promise<void> {
  const files = filesIn(dir);
  let timing: ReconcileTiming | null = null;
  const measured = await measure(async () => {
    if (what === 'papaparse') await papaParseAll(files);
    else if (what === 'importer') await readerOnly(files);
    else {
      const two = what === 'reconcile-two-threads';
      timing = await reconcileOnce(files, join(dir, two ? 'suggestions-2.csv' : 'suggestions.csv'), two);
    }
  });
  console.log(JSON.stringify({ span: measured, timing } satisfies ChildResult));
}

/** Runs `--only what` in a new process, from this file bundled. */
function runFresh(bundle: string, what: Measured, dir: string): ChildResult {
  const child = spawnSync(
    process.execPath,
    ['--expose-gc', ...V8_FLAGS, bundle, '--dir', dir, '--only', what],
    {
      encoding: 'utf8',
      maxBuffer: 1 << 24,
    },
  );
  const last = child.stdout.trim().split('\n').at(-1) ?? '';
  if (child.status !== 0 || !last.startsWith('{')) {
    throw new Error(`bench child '${what}' failed (${child.status}): ${child.stderr || child.stdout}`);
  }
  return JSON.parse(last) as ChildResult;
}

/** Wall time of a whole process in ms, from spawn to exit. */
function processWall(command: string, args: string[]): number {
  const t0 = performance.now();
  const child = spawnSync(command, args, {
    cwd: join(__dirname, '..'),
    encoding: 'utf8',
    maxBuffer: 1 << 24,
  });
  if (child.status !== 0) throw new Error(`${command} ${args.join(' ')} failed: ${child.stderr}`);
  return performance.now() - t0;
}

async function main(): Promise<void> {
  if (values.only !== undefined) {
    if (!MEASURED.includes(values.only as Measured) || values.dir === undefined) {
      throw new Error(`--only takes one of ${MEASURED.join(', ')}, with --dir`);
    }
    await measureOnly(values.only as Measured, values.dir);
    return;
  }
  const dir = values.dir ?? mkdtempSync(join(tmpdir(), 'bench-reconcile-'));
  mkdirSync(dir, { recursive: true });
  const reuse = values.dir !== undefined && existsSync(join(dir, 'jobs.csv'));
  const tg = performance.now();
  const files: ReconcileFiles = reuse ? filesIn(dir) : generate(dir);
  const bytes = Object.values(files)
    .flat()
    .reduce((sum, path) => sum + statSync(path).size, 0);
  console.log(
    `data: ${N_JOBS} jobs, ${N_LEDGER} ledger rows, ${N_PAYMENTS} payments, ${N_REQUESTS} requests, ${(bytes / 1e6).toFixed(0)} MB${reuse ? ' (reused)' : ` (generated in ${seconds(performance.now() - tg)})`}`,
  );

  console.log(`load average at start: ${load()}`);
  const spans = new Map<Measured, Span[]>(MEASURED.map((what) => [what, []]));
  const cliArgs = ['run', '--silent', 'cli', '--', 'reconcile'];
  for (const kind of ['jobs', 'ledger', 'payments', 'requests', 'outages'] as const) {
    for (const path of files[kind]) cliArgs.push(`--${kind}`, path);
  }
  cliArgs.push('--out', join(dir, 'suggestions-cli.csv'));
  const papaScript = join(__dirname, 'papaparse-only.mjs');
  const { bundlePaths, freshBundle } = await import('../cli/bundle.mjs');
  const bundle = await freshBundle(__filename, bundlePaths('bench-reconcile'));
  const endToEnd = { cli: [] as number[], papa: [] as number[] };
  for (let round = 0; round < rounds; round++) {
    for (const what of MEASURED) {
      const { span: measured, timing } = runFresh(bundle, what, dir);
      spans.get(what)?.push(measured);
      const split = timing as ReconcileTiming | null;
      const detail = split
        ? ` = read+collect ${seconds(split.read)} + match ${seconds(split.match)} + write ${seconds(split.write)}`
        : '';
      console.log(`round ${round + 1}: ${what} ${span(measured)}${detail}`);
      if (split && what === 'reconcile') console.log(split.summary);
    }
    endToEnd.cli.push(processWall('npm', cliArgs));
    endToEnd.papa.push(
      processWall(process.execPath, [...V8_FLAGS, papaScript, ...Object.values(files).flat()]),
    );
    console.log(
      `round ${round + 1}: end to end, npm run --silent cli -- reconcile ${seconds(endToEnd.cli.at(-1)!)}, a PapaParse process ${seconds(endToEnd.papa.at(-1)!)}`,
    );
    const same = (name: string): boolean =>
      readFileSync(join(dir, 'suggestions.csv'), 'utf8') === readFileSync(join(dir, name), 'utf8');
    console.log(
      `suggestions of the runs ${same('suggestions-2.csv') && same('suggestions-cli.csv') ? 'identical' : 'DIFFER'}`,
    );
    console.log(`load average: ${load()}`);
  }
  const list = (what: Measured): Span[] => spans.get(what) ?? [];
  const best = (what: Measured): Span => list(what).reduce((a, b) => (b.wall < a.wall ? b : a));
  const bestCpu = (what: Measured): number => Math.min(...list(what).map((s) => s.cpu));
  const ratios = (what: Measured): string =>
    `${(best(what).wall / best('papaparse').wall).toFixed(2)} wall, ${(bestCpu(what) / bestCpu('papaparse')).toFixed(2)} cpu`;
  console.log(
    `best (by wall): papaparse ${span(best('papaparse'))} | importer alone ${span(best('importer'))} | reconcile ${span(best('reconcile'))} | reconcile in two threads ${span(best('reconcile-two-threads'))}\n` +
      `ratio reconcile/papaparse: ${ratios('reconcile')} (target ≤ 1.50); in two threads: ${ratios('reconcile-two-threads')}; ` +
      `importer alone/papaparse: ${ratios('importer')}\n` +
      `end to end (best): npm run --silent cli -- reconcile ${seconds(Math.min(...endToEnd.cli))}, PapaParse process ${seconds(Math.min(...endToEnd.papa))}: ${(Math.min(...endToEnd.cli) / Math.min(...endToEnd.papa)).toFixed(2)}`,
  );
  console.log(`load average at end: ${load()}`);
  if (!values.keep && values.dir === undefined) rmSync(dir, { recursive: true, force: true });
  else console.log(`data kept in ${dir}`);
}

void main();
