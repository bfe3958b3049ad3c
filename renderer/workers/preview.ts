import { batchCountsOf } from '../data/import-records';
import type { ImportKind } from '../../shared/domain/records';
import { ReadError, createRecordReader, type ReadProblem, type RecordReader } from '../../shared/reading';
import { chunksOf, type ByteSource } from './byte-source';
import type { FileMeta, PreviewResult, ReadChoices } from './import-protocol';
import { readOptionsFrom } from './read-options';

/** A small file is read whole, so its preview already has the exact counts. */
const PREVIEW_BYTES = 4 * 1024 * 1024;
const PREVIEW_ROWS = 20;
const PREVIEW_PROBLEMS = 200;
/** A Statuspage export is one JSON document: it has no rows until it is read whole. */
const JSON_PREVIEW_LIMIT = 64 * 1024 * 1024;
const CHUNK = 256 * 1024;

export async function previewFile(
  source: ByteSource,
  file: FileMeta,
  choices: ReadChoices,
): Promise<PreviewResult> {
  const result: PreviewResult = {
    kind: null,
    kindScores: [],
    encoding: null,
    delimiter: null,
    lineEnding: null,
    mapping: null,
    rows: [],
    problems: [],
    rowsRead: 0,
    complete: false,
    counts: null,
    error: null,
  };
  let reader: RecordReader<ImportKind> | null = null;
  const take = (records: { record: object }[], problems: ReadProblem[]) => {
    result.rowsRead += records.length;
    for (const r of records) if (result.rows.length < PREVIEW_ROWS) result.rows.push({ ...r.record });
    for (const p of problems) if (result.problems.length < PREVIEW_PROBLEMS) result.problems.push(p);
    result.rowsRead += problems.filter((p) => p.severity !== 'warning').length;
  };
  try {
    reader = createRecordReader({ ...readOptionsFrom(choices, file.name), keepExtraColumns: true });
    let bytes = 0;
    let reachedEnd = true;
    for await (const chunk of chunksOf(source, CHUNK)) {
      bytes += chunk.length;
      const batch = reader.push(chunk);
      take(batch.records, batch.problems);
      const limit = reader.header === null ? JSON_PREVIEW_LIMIT : PREVIEW_BYTES;
      if (bytes >= limit && bytes < source.size) {
        reachedEnd = false;
        break;
      }
    }
    if (reachedEnd) {
      const last = reader.finish();
      take(last.records, last.problems);
      const r = last.report;
      result.complete = true;
      result.rowsRead = r.rows;
      result.counts = batchCountsOf(r);
    }
  } catch (error) {
    result.error =
      error instanceof ReadError
        ? { code: error.code, message: error.message }
        : {
            code: 'unreadable',
            message: `${file.name}: ${error instanceof Error ? error.message : String(error)}`,
          };
  }
  const header = reader?.header ?? null;
  if (header) {
    result.kind = header.kind;
    result.kindScores = header.kindGuess?.scores ?? [];
    result.encoding = header.encoding;
    result.delimiter = header.delimiter;
    result.lineEnding = header.lineEnding;
    result.mapping = header.mapping
      ? {
          headers: header.mapping.headers,
          fieldToColumn: header.mapping.fieldToColumn,
          unmappedColumns: header.mapping.unmappedColumns,
          missingRequired: header.mapping.missingRequired,
        }
      : null;
  }
  return result;
}
