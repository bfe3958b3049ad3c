import { checkBatchFields } from '../../shared/export/batch-fields';
import { appliedReport } from '../../shared/export/applied-report';
import type { LedgerEntry } from '../../shared/domain/records';
import { ReadError, createRecordReader } from '../../shared/reading/index';
import { EXIT_OK, UsageError, type CliIo, type Command, type ParsedArgs } from '../command';
import { fileChunks } from '../node-files';
import { readText, requiredString } from './export';

export const appliedCommand: Command = {
  name: 'applied',
  summary: "report each batch item as applied, missing or applied_twice from the ledger's restore rows",
  usage: 'applied --batch FILE --ledger F [--ledger F…]',
  options: {
    batch: { type: 'string' },
    ledger: { type: 'string', multiple: true },
  },
  async run(args: ParsedArgs, io: CliIo): Promise<number> {
    const batchPath = requiredString(args, 'batch');
    const ledgers = args.values.ledger;
    if (!Array.isArray(ledgers) || ledgers.length === 0) throw new UsageError('--ledger is required');
    if (args.positionals.length) throw new UsageError(`unexpected argument ${args.positionals[0]}`);
    const fields = await checkBatchFields(await readText(batchPath));
    if (!fields.ok) throw new UsageError(`${batchPath}: not a credit-back batch (${fields.problems[0]})`);
    const restores: LedgerEntry[] = [];
    for (const path of ledgers) restores.push(...(await readRestoreRows(String(path))));
    io.stdout(`${JSON.stringify(appliedReport(fields.batch, restores), null, 2)}\n`);
    return EXIT_OK;
  },
};

/** Streams a ledger through the importer's pipeline, keeping only the restore rows. */
async function readRestoreRows(path: string): Promise<LedgerEntry[]> {
  const kept: LedgerEntry[] = [];
  try {
    const reader = createRecordReader<'ledger'>({ kind: 'ledger', fileName: path });
    const keep = (records: { record: LedgerEntry }[]) => {
      for (const { record } of records) if (record.type === 'restore') kept.push(record);
    };
    for await (const chunk of fileChunks(path)) keep(reader.push(chunk).records);
    keep(reader.finish().records);
  } catch (error) {
    if (error instanceof ReadError) throw new UsageError(error.message);
    throw error;
  }
  return kept;
}
