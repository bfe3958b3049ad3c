/**
 * Reading micro-benchmark: plain PapaParse against the full reading pipeline (decode, chunked
 * tokenizing with line numbers, mapping, value parsing, duplicate check) on the same job log.
 *
 *   npx tsx scripts/bench-read.ts [--rows N] [--file jobs.csv] [--crlf] [--zone America/New_York]
 *
 * Prints one JSON line per measurement: {"what":…,"rows":…,"ms":…,"cpuMs":…,"rowsPerSec":…},
 * then the pipeline's CPU time over PapaParse's.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import Papa from 'papaparse';
import { CsvTokenizer, createDecoder, createRecordReader } from '../shared/reading/index';

const { values } = parseArgs({
  options: {
    rows: { type: 'string', default: '1000000' },
    file: { type: 'string' },
    crlf: { type: 'boolean', default: false },
    zone: { type: 'string', default: 'UTC' },
    runs: { type: 'string', default: '2' },
  },
});

const CHUNK = 1 << 20;
const STATUSES = ['succeeded', 'succeeded', 'succeeded', 'succeeded', 'failed', 'canceled', 'timed_out'];
const ERRORS: [string, string][] = [
  ['GPU_OOM', 'CUDA out of memory while sampling frame 48'],
  ['WORKER_CRASH', 'worker crashed during inference, see "logs"\nretry later'],
  ['INVALID_INPUT', 'input image is corrupt, size 0, format "png"'],
];
const MODELS = ['vy-lipsync-3', 'vy-motion-2', 'vy-face-1'];
const COMPONENTS = ['render', 'encode', 'queue', 'storage'];

/** A job log like the scenarios': ISO timestamps, some quoted multi-line error messages. */
function generateJobLog(rows: number, newline: string): Uint8Array {
  const parts: string[] = [
    'job_id,account_email,created_at,completed_at,status,error_code,error_message,output_url,output_delivered,credits_charged,model,component',
  ];
  let t = Date.parse('2026-03-01T00:00:00Z');
  for (let i = 0; i < rows; i++) {
    t += 1000 + (i % 7) * 137;
    const status = STATUSES[i % STATUSES.length]!;
    const failed = status === 'failed';
    const [code, message] = failed ? ERRORS[i % ERRORS.length]! : ['', ''];
    const id = `job_${i.toString(36).padStart(7, '0')}`;
    const quoted = /[",\n]/.test(message) ? `"${message.replace(/"/g, '""')}"` : message;
    parts.push(
      [
        id,
        `creator${i % 5000}@example.com`,
        new Date(t).toISOString(),
        new Date(t + 300_000).toISOString(),
        status,
        code,
        quoted,
        status === 'succeeded' ? `https://cdn.example/${id}.mp4` : '',
        '',
        String([5, 10, 20, 40, 80][i % 5]),
        MODELS[i % 3],
        COMPONENTS[i % 4],
      ].join(','),
    );
  }
  return new TextEncoder().encode(parts.join(newline) + newline);
}

/** Wall time and CPU time: on a shared, loaded machine the CPU time is the steadier figure. */
function time(what: string, rows: () => number, work: () => void): number {
  const cpu0 = process.cpuUsage();
  const start = performance.now();
  work();
  const ms = performance.now() - start;
  const cpu = process.cpuUsage(cpu0);
  const cpuMs = (cpu.user + cpu.system) / 1000;
  const n = rows();
  console.log(
    JSON.stringify({
      what,
      rows: n,
      ms: Math.round(ms),
      cpuMs: Math.round(cpuMs),
      rowsPerSec: Math.round((n / ms) * 1000),
    }),
  );
  return cpuMs;
}

const bytes = values.file
  ? new Uint8Array(readFileSync(values.file))
  : generateJobLog(Number(values.rows), values.crlf ? '\r\n' : '\n');
console.log(JSON.stringify({ bytes: bytes.length, mb: Math.round(bytes.length / 1048576) }));

for (let run = 0; run < Number(values.runs); run++) {
  let papaRows = 0;
  const papaMs = time(
    'papaparse-string',
    () => papaRows,
    () => {
      const text = new TextDecoder().decode(bytes);
      // Papa's own chunked string mode (the typings only declare `chunk` for files).
      const parse = Papa.parse as (input: string, config: object) => void;
      parse(text, {
        chunkSize: CHUNK,
        chunk: (result: Papa.ParseResult<string[]>) => {
          papaRows += result.data.length;
        },
      });
    },
  );

  let tokenRows = 0;
  time(
    'tokenizer',
    () => tokenRows,
    () => {
      const decoder = createDecoder('utf-8');
      const tokenizer = new CsvTokenizer({}, () => {
        tokenRows++;
      });
      for (let at = 0; at < bytes.length; at += CHUNK)
        tokenizer.push(decoder.decode(bytes.subarray(at, at + CHUNK)));
      tokenizer.finish();
    },
  );

  let accepted = 0;
  const pipelineMs = time(
    'pipeline',
    () => accepted,
    () => {
      const reader = createRecordReader({ kind: 'jobs', timeZone: values.zone });
      for (let at = 0; at < bytes.length; at += CHUNK)
        accepted += reader.push(bytes.subarray(at, at + CHUNK)).records.length;
      const last = reader.finish();
      accepted += last.records.length;
      if (last.report.rejected > 0) console.log(JSON.stringify(last.report.errors.slice(0, 3)));
    },
  );
  console.log(JSON.stringify({ cpuRatio: Number((pipelineMs / papaMs).toFixed(2)) }));
}
