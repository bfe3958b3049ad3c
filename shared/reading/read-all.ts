import type { ImportKind } from '../domain/records';
import {
  createRecordReader,
  type AcceptedRecord,
  type ReadOptions,
  type ReadProblem,
  type ReadReport,
} from './record-reader';

export interface ReadAllResult<K extends ImportKind> {
  records: AcceptedRecord<K>[];
  problems: ReadProblem[];
  report: ReadReport;
}

/**
 * Reads a whole source into memory as records: for the CLI and tests, where files are the size
 * of a review. The import worker uses createRecordReader directly to write batch by batch.
 */
export async function readAllRecords<K extends ImportKind = ImportKind>(
  chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  options: ReadOptions = {},
): Promise<ReadAllResult<K>> {
  const reader = createRecordReader<K>(options);
  const records: AcceptedRecord<K>[] = [];
  const problems: ReadProblem[] = [];
  for await (const chunk of chunks) {
    const batch = reader.push(chunk);
    for (const r of batch.records) records.push(r);
    for (const p of batch.problems) problems.push(p);
  }
  const last = reader.finish();
  for (const r of last.records) records.push(r);
  for (const p of last.problems) problems.push(p);
  return { records, problems, report: last.report };
}

/** The records alone, when problems only matter through the report. */
export async function readRecordsOfKind<K extends ImportKind>(
  kind: K,
  chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  options: Omit<ReadOptions, 'kind'> = {},
): Promise<{ records: AcceptedRecord<K>['record'][]; report: ReadReport }> {
  const result = await readAllRecords<K>(chunks, { ...options, kind });
  return { records: result.records.map((r) => r.record), report: result.report };
}
