import type { Session } from 'electron';
import { APP_HOST, APP_SCHEME, isAppUrl } from '../app-origin';
import { withSecurityHeaders } from './content-security-policy';

/** The part of `Session` the policy touches, so tests can hand in a fake. */
export type PolicySession = Pick<
  Session,
  | 'setPermissionRequestHandler'
  | 'setPermissionCheckHandler'
  | 'setDevicePermissionHandler'
  | 'setDisplayMediaRequestHandler'
  | 'setSpellCheckerEnabled'
  | 'on'
> & { webRequest: Pick<Session['webRequest'], 'onBeforeRequest' | 'onHeadersReceived'> };

/**
 * The desk is offline: it loads only its own files, in-memory blob:/data: URLs and the dev tools.
 * Anything else (http, https, ws, file, ftp…) is cancelled before it leaves the machine.
 */
export function isAllowedRequestUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  switch (parsed.protocol) {
    case `${APP_SCHEME}:`:
      return parsed.host === APP_HOST;
    case 'devtools:':
    case 'blob:':
    case 'data:':
      return true;
    default:
      return false;
  }
}

/**
 * Every permission is refused, with one exception: writing sanitized text to the clipboard from
 * the desk's own page, which is what the "copy public key" buttons do. It reads nothing and
 * reaches no device.
 */
export function isPermissionAllowed(permission: string, origin: string): boolean {
  return permission === 'clipboard-sanitized-write' && isAppUrl(origin);
}

export function applySessionPolicy(session: PolicySession): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) =>
    callback(isPermissionAllowed(permission, details.requestingUrl)),
  );
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) =>
    isPermissionAllowed(permission, requestingOrigin),
  );
  session.setDevicePermissionHandler(() => false);
  session.setDisplayMediaRequestHandler((_request, callback) => callback(null));
  // Chromium's spellchecker fetches dictionaries from a Google CDN; the desk stays offline.
  session.setSpellCheckerEnabled(false);
  session.webRequest.onBeforeRequest((details, callback) =>
    callback({ cancel: !isAllowedRequestUrl(details.url) }),
  );
  // The dev tools are Chromium's own pages with their own policy; every response of the desk gets ours.
  session.webRequest.onHeadersReceived((details, callback) =>
    callback(
      details.url.startsWith('devtools:')
        ? { responseHeaders: details.responseHeaders }
        : { responseHeaders: withSecurityHeaders(details.responseHeaders) },
    ),
  );
  // Exports go through the save dialog; a download started by page content is refused.
  session.on('will-download', (event) => event.preventDefault());
}
