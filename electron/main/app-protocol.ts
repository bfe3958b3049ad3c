import { readFile, realpath, stat } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';
import { isAppUrl } from './app-origin';
import { SECURITY_HEADERS } from './security/content-security-policy';

const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Maps an `app://review-desk/…` URL to a file under `rootDir`, or null when the URL is not the
 * desk's or would leave `rootDir` (`..`, encoded `%2e%2e%2f`, backslashes, NUL, drive letters).
 * A path without an extension is a client-side route and gets `index.html`.
 */
export function resolveAppPath(rootDir: string, url: string): string | null {
  if (!isAppUrl(url)) return null;
  let pathname: string;
  try {
    pathname = decodeURIComponent(new URL(url).pathname);
  } catch {
    return null;
  }
  if (pathname.includes('\0') || pathname.includes('\\') || pathname.includes(':')) return null;
  const segments = pathname.split('/').filter((segment) => segment !== '');
  if (segments.some((segment) => segment === '..' || segment === '.')) return null;
  const root = resolve(rootDir);
  const relative = segments.length === 0 || extname(segments.at(-1)!) === '' ? ['index.html'] : segments;
  const candidate = resolve(root, ...relative);
  return isInside(root, candidate) ? candidate : null;
}

function isInside(root: string, candidate: string): boolean {
  return candidate.startsWith(root.endsWith(sep) ? root : root + sep);
}

function textResponse(status: number, text: string): Response {
  return new Response(text, {
    status,
    headers: { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' },
  });
}

/**
 * The `protocol.handle` callback for the desk's scheme: serves only regular files under the built
 * renderer folder (symlinks that lead out of it included), read-only, each with the CSP.
 */
export function createAppProtocolHandler(rootDir: string): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return textResponse(405, 'Method not allowed');
    const candidate = resolveAppPath(rootDir, request.url);
    if (candidate === null) return textResponse(403, 'Forbidden');
    let body: Buffer;
    try {
      const [root, real] = await Promise.all([realpath(rootDir), realpath(candidate)]);
      if (!isInside(root, real) || !(await stat(real)).isFile()) return textResponse(403, 'Forbidden');
      body = await readFile(real);
    } catch {
      return textResponse(404, 'Not found');
    }
    const contentType = MIME_TYPES[extname(candidate).toLowerCase()] ?? 'application/octet-stream';
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), {
      status: 200,
      headers: { ...SECURITY_HEADERS, 'Content-Type': contentType },
    });
  };
}
