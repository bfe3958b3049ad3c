import type { ImportKind, RecordByKind, RowProblem } from '../domain/records';
import { DateOrderConflict, RowRejection, RowSkip } from './cell-readers';
import { CsvTokenizer, type TokenError } from './csv-tokenizer';
import type { Delimiter } from './delimiter';
import {
  SNIFF_BYTES,
  createDecoder,
  sniffEncoding,
  type ChunkDecoder,
  type TextEncodingName,
} from './encoding';
import { fingerprintHex, fingerprintNumber, naturalKey } from './fingerprint';
import { KeyIndex } from './key-index';
import {
  detectKind,
  mapColumns,
  type ColumnMapping,
  type KindGuess,
  type MappingOverride,
} from './header-mapping';
import type { LineEnding } from './line-endings';
import { ReadError, fileLabel } from './read-error';
import { createRowMapper, type RowMapper } from './record-mappers';
import { readStatuspageIncidents } from './statuspage';
import { isValidTimeZone } from './time-zones';
import type { DateOrder } from './timestamps';

export interface ReadOptions {
  /** Overrides the kind detected from the headers. */
  kind?: ImportKind;
  /** IANA zone for timestamps without an offset; default UTC. */
  timeZone?: string;
  /** How slash dates are read; default month-first. */
  dateOrder?: DateOrder;
  delimiter?: Delimiter;
  encoding?: TextEncodingName;
  /** The mapping screen's choices: header text → canonical field (null = ignore the column). */
  mapping?: MappingOverride;
  /** Named in every file-level error message. */
  fileName?: string;
  /** Keep unmapped columns on each record as `extra` (costs an object per row). */
  keepExtraColumns?: boolean;
  /** Report lists stop growing after this many entries; counts stay exact. Default: no limit. */
  maxReportedProblems?: number;
  /**
   * False leaves AcceptedRecord.fingerprint empty for callers that only need fingerprintValue
   * (the CLI): the hex text is a few string allocations per row. Default true.
   */
  hexFingerprints?: boolean;
  /** A guess at the number of rows (say, from the file's size), to size the duplicate check up front. */
  expectedRows?: number;
  /**
   * Fingerprint only the rows that repeat an earlier key (accepted rows get NaN). A repeat is
   * left out as always, but whether it is an identical duplicate or a conflict needs its first
   * row's fingerprint: it is not counted, and the report lists it in `unsettled`, for the caller
   * to settle by reading those first rows again (`onlyLines`). For a caller that stores no
   * fingerprints and reads files that rarely repeat a key (the CLI): fingerprints were 0.6-0.7 s
   * of reading reconcile's million-row job log.
   */
  lazyFingerprints?: boolean;
  /** Map only the rows on these lines (the others are still counted as rows); see settleRepeats. */
  onlyLines?: ReadonlySet<number>;
  /**
   * Reads a later part of a file, starting at a row boundary, as the reader of its start would
   * go on: with that reader's header (see `HeaderInfo`; `encoding` must be given too). Lines are
   * counted from 1 at the part's start, and duplicates are found within the part only (see
   * `keyIndex` to compare parts). Used by the CLI to read one file in parallel parts.
   */
  continuation?: ReadContinuation;
}

export interface ReadContinuation {
  /** The file's header cells, as `HeaderInfo.mapping.headers` gives them. */
  headers: string[];
  delimiter: string;
  lineEnding: Exclude<LineEnding, 'mixed'>;
}

/** A row that repeats an earlier row's key, read with lazyFingerprints. */
export interface UnsettledRepeat {
  line: number;
  /** The line of the key's first row. */
  firstLine: number;
  /** This row's fingerprint, to compare with the first row's. */
  fingerprint: number;
}

export type ReadRecord<K extends ImportKind> = RecordByKind[K] & { extra?: Record<string, string> };

export interface AcceptedRecord<K extends ImportKind> {
  /** Physical line of the row (1-based, header = 1). */
  line: number;
  key: string;
  /** See contentFingerprint: equal key + equal fingerprint = the same row again. */
  fingerprint: string;
  /** The same fingerprint as a number (53 bits): `parseInt(fingerprint, 16)`. */
  fingerprintValue: number;
  record: ReadRecord<K>;
}

