/**
 * The reading pipeline: bytes → text → CSV rows → canonical records, streaming, platform-free.
 * The import worker and the CLI both use it; see createRecordReader for the contract.
 */
export {
  createRecordReader,
  type AcceptedRecord,
  type HeaderInfo,
  type ProblemSeverity,
  type ReadBatch,
  type ReadContinuation,
  type ReadOptions,
  type ReadProblem,
  type ReadRecord,
  type ReadReport,
  type RecordReader,
  type UnsettledRepeat,
} from './record-reader';
export { readAllRecords, readRecordsOfKind, type ReadAllResult } from './read-all';
export { ReadError, type ReadErrorCode } from './read-error';
export { CsvTokenizer, type RowSink, type TokenError, type TokenizerOptions } from './csv-tokenizer';
export { detachedCopy } from './detach';
export { DELIMITERS, delimiterName, detectDelimiter, type Delimiter } from './delimiter';
export { SNIFF_BYTES, createDecoder, sniffEncoding, type TextEncodingName } from './encoding';
export { KeyIndex, type KeyIndexState } from './key-index';
export { contentFingerprint, fingerprintNumber, naturalKey } from './fingerprint';
export {
  detectKind,
  mapColumns,
  type ColumnMapping,
  type KindGuess,
  type MappingOverride,
} from './header-mapping';
export type { LineEnding } from './line-endings';
export { SCHEMAS, fieldNames, normalizeHeader, type FieldSpec } from './schemas';
export { Sha256 } from '../util/sha256';
export { readStatuspageIncidents } from './statuspage';
export { isValidTimeZone, zoneOffsetAt, zonedToInstant } from './time-zones';
export { parseTimestamp, readWallTime, wallToInstant, type DateOrder, type WallTime } from './timestamps';
export { minorUnitDigits, normalizeEmail, parseMinorUnits } from './values';
