// The command line as one ES module: cli/main.ts and everything it imports, bundled by esbuild
// into node_modules/.cache/review-desk/, and built again whenever one of its input files changed.
//
// Run through tsx instead, every call into another module goes through a getter (tsx compiles
// each file to CommonJS) and every named function is wrapped to keep its name. On the benchmark
// data (see README, Performance) reconcile took 9.4-12.0 s that way and 8.2-8.8 s bundled.
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const cliDir = dirname(fileURLToPath(import.meta.url));
const root = dirname(cliDir);

/** Where a bundle and its manifest (each input file with its modification time) are kept. */
export function bundlePaths(name = 'cli', cacheDir = join(root, 'node_modules', '.cache', 'review-desk')) {
  return { cacheDir, bundle: join(cacheDir, `${name}.mjs`), manifest: join(cacheDir, `${name}.inputs.json`) };
}

/** True when the bundle is there and none of the inputs its manifest lists changed since. */
export function isFresh(paths) {
  let inputs;
  try {
    statSync(paths.bundle);
    inputs = JSON.parse(readFileSync(paths.manifest, 'utf8')).inputs;
  } catch {
    return false;
  }
  if (!inputs || typeof inputs !== 'object' || Object.keys(inputs).length === 0) return false;
  return Object.entries(inputs).every(([path, mtimeMs]) => {
    try {
      return statSync(path).mtimeMs === mtimeMs;
    } catch {
      return false;
    }
  });
}

/** The path of an up-to-date bundle of `entry`, built first if needed. */
export async function freshBundle(entry = join(cliDir, 'main.ts'), paths = bundlePaths()) {
  if (isFresh(paths)) return paths.bundle;
  mkdirSync(paths.cacheDir, { recursive: true });
  // Loaded only to build: most runs find the bundle fresh.
  const { build } = await import('esbuild');
  const result = await build({
    entryPoints: [entry],
    absWorkingDir: root,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    write: false,
    metafile: true,
    logLevel: 'error',
    // CommonJS dependencies (PapaParse) call require; the worker file is found beside the sources.
    banner: {
      js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
    },
    define: { __dirname: JSON.stringify(dirname(entry)) },
  });
  const inputs = {};
  for (const input of Object.keys(result.metafile.inputs)) {
    const path = join(root, input);
    inputs[path] = statSync(path).mtimeMs;
  }
  // Written aside and renamed: two commands started at once never run half a file.
  const suffix = `.${process.pid}.tmp`;
  writeFileSync(paths.bundle + suffix, result.outputFiles[0].contents);
  renameSync(paths.bundle + suffix, paths.bundle);
  writeFileSync(paths.manifest + suffix, JSON.stringify({ inputs }));
  renameSync(paths.manifest + suffix, paths.manifest);
  return paths.bundle;
}