/** error = rejected row; duplicate = identical repeat, not stored; skipped = left out with a note. */
export type ProblemSeverity = 'error' | 'warning' | 'duplicate' | 'skipped';

export interface ReadProblem extends RowProblem {
  severity: ProblemSeverity;
}

export interface ReadBatch<K extends ImportKind> {
  records: AcceptedRecord<K>[];
  problems: ReadProblem[];
}

export interface ReadReport {
  kind: ImportKind;
  encoding: TextEncodingName;
  /** The delimiter character (tab as "\t"); "json" for a Statuspage export. */
  delimiter: string;
  lineEnding: LineEnding | 'json';
  dateOrder: DateOrder;
  timeZone: string;
  /** Data rows (blank lines not counted) = accepted + rejected + duplicates + skipped. */
  rows: number;
  accepted: number;
  rejected: number;
  duplicates: number;
  skipped: number;
  /** Accepted rows that carry a warning (extra or missing cells, replaced bytes). */
  warnings: number;
  /** Left-out repeats not yet counted as duplicates or errors (see ReadOptions.lazyFingerprints). */
  unsettled: UnsettledRepeat[];
  /** The rejected rows, one entry each. */
  errors: RowProblem[];
  /** Warnings, duplicates and skipped rows, in file order. */
  notes: ReadProblem[];
  /** Columns not mapped to any field (kept as `extra` when asked). */
  unmappedColumns: string[];
  /** True when bytes invalid in the detected encoding were replaced (see createDecoder). */
  invalidBytesReplaced: boolean;
}

/** What the preview shows once the header is read. */
export interface HeaderInfo {
  encoding: TextEncodingName;
  delimiter: string;
  lineEnding: LineEnding | 'json';
  kind: ImportKind;
  kindGuess: KindGuess | null;
  mapping: ColumnMapping | null;
}

export interface RecordReader<K extends ImportKind> {
  /** Feeds the next bytes; returns the rows completed by them. Throws ReadError for a bad file. */
  push(chunk: Uint8Array): ReadBatch<K>;
  /** Ends the input; returns the last rows and the full report. */
  finish(): ReadBatch<K> & { report: ReadReport };
  /** Known after the header row; null before. */
  readonly header: HeaderInfo | null;
  /**
   * After push, before finish: true when the bytes so far ended exactly at a row boundary (see
   * CsvTokenizer.atRowBoundary), so that a `continuation` reader can read the rest.
   */
  readonly atRowBoundary: boolean;
  /** The natural keys accepted so far, with each one's first line and content fingerprint. */
  readonly keyIndex: KeyIndex;
}

const EMPTY_CELL_ROW_LENGTH = 1;

/** Creates the streaming reader the worker and the CLI share. Never needs the whole file. */
export function createRecordReader<K extends ImportKind = ImportKind>(
  options: ReadOptions = {},
): RecordReader<K> {
  return new StreamingRecordReader<K>(options);
}

class StreamingRecordReader<K extends ImportKind> implements RecordReader<K> {
  private head: Uint8Array[] = [];
  private headBytes = 0;
  private decoder: ChunkDecoder | null = null;
  private encoding: TextEncodingName = 'utf-8';
  private tokenizer: CsvTokenizer | null = null;
  private jsonText: string[] | null = null;
  private sawText = false;
  private info: HeaderInfo | null = null;
  private mapper: RowMapper<K> | null = null;
  private mapping: ColumnMapping | null = null;
  private keyColumn = '';
  private kind: ImportKind = 'jobs';
  private readonly zone: string;
  private readonly dateOrder: DateOrder;
  private readonly seen: KeyIndex;
  private batch: ReadBatch<K> = { records: [], problems: [] };
  private readonly errors: RowProblem[] = [];
  private readonly notes: ReadProblem[] = [];
  private readonly counts = { rows: 0, accepted: 0, rejected: 0, duplicates: 0, skipped: 0, warnings: 0 };
  private readonly maxReported: number;
  private readonly hexFingerprints: boolean;
  private readonly unsettled: UnsettledRepeat[] = [];
  private finished = false;

