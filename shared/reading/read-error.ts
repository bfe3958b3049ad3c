/** Why a whole file cannot be read (as opposed to single rows, which are rejected one by one). */
export type ReadErrorCode =
  | 'binary'
  | 'empty'
  | 'no-header'
  | 'missing-column'
  | 'mixed-date-order'
  | 'unclosed-quote'
  | 'bad-option'
  | 'bad-json';

/**
 * A file-level failure. The message is complete and user-facing: it names the file (when the
 * caller gave its name) and what is wrong, so the CLI prints it as its one stderr line and the
 * import screen shows it as is.
 */
export class ReadError extends Error {
  override readonly name = 'ReadError';
  constructor(
    readonly code: ReadErrorCode,
    message: string,
    readonly details: { line?: number; column?: string; value?: string; missingColumns?: string[] } = {},
  ) {
    super(message);
  }
}

export function fileLabel(fileName: string | undefined): string {
  return fileName ? `${fileName}: ` : '';
}
