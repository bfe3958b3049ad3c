import { basename } from 'node:path';
import { verifyExport } from '../../shared/export/verify-export';
import {
  EXIT_CHECK_FAILED,
  EXIT_OK,
  UsageError,
  type CliIo,
  type Command,
  type ParsedArgs,
} from '../command';
import { optionalString, readBytes, readText, requiredString } from './export';

export const verifyCommand: Command = {
  name: 'verify',
  summary: 'verify a credit-back batch or decision export next to its .sig; exit 0 valid, 1 not valid',
  usage: 'verify --allowed-signers F FILE [--previous BATCHFILE]',
  options: {
    'allowed-signers': { type: 'string' },
    previous: { type: 'string' },
  },
  async run(args: ParsedArgs, io: CliIo): Promise<number> {
    const allowedPath = requiredString(args, 'allowed-signers');
    const previousPath = optionalString(args, 'previous');
    const [file, ...more] = args.positionals;
    if (!file || more.length)
      throw new UsageError('give exactly one FILE to verify (its .sig must sit beside it)');
    const allowedSignersText = await readText(allowedPath);
    const bytes = await readBytes(file);
    const signatureText = await readText(`${file}.sig`);
    const previous = previousPath
      ? { fileName: basename(previousPath), bytes: await readBytes(previousPath) }
      : null;
    const result = await verifyExport({
      file: { fileName: basename(file), bytes },
      signatureText,
      allowedSignersText,
      previous,
    });
    for (const check of result.checks) {
      const mark = check.skipped ? 'skip' : check.ok ? 'ok' : 'FAIL';
      io.stdout(`${mark.padEnd(4)}  ${check.name.padEnd(9)}  ${check.message}\n`);
    }
    if (result.valid) {
      io.stdout(`valid: ${basename(file)}\n`);
      return EXIT_OK;
    }
    const failed = result.checks.filter((c) => !c.ok).map((c) => c.name);
    io.stderr(`review-desk verify: ${basename(file)} is not valid (${failed.join(', ')})\n`);
    return EXIT_CHECK_FAILED;
  },
};
