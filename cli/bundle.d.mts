export interface BundlePaths {
  cacheDir: string;
  bundle: string;
  manifest: string;
}
export function bundlePaths(name?: string, cacheDir?: string): BundlePaths;
export function isFresh(paths: BundlePaths): boolean;
export function freshBundle(entry?: string, paths?: BundlePaths): Promise<string>;
