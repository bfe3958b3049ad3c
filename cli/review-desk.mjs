#!/usr/bin/env node
// The installed `review-desk` command: the same TypeScript entry as `npm run cli`, run through tsx.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const tsx = createRequire(import.meta.url).resolve('tsx/cli');
// A larger young generation: reconcile's rows die young, and fewer survive to be copied (the
// `cli` npm script passes the same flag).
const result = spawnSync(
  process.execPath,
  ['--max-semi-space-size=32', tsx, join(here, 'main.ts'), ...process.argv.slice(2)],
  { stdio: 'inherit' },
);
process.exit(result.status ?? 2);
