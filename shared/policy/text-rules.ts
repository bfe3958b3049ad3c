import type { Job, SupportRequest } from '../domain/records';
import type { CompiledSettings } from './compiled-settings';
import type { ErrorClass, ErrorClassMethod } from './types';

/** The first legal term in error_details, then in message, as written; null when none. */
export function findLegalTerm(request: SupportRequest, compiled: CompiledSettings): string | null {
  const pattern = compiled.legalTerms;
  if (!pattern) return null;
  for (const text of [request.errorDetails, request.message]) {
    const match = pattern.exec(text);
    if (match) return match[0];
  }
  return null;
}

/** Runs of letters, digits, `_` and `-`, in order: error_details first, then message. */
export function textTokens(request: SupportRequest): string[] {
  const tokens: string[] = [];
  for (const text of [request.errorDetails, request.message]) {
    const found = text.match(/[A-Za-z0-9_-]+/g);
    if (found) tokens.push(...found);
  }
  return tokens;
}

/** The request's own words, lower-cased once for the "error code mentioned" tie-break. */
export function requestTextLower(request: SupportRequest): string {
  return `${request.errorDetails}\n${request.message}`.toLowerCase();
}

export interface ClassifiedError {
  errorClass: ErrorClass;
  method: ErrorClassMethod;
}

/**
 * The class from the job's own error: the code tables when there is a code (an unlisted code
 * leaves the cause unknown), else the message patterns, platform tested first.
 */
export function classifyJobError(job: Job, compiled: CompiledSettings): ClassifiedError {
  const code = job.errorCode.trim().toLowerCase();
  if (code !== '') {
    if (compiled.platformCodes.has(code)) return { errorClass: 'platform', method: 'code_table' };
    if (compiled.customerCodes.has(code)) return { errorClass: 'customer', method: 'code_table' };
    return { errorClass: 'unknown', method: 'none' };
  }
  const message = job.errorMessage;
  if (message !== '') {
    if (compiled.platformMessage.test(message)) return { errorClass: 'platform', method: 'message_pattern' };
    if (compiled.customerMessage.test(message)) return { errorClass: 'customer', method: 'message_pattern' };
  }
  return { errorClass: 'unknown', method: 'none' };
}
