import { parseArgs } from 'node:util';
import { EXIT_OK, EXIT_USAGE, UsageError, type CliIo, type Command } from './command';

export function helpText(commands: Command[]): string {
  const width = Math.max(8, ...commands.map((c) => c.name.length));
  const lines = commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`);
  return [
    'Review Desk: credit-back review engine, headless.',
    '',
    'Usage: review-desk <command> [options]   (in the project: npm run --silent cli -- <command>)',
    '',
    'Commands:',
    ...(lines.length ? lines : ['  (none yet)']),
    '',
    'Run `review-desk <command> --help` for a command’s options.',
    'Exit status: 0 success, 1 a check failed, 2 bad usage or unreadable input.',
    '',
  ].join('\n');
}

/** Runs one command line; never throws, and prints a single line on stderr for any failure. */
export async function dispatch(argv: string[], commands: Command[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(helpText(commands));
    return name === undefined ? EXIT_USAGE : EXIT_OK;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    io.stderr(`review-desk: unknown command '${name}'. Run 'review-desk --help' for the list.\n`);
    return EXIT_USAGE;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout(`Usage: review-desk ${command.usage}\n\n${command.summary}\n`);
    return EXIT_OK;
  }
  let parsed;
  try {
    parsed = parseArgs({ args: rest, options: command.options, allowPositionals: true, strict: true });
  } catch (error) {
    io.stderr(`review-desk ${name}: ${oneLine(error)}\n`);
    return EXIT_USAGE;
  }
  try {
    return await command.run(parsed, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`review-desk ${name}: ${oneLine(error)}\n`);
      return EXIT_USAGE;
    }
    io.stderr(`review-desk ${name}: unexpected failure: ${oneLine(error)}\n`);
    return EXIT_USAGE;
  }
}

function oneLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(/\s*\n\s*/g, ' ').trim();
}