  constructor(private readonly options: ReadOptions) {
    this.zone = options.timeZone ?? 'UTC';
    this.dateOrder = options.dateOrder ?? 'mdy';
    this.maxReported = options.maxReportedProblems ?? Infinity;
    this.hexFingerprints = options.hexFingerprints ?? true;
    this.seen = new KeyIndex(options.expectedRows ?? 0);
    if (!isValidTimeZone(this.zone)) {
      throw new ReadError(
        'bad-option',
        `unknown time zone '${this.zone}' (use an IANA name such as America/Los_Angeles)`,
      );
    }
    if (options.kind) this.kind = options.kind;
    if (options.continuation) this.continueAfterHeader(options.continuation);
  }

  get header(): HeaderInfo | null {
    return this.info;
  }

  get atRowBoundary(): boolean {
    return this.decoder !== null && this.jsonText === null && (this.tokenizer?.atRowBoundary ?? false);
  }

  get keyIndex(): KeyIndex {
    return this.seen;
  }

  /** No sniffing and no header row: the part starts with data rows of a file already known. */
  private continueAfterHeader(continuation: ReadContinuation): void {
    if (!this.options.kind || !this.options.encoding) {
      throw new Error('RecordReader: a continuation needs the kind and the encoding');
    }
    this.encoding = this.options.encoding;
    this.decoder = createDecoder(this.encoding);
    this.sawText = true;
    this.tokenizer = new CsvTokenizer(
      { delimiter: continuation.delimiter, sniffedLineEnding: continuation.lineEnding },
      (cells, line, error) => this.onRow(cells, line, error),
    );
    this.readHeader(continuation.headers);
  }

  push(chunk: Uint8Array): ReadBatch<K> {
    if (this.finished) throw new Error('RecordReader: push after finish');
    this.guard(() => {
      if (!this.decoder) {
        this.head.push(chunk);
        this.headBytes += chunk.length;
        if (this.headBytes >= SNIFF_BYTES) this.startDecoding();
        return;
      }
      this.feedText(this.decoder.decode(chunk));
    });
    return this.takeBatch();
  }

  finish(): ReadBatch<K> & { report: ReadReport } {
    if (this.finished) throw new Error('RecordReader: finish twice');
    this.finished = true;
    this.guard(() => {
      if (!this.decoder) this.startDecoding();
      this.feedText(this.decoder!.end());
      if (this.jsonText) this.readJson();
      else this.tokenizer?.finish();
      if (!this.sawText) throw new ReadError('empty', `${fileLabel(this.options.fileName)}the file is empty`);
      if (!this.info)
        throw new ReadError('no-header', `${fileLabel(this.options.fileName)}the file has no header line`);
    });
    return { ...this.takeBatch(), report: this.report() };
  }

  private guard(work: () => void): void {
    try {
      work();
    } catch (error) {
      if (
        error instanceof ReadError &&
        this.options.fileName &&
        !error.message.startsWith(fileLabel(this.options.fileName))
      ) {
        throw new ReadError(error.code, fileLabel(this.options.fileName) + error.message, error.details);
      }
      throw error;
    }
  }

  private takeBatch(): ReadBatch<K> {
    const out = this.batch;
    this.batch = { records: [], problems: [] };
    return out;
  }

  private startDecoding(): void {
    let head: Uint8Array;
    if (this.head.length === 1) head = this.head[0]!;
    else {
      head = new Uint8Array(this.headBytes);
      let at = 0;
      for (const part of this.head) {
        head.set(part, at);
        at += part.length;
      }
    }
    this.head = [];
    if (head.length > 0) {
      const sniffed = sniffEncoding(head, this.options.fileName);
      this.encoding = this.options.encoding ?? sniffed.encoding;
    } else {
      this.encoding = this.options.encoding ?? 'utf-8';
    }
    this.decoder = createDecoder(this.encoding);
    this.feedText(this.decoder.decode(head));
  }

  private feedText(text: string): void {
    if (text.length === 0) return;
    if (!this.sawText) {
      const firstVisible = text.search(/\S/);
      if (firstVisible === -1) return;
      this.sawText = true;
      text = text.substring(firstVisible);
      const c = text[0];
      if (c === '{' || c === '[') this.jsonText = [];
      else {
        this.tokenizer = new CsvTokenizer({ delimiter: this.options.delimiter }, (cells, line, error) =>
          this.onRow(cells, line, error),
        );
      }
    }
    if (this.jsonText) this.jsonText.push(text);
    else this.tokenizer!.push(text);
  }

