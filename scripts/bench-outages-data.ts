import { createWriteStream } from 'node:fs';

/**
 * A month of generation jobs for the outages benchmark: `rows` jobs spread over 30 days, about
 * 6% failing for mixed causes, one deduction per charged job in the ledger, and incident
 * BENCH-BIG (every component) during which exactly `affected` jobs fail with a platform error.
 */
export const MONTH_START = Date.UTC(2026, 2, 1);
const DAY = 86_400_000;
export const BIG_INCIDENT = { id: 'BENCH-BIG', start: MONTH_START + 12 * DAY, hours: 20 };

const PLATFORM = ['GPU_OOM', 'WORKER_CRASH', 'INFERENCE_TIMEOUT', 'ENCODER_FAILED'];
const CUSTOMER = ['CONTENT_POLICY_VIOLATION', 'INVALID_INPUT', 'FACE_NOT_DETECTED'];
const COMPONENTS = ['render', 'encode', 'queue', 'storage'];
const MODELS = ['vy-motion-2', 'vy-lipsync-3', 'vy-still-1'];

function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 4294967296;
  };
}

class Out {
  private parts: string[] = [];
  private size = 0;
  constructor(private readonly stream: ReturnType<typeof createWriteStream>) {}
  /** Returns a promise only when the buffer was written out, so most lines cost no await. */
  line(text: string): Promise<void> | null {
    this.parts.push(text);
    this.size += text.length;
    return this.size > 1 << 20 ? this.flush() : null;
  }
  async flush() {
    const chunk = this.parts.join('');
    this.parts = [];
    this.size = 0;
    if (!this.stream.write(chunk)) await new Promise<void>((r) => this.stream.once('drain', () => r()));
  }
  async close() {
    await this.flush();
    await new Promise<void>((r) => this.stream.end(() => r()));
  }
}

const iso = (ms: number) => new Date(ms).toISOString();

export async function generateOutageData(dir: string, rows: number, affected: number): Promise<void> {
  const random = rng(0x9e3779b9);
  const jobs = new Out(createWriteStream(`${dir}/jobs.csv`));
  const ledger = new Out(createWriteStream(`${dir}/ledger.csv`));
  await jobs.line(
    'job_id,account_email,created_at,started_at,completed_at,status,error_code,error_message,output_url,output_delivered,credits_charged,model,component\n',
  );
  await ledger.line(
    'entry_id,account_email,created_at,type,credits,job_id,amount,currency,reference,description\n',
  );
  const bigStart = BIG_INCIDENT.start;
  const bigEnd = bigStart + BIG_INCIDENT.hours * 3_600_000;
  const step = (30 * DAY) / rows;
  const inBig = Math.round((bigEnd - bigStart) / step);
  // Spread the incident's failures evenly over its jobs, so that exactly `affected` fail.
  const every = inBig / affected;
  let bigSeen = 0;
  let bigFailed = 0;
  for (let i = 0; i < rows; i++) {
    const created = Math.floor(MONTH_START + i * step);
    const id = `job_${i.toString(36).padStart(6, '0')}`;
    const email = `creator${Math.floor(random() * 60_000)}@bench.test`;
    const credits = [5, 10, 20, 40, 80][Math.floor(random() * 5)] as number;
    const model = MODELS[i % MODELS.length] as string;
    const component = COMPONENTS[Math.floor(random() * COMPONENTS.length)] as string;
    const done = created + 60_000 + Math.floor(random() * 600_000);
    let status = 'succeeded';
    let code = '';
    const insideBig = created >= bigStart && created <= bigEnd;
    if (insideBig) {
      if (bigSeen >= bigFailed * every && bigFailed < affected) {
        status = 'failed';
        code = PLATFORM[bigFailed % PLATFORM.length] as string;
        bigFailed++;
      }
      bigSeen++;
    } else {
      const r = random();
      if (r < 0.03) {
        status = 'failed';
        code = PLATFORM[Math.floor(random() * PLATFORM.length)] as string;
      } else if (r < 0.05) {
        status = 'failed';
        code = CUSTOMER[Math.floor(random() * CUSTOMER.length)] as string;
      } else if (r < 0.06) status = 'timed_out';
    }
    const output = status === 'succeeded' ? `https://cdn.example/${id}.mp4` : '';
    const a = jobs.line(
      `${id},${email},${iso(created)},${iso(created + 2000)},${iso(done)},${status},${code},,${output},${status === 'succeeded'},${credits},${model},${component}\n`,
    );
    const b = ledger.line(
      `le_${i.toString(36)},${email},${iso(created + 1000)},deduction,-${credits},${id},,,,generation\n`,
    );
    if (a) await a;
    if (b) await b;
  }
  await jobs.close();
  await ledger.close();
  const outages = createWriteStream(`${dir}/outages.csv`);
  const lines = ['incident_id,title,started_at,resolved_at,components,impact'];
  lines.push(`${BIG_INCIDENT.id},GPU fleet outage,${iso(bigStart)},${iso(bigEnd)},,critical`);
  for (let d = 2; d < 30; d += 5)
    lines.push(
      `BENCH-${d},Encoder degraded,${iso(MONTH_START + d * DAY + 3_600_000)},${iso(MONTH_START + d * DAY + 3 * 3_600_000)},encode,minor`,
    );
  await new Promise<void>((r) => outages.end(`${lines.join('\n')}\n`, () => r()));
  if (bigFailed !== affected) throw new Error(`generated ${bigFailed} affected jobs, wanted ${affected}`);
}
