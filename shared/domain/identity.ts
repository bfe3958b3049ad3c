/**
 * A reviewer identity is recorded on every decision and becomes an `allowed_signers`
 * principal, so it must be one token there: no spaces, commas, quotes, wildcards (`*`, `?`,
 * `!`), backslashes or control characters. One rule for the renderer, the main process and the CLI.
 */
export const MAX_IDENTITY_LENGTH = 100;

const FORBIDDEN = /[\s,*?!"'\\\p{Cc}]/u;

export function identityProblem(identity: string): string | null {
  const trimmed = identity.trim();
  if (trimmed === '') return 'Enter an identity, for example ana@finance.';
  if (trimmed.length > MAX_IDENTITY_LENGTH)
    return `Keep the identity under ${MAX_IDENTITY_LENGTH} characters.`;
  if (FORBIDDEN.test(trimmed)) {
    return 'Use letters, digits and . _ - @ only: no spaces, commas, quotes, wildcards or backslashes.';
  }
  return null;
}
