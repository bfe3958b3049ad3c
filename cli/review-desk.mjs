#!/usr/bin/env node
// The `review-desk` command, and `npm run cli`: cli/main.ts bundled into one module (bundle.mjs)
// and run with its V8 flags (v8-flags.mjs), in this process when it has them, else in a child that does.
// Where the bundle cannot be built or stored (a read-only install), main.ts runs through tsx.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { freshBundle } from './bundle.mjs';
import { V8_FLAGS } from './v8-flags.mjs';

let bundle = null;
try {
  bundle = await freshBundle();
} catch (error) {
  process.stderr.write(`review-desk: running without a bundle (${error.message})\n`);
}
if (bundle && V8_FLAGS.every((flag) => process.execArgv.includes(flag))) {
  await import(pathToFileURL(bundle).href);
} else {
  const entry = bundle
    ? [bundle]
    : [createRequire(import.meta.url).resolve('tsx/cli'), fileURLToPath(new URL('main.ts', import.meta.url))];
  const result = spawnSync(process.execPath, [...V8_FLAGS, ...entry, ...process.argv.slice(2)], {
    stdio: 'inherit',
  });
  process.exit(result.status ?? 2);
}
