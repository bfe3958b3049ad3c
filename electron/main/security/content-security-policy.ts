import { CONTENT_SECURITY_POLICY as SHARED_POLICY } from '../../../shared/bridge/content-security-policy';

/**
 * The policy both shells share, plus `frame-ancestors`, which only works as a header (a
 * `<meta>` CSP ignores it): nothing may frame the desk.
 */
export const CONTENT_SECURITY_POLICY = `${SHARED_POLICY}; frame-ancestors 'none'`;

/** Headers every response of the desk carries, whichever path served it. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Referrer-Policy': 'no-referrer',
};

/**
 * Replaces any CSP a response brought with the desk's own: header names are case-insensitive,
 * so a looser `content-security-policy` from elsewhere must not survive beside ours.
 */
export function withSecurityHeaders(
  headers: Record<string, string | string[]> | undefined,
): Record<string, string | string[]> {
  const result: Record<string, string | string[]> = {};
  const ours = new Set(Object.keys(SECURITY_HEADERS).map((name) => name.toLowerCase()));
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (!ours.has(name.toLowerCase())) result[name] = value;
  }
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) result[name] = [value];
  return result;
}
