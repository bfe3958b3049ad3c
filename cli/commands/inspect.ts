import { IMPORT_KINDS, type ImportKind } from '../../shared/domain/records';
import { ReadError, createRecordReader, type ReadReport } from '../../shared/reading/index';
import type { DateOrder } from '../../shared/reading/timestamps';
import { EXIT_OK, UsageError, type CliIo, type Command, type ParsedArgs } from '../command';
import { fileChunks } from '../node-files';

/** The JSON `inspect` prints: the spec's fields first, then the extra counts and notes. */
export interface InspectOutput {
  kind: ImportKind;
  encoding: string;
  delimiter: string;
  rows: number;
  accepted: number;
  rejected: number;
  duplicates: number;
  skipped: number;
  warnings: number;
  errors: ReadReport['errors'];
  lineEnding: ReadReport['lineEnding'];
  dateOrder: DateOrder;
  timeZone: string;
  unmappedColumns: string[];
  notes: ReadReport['notes'];
}

export const inspectCommand: Command = {
  name: 'inspect',
  summary: 'read a source file the way the importer does and print the JSON report',
  usage:
    'inspect --kind <jobs|ledger|payments|requests|outages> [--timezone ZONE] [--date-order mdy|dmy] FILE',
  options: {
    kind: { type: 'string' },
    timezone: { type: 'string' },
    'date-order': { type: 'string' },
  },
  async run(args: ParsedArgs, io: CliIo): Promise<number> {
    const output = await inspectFile(parseInspectArgs(args));
    io.stdout(`${JSON.stringify(output, null, 2)}\n`);
    return EXIT_OK;
  },
};

export interface InspectRequest {
  file: string;
  kind: ImportKind | undefined;
  timeZone: string;
  dateOrder: DateOrder;
}

export function parseInspectArgs(args: ParsedArgs): InspectRequest {
  const [file, ...more] = args.positionals;
  if (!file || more.length > 0) throw new UsageError('give exactly one FILE to inspect');
  const kind = args.values.kind;
  if (kind !== undefined && (typeof kind !== 'string' || !IMPORT_KINDS.includes(kind as ImportKind))) {
    throw new UsageError(`--kind must be one of ${IMPORT_KINDS.join(', ')}`);
  }
  const order = args.values['date-order'] ?? 'mdy';
  if (order !== 'mdy' && order !== 'dmy') throw new UsageError('--date-order must be mdy or dmy');
  const zone = args.values.timezone ?? 'UTC';
  if (typeof zone !== 'string') throw new UsageError('--timezone needs an IANA zone name');
  return { file, kind: kind as ImportKind | undefined, timeZone: zone, dateOrder: order };
}

/** Streams the file through the shared reading pipeline; an unreadable file is a UsageError. */
export async function inspectFile(request: InspectRequest): Promise<InspectOutput> {
  try {
    const reader = createRecordReader({
      kind: request.kind,
      timeZone: request.timeZone,
      dateOrder: request.dateOrder,
      fileName: request.file,
    });
    // Records are dropped as they come: inspect only counts, so memory stays flat.
    for await (const chunk of fileChunks(request.file)) reader.push(chunk);
    const { report } = reader.finish();
    return {
      kind: report.kind,
      encoding: report.encoding,
      delimiter: report.delimiter,
      rows: report.rows,
      accepted: report.accepted,
      rejected: report.rejected,
      duplicates: report.duplicates,
      skipped: report.skipped,
      warnings: report.warnings,
      errors: report.errors,
      lineEnding: report.lineEnding,
      dateOrder: report.dateOrder,
      timeZone: report.timeZone,
      unmappedColumns: report.unmappedColumns,
      notes: report.notes,
    };
  } catch (error) {
    if (error instanceof ReadError) throw new UsageError(error.message);
    throw error;
  }
}
