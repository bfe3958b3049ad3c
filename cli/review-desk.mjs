#!/usr/bin/env node
// The `review-desk` command, and `npm run cli`: cli/main.ts bundled into one module (bundle.mjs)
// and run with the V8 flags below, in this process when it has them, else in a child that does.
// Where the bundle cannot be built or stored (a read-only install), main.ts runs through tsx.
//
// A larger young generation, since reconcile's rows die young and fewer survive to be copied; and
// no allocation-site pretenuring: with the requests held, V8 chose to allocate some of the
// streamed rows' objects straight in the old generation, and reconcile took 15-17 s instead of
// about 10.5 s (see README, Performance).
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { freshBundle } from './bundle.mjs';

const V8_FLAGS = ['--max-semi-space-size=32', '--no-allocation-site-pretenuring'];

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
