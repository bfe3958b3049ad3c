import { encodeBase64 } from './base64';
import { equalBytes } from './bytes';
import { matchPatternList } from './pattern';
import { ed25519PublicKeyBlob, parseOpenSshPublicKeyLine } from './public-key';

/**
 * OpenSSH's allowed_signers file (ssh-keygen(1), ALLOWED SIGNERS):
 * `principals [options] keytype base64-key [comment]`, `#` comments and blank lines ignored.
 */
export interface AllowedSigner {
  /** 1-based line number in the file. */
  line: number;
  /** A comma-separated pattern list (`*`, `?`, `!`). */
  principals: string;
  certAuthority: boolean;
  /** Pattern list of namespaces this key may sign, or null for any. */
  namespaces: string | null;
  validAfter: Date | null;
  validBefore: Date | null;
  keyType: string;
  keyBlob: Uint8Array;
  comment: string;
}

export interface AllowedSignersProblem {
  line: number;
  message: string;
}

export interface AllowedSigners {
  signers: AllowedSigner[];
  problems: AllowedSignersProblem[];
}

const KNOWN_OPTIONS = new Set(['cert-authority', 'namespaces', 'valid-after', 'valid-before']);

export function parseAllowedSigners(text: string): AllowedSigners {
  const signers: AllowedSigner[] = [];
  const problems: AllowedSignersProblem[] = [];
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  lines.forEach((raw, index) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    try {
      signers.push(parseLine(line, index + 1));
    } catch (error) {
      problems.push({ line: index + 1, message: (error as Error).message });
    }
  });
  return { signers, problems };
}

function parseLine(line: string, lineNumber: number): AllowedSigner {
  const [principals, afterPrincipals] = takeToken(line);
  if (!principals || !afterPrincipals) throw new Error('expected "principals [options] keytype key"');
  let rest = afterPrincipals;
  let options = '';
  if (!looksLikeKeyStart(rest)) {
    [options, rest] = takeOptions(rest);
    if (!rest) throw new Error('no key after the options');
  }
  const key = parseOpenSshPublicKeyLine(rest);
  const signer: AllowedSigner = {
    line: lineNumber,
    principals,
    certAuthority: false,
    namespaces: null,
    validAfter: null,
    validBefore: null,
    keyType: key.keyType,
    keyBlob: key.blob,
    comment: key.comment,
  };
  for (const option of splitOptions(options)) applyOption(signer, option);
  return signer;
}

/** A token is a run of non-blanks, or a double-quoted string (OpenSSH strdelimw). */
function takeToken(text: string): [string, string] {
  if (text.startsWith('"')) {
    const end = text.indexOf('"', 1);
    if (end < 0) throw new Error('unterminated quote in principals');
    return [text.slice(1, end), text.slice(end + 1).trim()];
  }
  const match = /^(\S+)\s*(.*)$/.exec(text)!;
  return [match[1]!, match[2]!];
}

function looksLikeKeyStart(text: string): boolean {
  const first = /^(\S+)\s+\S/.exec(text)?.[1] ?? '';
  return /^(ssh-|ecdsa-|sk-)/.test(first) && !first.includes('=');
}

/** Options run up to the first blank outside double quotes. */
function takeOptions(text: string): [string, string] {
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === ' ' || c === '\t')) return [text.slice(0, i), text.slice(i).trim()];
  }
  if (quoted) throw new Error('unterminated quote in options');
  return [text, ''];
}

function splitOptions(options: string): string[] {
  const out: string[] = [];
  let quoted = false;
  let start = 0;
  for (let i = 0; i <= options.length; i++) {
    const c = options[i];
    if (c === '"') quoted = !quoted;
    else if (i === options.length || (c === ',' && !quoted)) {
      const option = options.slice(start, i);
      if (option) out.push(option);
      start = i + 1;
    }
  }
  return out;
}