  private readJson(): void {
    if (this.options.kind && this.options.kind !== 'outages') {
      throw new ReadError(
        'no-header',
        `this is a JSON file; only outages (Statuspage incidents.json) can be read from JSON`,
      );
    }
    this.kind = 'outages';
    this.info = {
      encoding: this.encoding,
      delimiter: 'json',
      lineEnding: 'json',
      kind: 'outages',
      kindGuess: null,
      mapping: null,
    };
    const result = readStatuspageIncidents(this.jsonText!.join(''));
    for (const item of result.records) {
      this.counts.rows++;
      this.accept(item.record as unknown as ReadRecord<K>, item.line, 'id', null);
    }
    for (const problem of result.problems) {
      this.counts.rows++;
      this.reject({
        line: problem.line,
        column: problem.column,
        value: problem.value,
        reason: problem.reason,
      });
    }
  }

  private onRow(cells: string[], line: number, error: TokenError | null): void {
    if (cells.length === EMPTY_CELL_ROW_LENGTH && cells[0] === '') return;
    if (!this.mapper) {
      this.readHeader(cells);
      return;
    }
    this.counts.rows++;
    if (this.options.onlyLines && !this.options.onlyLines.has(line)) return;
    const width = this.mapping!.headers.length;
    if (error) {
      this.reject({
        line,
        column: '',
        value: truncate(cells.join(this.tokenizer!.delimiter ?? ',')),
        reason: error.message,
      });
      return;
    }
    if (cells[0] === '' && allEmpty(cells)) {
      this.counts.rows--;
      return;
    }
    let record: ReadRecord<K>;
    try {
      record = this.mapper(cells) as ReadRecord<K>;
    } catch (thrown) {
      if (thrown instanceof RowRejection) {
        this.reject({ line, column: thrown.column, value: thrown.value, reason: thrown.reason });
        return;
      }
      if (thrown instanceof RowSkip) {
        this.counts.skipped++;
        this.note({ severity: 'skipped', line, column: '', value: '', reason: thrown.reason });
        return;
      }
      if (thrown instanceof DateOrderConflict) {
        throw new ReadError(
          'mixed-date-order',
          `mixed date order: line ${line} has ${thrown.column} '${thrown.value}', which cannot be read ${
            this.dateOrder === 'mdy' ? 'month-first' : 'day-first'
          }; set the date order to ${this.dateOrder === 'mdy' ? 'dmy (day-first)' : 'mdy (month-first)'} and read the file again`,
          { line, column: thrown.column, value: thrown.value },
        );
      }
      throw thrown;
    }
    if (this.options.keepExtraColumns && this.mapping!.unmappedColumns.length > 0) {
      const extra: Record<string, string> = {};
      for (const column of this.mapping!.unmappedColumns)
        extra[this.mapping!.headers[column]!] = cells[column] ?? '';
      record.extra = extra;
    }
    let warning: string | null = null;
    if (cells.length > width) {
      warning = `row has ${cells.length} cells but the header has ${width}: the extra cells are ignored`;
    } else if (cells.length < width) {
      warning = `row has ${cells.length} cells but the header has ${width}: the missing ones are read as empty`;
    } else if (this.decoder!.replacedInvalid && cells.some((c) => c.indexOf('\uFFFD') !== -1)) {
      warning = `bytes that are not valid ${this.encoding} were replaced by �; if the file is Windows-1252, set the encoding`;
    }
    const extraValue =
      cells.length > width ? truncate(cells.slice(width).join(this.tokenizer!.delimiter ?? ',')) : '';
    this.accept(
      record,
      line,
      this.keyColumn,
      warning === null ? null : { value: extraValue, reason: warning },
    );
  }

