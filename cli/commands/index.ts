import type { Command } from '../command';
import { inspectCommand } from './inspect';
import { exportCommand } from './export';
import { verifyCommand } from './verify';
import { appliedCommand } from './applied';

/** Every command the CLI knows, in the order `--help` lists them. Each lives in its own file. */
export const commands: Command[] = [inspectCommand, exportCommand, verifyCommand, appliedCommand];
