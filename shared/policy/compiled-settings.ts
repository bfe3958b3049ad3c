import type { PolicySettings } from './settings';

const HOUR_MS = 3_600_000;
const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

/** Settings turned once into what the rules test against, so no rule recompiles per request. */
export interface CompiledSettings {
  settings: PolicySettings;
  windowMs: number;
  duplicatePaymentMs: number;
  repeatRequesterSpanMs: number;
  platformCodes: ReadonlySet<string>;
  customerCodes: ReadonlySet<string>;
  platformMessage: RegExp;
  customerMessage: RegExp;
  /** Null when the settings list no legal term. */
  legalTerms: RegExp | null;
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Whole words: the term may not touch a letter, digit or underscore on either side. A space in a
 * term matches any run of white space, so "small  claims" or a line break between the words count.
 */
function legalTermsPattern(terms: readonly string[]): RegExp | null {
  if (terms.length === 0) return null;
  const alternatives = [...terms]
    .map((term) => term.trim())
    .sort((a, b) => b.length - a.length || (a < b ? -1 : a > b ? 1 : 0))
    .map((term) => term.split(/\s+/).map(escapeRegExp).join('\\s+'));
  return new RegExp(`(?<![\\p{L}\\p{N}_])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}_])`, 'iu');
}

export function compileSettings(settings: PolicySettings): CompiledSettings {
  return {
    settings,
    windowMs: settings.windowHours * HOUR_MS,
    duplicatePaymentMs: settings.duplicatePaymentMinutes * MINUTE_MS,
    repeatRequesterSpanMs: settings.repeatRequesterDays * DAY_MS,
    platformCodes: new Set(settings.platformErrorCodes.map((c) => c.toLowerCase())),
    customerCodes: new Set(settings.customerErrorCodes.map((c) => c.toLowerCase())),
    platformMessage: new RegExp(settings.platformMessagePattern, 'i'),
    customerMessage: new RegExp(settings.customerMessagePattern, 'i'),
    legalTerms: legalTermsPattern(settings.legalTerms),
  };
}
