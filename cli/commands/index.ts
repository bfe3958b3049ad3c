import type { Command } from '../command';
import { inspectCommand } from './inspect';
import { exportCommand } from './export';
import { verifyCommand } from './verify';
import { appliedCommand } from './applied';
import { reconcileCommand } from './reconcile';

/** Every command the CLI knows, in the order `--help` lists them. Each lives in its own file. */
export const commands: Command[] = [
  inspectCommand,
  reconcileCommand,
  exportCommand,
  verifyCommand,
  appliedCommand,
];