function applyOption(signer: AllowedSigner, option: string): void {
  const match = /^([A-Za-z-]+)(?:="(.*)")?$/.exec(option);
  const name = match?.[1]?.toLowerCase() ?? '';
  if (!match || !KNOWN_OPTIONS.has(name)) throw new Error(`unknown option ${option}`);
  const value = match[2];
  if (name === 'cert-authority') {
    if (value !== undefined) throw new Error('cert-authority takes no value');
    signer.certAuthority = true;
    return;
  }
  if (value === undefined) throw new Error(`option ${name} needs a quoted value`);
  if (name === 'namespaces') signer.namespaces = value;
  else if (name === 'valid-after') signer.validAfter = parseSshTime(value);
  else signer.validBefore = parseSshTime(value);
}

/** `YYYYMMDD[Z]` or `YYYYMMDDHHMM[SS][Z]`; without Z it is local time, as in ssh-keygen. */
export function parseSshTime(value: string): Date {
  const match = /^(\d{4})(\d{2})(\d{2})(?:(\d{2})(\d{2})(\d{2})?)?(Z?)$/i.exec(value);
  if (!match) throw new Error(`invalid time "${value}" (expected YYYYMMDD[HHMM[SS]][Z])`);
  const [, y, mo, d, h = '0', mi = '0', s = '0', z] = match;
  const parts = [Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s)] as const;
  return z ? new Date(Date.UTC(...parts)) : new Date(...parts);
}

export interface SignerLookup {
  /** The identity to check (ssh-keygen -I); null finds any principal that allows the key. */
  identity: string | null;
  namespace: string;
  publicKey: Uint8Array;
  now?: Date;
}

export type SignerLookupResult =
  | { ok: true; signer: AllowedSigner; principal: string }
  | {
      ok: false;
      reason:
        'key_not_listed' | 'identity_not_listed' | 'namespace_not_allowed' | 'expired' | 'not_yet_valid';
    };

/** The same acceptance as `ssh-keygen -Y verify` for a plain (non-certificate) Ed25519 key. */
export function findAllowedSigner(signers: AllowedSigner[], lookup: SignerLookup): SignerLookupResult {
  const blob = ed25519PublicKeyBlob(lookup.publicKey);
  const now = lookup.now ?? new Date();
  let nearMiss: SignerLookupResult | null = null;
  let keyListed = false;
  for (const signer of signers) {
    if (signer.certAuthority || !equalBytes(signer.keyBlob, blob)) continue;
    keyListed = true;
    if (lookup.identity !== null && !matchPatternList(lookup.identity, signer.principals)) continue;
    if (signer.namespaces !== null && !matchPatternList(lookup.namespace, signer.namespaces)) {
      nearMiss ??= { ok: false, reason: 'namespace_not_allowed' };
      continue;
    }
    if (signer.validAfter && now < signer.validAfter) {
      nearMiss ??= { ok: false, reason: 'not_yet_valid' };
      continue;
    }
    if (signer.validBefore && now > signer.validBefore) {
      nearMiss ??= { ok: false, reason: 'expired' };
      continue;
    }
    const principal = lookup.identity ?? firstPlainPrincipal(signer.principals);
    return { ok: true, signer, principal };
  }
  return nearMiss ?? { ok: false, reason: keyListed ? 'identity_not_listed' : 'key_not_listed' };
}

function firstPlainPrincipal(list: string): string {
  return list.split(',').find((p) => !p.startsWith('!')) ?? list;
}

/** `<identity> [namespaces="…"] ssh-ed25519 AAAA…`, the line handed to the billing team. */
export function allowedSignersLine(
  identity: string,
  publicKey: Uint8Array,
  options: { namespaces?: string[] } = {},
): string {
  if (!identity || /["\r\n]/.test(identity)) {
    throw new Error('an identity must be non-empty, without quotes or line breaks');
  }
  const principal = /\s/.test(identity) ? `"${identity}"` : identity;
  const namespaces = options.namespaces?.length ? ` namespaces="${options.namespaces.join(',')}"` : '';
  return `${principal}${namespaces} ssh-ed25519 ${encodeBase64(ed25519PublicKeyBlob(publicKey))}`;
}
