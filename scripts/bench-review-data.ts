import { join } from 'node:path';
import {
  BENCH_SPAN as SPAN,
  BENCH_START as START,
  CsvFile,
  benchEmail as email,
  iso,
  seededRandom,
} from './bench-csv';

/**
 * A deterministic data set for the review benchmark, in the shapes of the input spec: jobs,
 * ledger, Stripe payments, requests and outages. Requests mostly point at failed jobs near
 * their stated time, so the evidence panels have real candidates to rank.
 */
export interface ReviewBenchSize {
  jobs: number;
  ledger: number;
  payments: number;
  requests: number;
  accounts: number;
}

const { random, pick } = seededRandom(0x2545f491);

const jobId = (j: number): string => `job_r_${j.toString(36).padStart(6, '0')}`;
const credits = [5, 10, 20, 40, 80, 600];
const components = ['render', 'encode', 'queue', 'storage'];
const failures: [string, string][] = [
  ['GPU_OOM', 'CUDA out of memory'],
  ['WORKER_CRASH', 'worker crashed during inference'],
  ['CONTENT_POLICY_VIOLATION', 'prompt rejected by safety filter'],
  ['INVALID_INPUT', 'input image is corrupt'],
  ['', 'request timed out after 900s'],
  ['', 'something went wrong'],
];

export function generateReviewBenchData(dir: string, size: ReviewBenchSize): string[] {
  const names = ['jobs.csv', 'ledger.csv', 'payments.csv', 'requests.csv', 'outages.csv'];
  const paths = names.map((name) => join(dir, name));
  const info: { account: number; createdAt: number; failed: boolean }[] = new Array(size.jobs);
  const jobs = new CsvFile(
    paths[0] as string,
    'job_id,account_email,created_at,completed_at,status,error_code,error_message,output_url,output_delivered,credits_charged,model,component',
  );
  for (let j = 0; j < size.jobs; j++) {
    const account = Math.floor(random() * size.accounts);
    const createdAt = START + Math.floor((random() * SPAN) / 60_000) * 60_000;
    const failed = random() < 0.12;
    const [code, message] = failed ? pick(failures) : ['', ''];
    info[j] = { account, createdAt, failed };
    jobs.line(
      [
        jobId(j),
        email(account),
        iso(createdAt),
        iso(createdAt + 300_000),
        failed ? 'failed' : 'succeeded',
        code,
        message,
        failed ? '' : `https://cdn.example/v/${jobId(j)}.mp4`,
        '',
        pick(credits),
        'vy-motion-2',
        pick(components),
      ].join(','),
    );
  }
  jobs.close();

  const ledger = new CsvFile(
    paths[1] as string,
    'entry_id,account_email,created_at,type,credits,job_id,amount,currency,reference,description',
  );
  for (let e = 0; e < size.ledger; e++) {
    const j = e % size.jobs;
    const job = info[j] as { account: number; createdAt: number };
    const restore = random() < 0.01;
    ledger.line(
      `le_${e},${email(job.account)},${iso(job.createdAt + 2000)},${restore ? 'restore' : 'deduction'},${restore ? 10 : -10},${jobId(j)},,,,generation ${jobId(j)}`,
    );
  }
  ledger.close();

  const payments = new CsvFile(
    paths[2] as string,
    'id,Created date (UTC),Amount,Amount Refunded,Currency,Captured,Description,Fee,Status,Seller Message,Customer ID,Customer Email,Invoice ID',
  );
  for (let p = 0; p < size.payments; p++) {
    const account = Math.floor(random() * size.accounts);
    const stamp = iso(START + Math.floor(random() * SPAN))
      .slice(0, 19)
      .replace('T', ' ');
    payments.line(
      `ch_${p},${stamp},${pick(['15.00', '49.00'])},0.00,usd,true,Credit pack,0.74,Paid,Payment complete.,cus_${account},${email(account)},`,
    );
  }
  payments.close();

  const requests = new CsvFile(
    paths[3] as string,
    'request_id,received_at,account_email,approx_failure_time,timezone,error_details,message,requested_remedy,job_id',
  );
  for (let q = 0; q < size.requests; q++) {
    let j = Math.floor(random() * size.jobs);
    for (let tries = 0; tries < 10 && !(info[j] as { failed: boolean }).failed; tries++)
      j = Math.floor(random() * size.jobs);
    const job = info[j] as { account: number; createdAt: number };
    const approx = job.createdAt + Math.round((random() - 0.5) * 3 * 3_600_000);
    requests.line(
      [
        `REQ-R-${String(q).padStart(6, '0')}`,
        iso(job.createdAt + 86_400_000 + q),
        email(job.account),
        iso(approx),
        '',
        random() < 0.3 ? 'GPU_OOM' : '',
        pick(['The generation failed, please help.', 'My video never arrived.', 'Not happy with it.']),
        pick(['', '', 'rerun']),
        random() < 0.1 ? jobId(j) : '',
      ].join(','),
    );
  }
  requests.close();

  const outages = new CsvFile(
    paths[4] as string,
    'incident_id,title,started_at,resolved_at,components,impact',
  );
  for (let o = 0; o < 40; o++) {
    const start = START + Math.floor((random() * SPAN) / 3_600_000) * 3_600_000;
    outages.line(
      `INC-R-${o},Render cluster degraded,${iso(start)},${iso(start + 2 * 3_600_000)},${pick(components)},major`,
    );
  }
  outages.close();
  return paths;
}
