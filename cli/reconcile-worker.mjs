// A worker thread starts without the TypeScript loader the CLI may run under: it runs the worker
// (see reconcile-workers.ts) bundled like the command itself (bundle.mjs), so that both halves of
// a split file are read by the same compiled code.
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { bundlePaths, freshBundle } from './bundle.mjs';

const here = fileURLToPath(new URL('.', import.meta.url));
const bundle = await freshBundle(join(here, 'reconcile-worker.ts'), bundlePaths('reconcile-worker'));
await import(pathToFileURL(bundle).href);