  private readHeader(cells: string[]): void {
    const headers = cells.map((c, i) => (i === 0 ? c.replace(/^\uFEFF/, '') : c));
    if (headers.every((h) => h.trim() === '')) {
      throw new ReadError('no-header', 'the first line is empty: the file has no header line');
    }
    const guess = this.options.kind ? null : detectKind(headers, this.options.mapping);
    if (guess) {
      this.kind = guess.kind;
      if (this.options.mapping === undefined && guess.scores[0]!.matched === 0) {
        throw new ReadError(
          'no-header',
          `no header line: none of the first line's names (${headers.slice(0, 5).join(', ')}) is a known column`,
        );
      }
    }
    const mapping = mapColumns(this.kind, headers, this.options.mapping);
    const delimiter = this.tokenizer!.delimiter ?? ',';
    this.info = {
      encoding: this.encoding,
      delimiter,
      lineEnding: this.tokenizer!.lineEnding ?? 'lf',
      kind: this.kind,
      kindGuess: guess,
      mapping,
    };
    if (mapping.missingRequired.length > 0) {
      const list = mapping.missingRequired.join(', ');
      throw new ReadError(
        'missing-column',
        `missing required column${mapping.missingRequired.length > 1 ? 's' : ''} for ${this.kind}: ${list}`,
        { missingColumns: mapping.missingRequired },
      );
    }
    this.mapping = mapping;
    this.keyColumn = mapping.headers[mapping.fieldToColumn[keyField(this.kind)] ?? -1] ?? '';
    this.mapper = createRowMapper(this.kind as K, { mapping, zone: this.zone, dateOrder: this.dateOrder });
  }

  private accept(
    record: ReadRecord<K>,
    line: number,
    keyColumn: string,
    warning: { value: string; reason: string } | null,
  ): void {
    const key = naturalKey(this.kind, record);
    const lazy = this.options.lazyFingerprints === true;
    const fp = lazy ? NaN : fingerprintNumber(record);
    const earlier = this.seen.addOrFind(key, line, fp);
    if (earlier === -1) {
      this.acceptNew(record, line, key, fp, warning);
      return;
    }
    const firstLine = this.seen.lineOf(earlier);
    const first = this.seen.fingerprintOf(earlier);
    if (lazy) {
      this.unsettled.push({ line, firstLine, fingerprint: fingerprintNumber(record) });
    } else if (first === fp) {
      this.counts.duplicates++;
      this.note({
        severity: 'duplicate',
        line,
        column: keyColumn,
        value: key,
        reason: `duplicate of line ${firstLine}`,
      });
    } else {
      this.reject({
        line,
        column: keyColumn,
        value: key,
        reason: `${keyColumn || 'id'} ${key} already appears on line ${firstLine} with different content`,
      });
    }
  }

  private acceptNew(
    record: ReadRecord<K>,
    line: number,
    key: string,
    fp: number,
    warning: { value: string; reason: string } | null,
  ): void {
    this.counts.accepted++;
    this.batch.records.push({
      line,
      key,
      fingerprint: this.hexFingerprints && !Number.isNaN(fp) ? fingerprintHex(fp) : '',
      fingerprintValue: fp,
      record,
    });
    if (warning) {
      this.counts.warnings++;
      this.note({ severity: 'warning', line, column: '', value: warning.value, reason: warning.reason });
    }
  }

  private reject(problem: RowProblem): void {
    this.counts.rejected++;
    this.batch.problems.push({ severity: 'error', ...problem });
    if (this.errors.length < this.maxReported) this.errors.push(problem);
  }

  private note(problem: ReadProblem): void {
    this.batch.problems.push(problem);
    if (this.notes.length < this.maxReported) this.notes.push(problem);
  }

  private report(): ReadReport {
    return {
      kind: this.kind,
      encoding: this.encoding,
      delimiter: this.info?.delimiter ?? ',',
      lineEnding: this.info?.lineEnding ?? 'lf',
      dateOrder: this.dateOrder,
      timeZone: this.zone,
      ...this.counts,
      errors: this.errors,
      unsettled: this.unsettled,
      notes: this.notes,
      unmappedColumns: this.mapping ? this.mapping.unmappedColumns.map((i) => this.mapping!.headers[i]!) : [],
      invalidBytesReplaced: this.decoder?.replacedInvalid ?? false,
    };
  }
}

function keyField(kind: ImportKind): string {
  switch (kind) {
    case 'jobs':
      return 'job_id';
    case 'ledger':
      return 'entry_id';
    case 'payments':
      return 'payment_id';
    case 'requests':
      return 'request_id';
    default:
      return 'incident_id';
  }
}

function allEmpty(cells: string[]): boolean {
  for (const c of cells) if (c.trim() !== '') return false;
  return true;
}

function truncate(text: string): string {
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}
