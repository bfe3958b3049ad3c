// A worker thread starts without the TypeScript loader the CLI runs under: register tsx's loaders
// (CommonJS, as the package's .ts files are, and ESM), then load the worker itself (see
// reconcile-workers.ts).
import { register as registerCommonJs } from 'tsx/cjs/api';
import { register as registerEsm } from 'tsx/esm/api';

registerCommonJs();
registerEsm();
await import('./reconcile-worker.ts');
