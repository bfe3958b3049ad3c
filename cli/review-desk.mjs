#!/usr/bin/env node
// The `review-desk` command, and `npm run cli`: cli/main.ts bundled into one module (bundle.mjs)
// and run with the V8 flags below, in this process when it has them, else in a child that does.
//
// A larger young generation, since reconcile's rows die young and fewer survive to be copied; and
// no allocation-site pretenuring: with the requests held, V8 chose to allocate some of the
// streamed rows' objects straight in the old generation, and reconcile took 15-17 s instead of
// about 10.5 s (see README, Performance).
import { spawnSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { freshBundle } from './bundle.mjs';

const V8_FLAGS = ['--max-semi-space-size=32', '--no-allocation-site-pretenuring'];

const bundle = await freshBundle();
if (V8_FLAGS.every((flag) => process.execArgv.includes(flag))) {
  await import(pathToFileURL(bundle).href);
} else {
  const result = spawnSync(process.execPath, [...V8_FLAGS, bundle, ...process.argv.slice(2)], {
    stdio: 'inherit',
  });
  process.exit(result.status ?? 2);
}
