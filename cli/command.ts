import type { ParseArgsConfig } from 'node:util';

/** Exit statuses of the command line contract: 0 success, 1 a check failed, 2 bad usage or input. */
export const EXIT_OK = 0;
export const EXIT_CHECK_FAILED = 1;
export const EXIT_USAGE = 2;

/** Bad usage or an unreadable input: one line on stderr, exit 2. */
export class UsageError extends Error {}

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

export type Options = NonNullable<ParseArgsConfig['options']>;

export interface ParsedArgs {
  values: Record<string, string | boolean | (string | boolean)[] | undefined>;
  positionals: string[];
}

export interface Command {
  name: string;
  summary: string;
  usage: string;
  options: Options;
  run(args: ParsedArgs, io: CliIo): Promise<number>;
}
