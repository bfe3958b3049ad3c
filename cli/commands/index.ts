import type { Command } from '../command';

/** Every command the CLI knows, in the order `--help` lists them. Each lives in its own file. */
export const commands: Command[] = [];
