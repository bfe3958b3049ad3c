#!/usr/bin/env node
// The installed `review-desk` command: the same TypeScript entry as `npm run cli`, run through tsx.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const tsx = createRequire(import.meta.url).resolve('tsx/cli');
// The `cli` npm script passes the same V8 flags: a larger young generation, since reconcile's
// rows die young and fewer survive to be copied; and no allocation-site pretenuring: with the
// requests held, V8 chose to allocate some of the streamed rows' objects straight in the old
// generation, and reconcile took 15-17 s instead of about 10.5 s (see README, Performance).
const result = spawnSync(
  process.execPath,
  [
    '--max-semi-space-size=32',
    '--no-allocation-site-pretenuring',
    tsx,
    join(here, 'main.ts'),
    ...process.argv.slice(2),
  ],
  { stdio: 'inherit' },
);
process.exit(result.status ?? 2);
