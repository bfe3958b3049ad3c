import Papa from 'papaparse';
import { detectDelimiter } from './delimiter';
import {
  countLineBreaks,
  normalizeRowBreaks,
  sniffLineEnding,
  type LineEnding,
  type Newline,
} from './line-endings';
import { ReadError } from './read-error';

export interface TokenizerOptions {
  /** Undefined: detected from the first line. */
  delimiter?: string;
  /** Undefined: detected from the first block, with mixed endings rewritten to LF outside quotes. */
  newline?: Newline;
  quoteChar?: string;
  escapeChar?: string;
  /** PapaParse options passed through (the importer uses none of them). */
  comments?: string | boolean | number;
  fastMode?: boolean;
  preview?: number;
  header?: boolean;
  /** How much text to look at before deciding the delimiter and line ending. */
  sniffChars?: number;
  /** A row still open after this many characters means a quote was never closed. */
  maxRowChars?: number;
}

export interface TokenError {
  code: string;
  message: string;
}

/** Receives every row in order with its first physical line (1-based). */
export type RowSink = (cells: string[], line: number, error: TokenError | null) => void;

const DEFAULT_SNIFF_CHARS = 64 * 1024;
const DEFAULT_MAX_ROW_CHARS = 32 * 1024 * 1024;
/** A bare LF, or a CR followed by anything but LF (a CR at the very end may be half a CRLF). */
const FOREIGN_IN_CRLF = /(?:^|[^\r])\n|\r[^\n]/;

interface PapaError {
  code: string;
  message: string;
  row?: number;
}

/**
 * PapaParse's core parser fed incrementally: each push parses the unfinished tail of the last
 * push plus the new text, emits the complete rows and keeps the rest. Rows reach the sink with
 * their physical line number, counting line breaks inside quoted cells, so error reports point
 * at the line a person sees in an editor.
 */
export class CsvTokenizer {
  private parser: Papa.Parser | null = null;
  private sniffBuffer = '';
  private carry = '';
  private heldCr = false;
  private normalize = false;
  private ending: LineEnding | null = null;
  private chosenDelimiter: string | null = null;
  private nextLine = 1;
  private emitted = 0;
  private finished = false;
  private readonly quoteChar: string;

  constructor(
    private readonly options: TokenizerOptions,
    private readonly sink: RowSink,
  ) {
    this.quoteChar = options.quoteChar ?? '"';
  }

  /** Known once the first block was seen. */
  get delimiter(): string | null {
    return this.chosenDelimiter;
  }

  get lineEnding(): LineEnding | null {
    return this.ending;
  }

  /** The physical line the next row starts on. */
  get line(): number {
    return this.nextLine;
  }

  push(text: string): void {
    if (this.finished) throw new Error('CsvTokenizer: push after finish');
    if (!this.parser) {
      this.sniffBuffer += text;
      if (this.sniffBuffer.length < (this.options.sniffChars ?? DEFAULT_SNIFF_CHARS)) return;
      const buffered = this.sniffBuffer;
      this.sniffBuffer = '';
      this.start(buffered);
      this.parse(buffered, false);
      return;
    }
    this.parse(text, false);
  }

  finish(): void {
    if (this.finished) return;
    if (!this.parser) {
      const buffered = this.sniffBuffer;
      this.sniffBuffer = '';
      this.start(buffered);
      this.parse(buffered, true);
    } else {
      this.parse('', true);
    }
    this.finished = true;
  }

  private start(firstBlock: string): void {
    const newline = this.options.newline;
    if (newline) {
      this.ending = newline === '\n' ? 'lf' : newline === '\r\n' ? 'crlf' : 'cr';
    } else {
      this.ending = sniffLineEnding(firstBlock, this.quoteChar);
      this.normalize = this.ending === 'mixed';
    }
    this.chosenDelimiter = this.options.delimiter ?? detectDelimiter(firstBlock, this.quoteChar);
    const papaNewline: Newline =
      newline ?? (this.ending === 'crlf' ? '\r\n' : this.ending === 'cr' ? '\r' : '\n');
    this.parser = this.createParser(papaNewline);
  }

  private createParser(newline: Newline): Papa.Parser {
    return new Papa.Parser({
      delimiter: this.chosenDelimiter!,
      newline,
      quoteChar: this.quoteChar,
      escapeChar: this.options.escapeChar,
      comments: this.options.comments as string | false | undefined,
      fastMode: this.options.fastMode,
      header: this.options.header,
    });
  }

  /** Line breaks that are not the sniffed kind (maybe inside quotes: that is checked later). */
  private hasForeignBreak(input: string): boolean {
    switch (this.ending) {
      case 'lf':
        return input.indexOf('\r') !== -1;
      case 'cr':
        return input.indexOf('\n') !== -1;
      case 'crlf':
        return FOREIGN_IN_CRLF.test(input);
      default:
        return false;
    }
  }

  private parse(text: string, final: boolean): void {
    let input = this.heldCr ? this.carry + '\r' + text : this.carry + text;
    this.heldCr = false;
    // A row break of another kind after the sniffed block: from here on, rewrite row breaks
    // outside quotes to LF. (A CRLF file with bare LFs inside quoted cells, as Excel writes,
    // lands here too; it costs a scan of quotes and CRs, and the cells stay exactly as written.)
    if (!this.options.newline && !this.normalize && this.hasForeignBreak(input)) {
      this.normalize = true;
      this.parser = this.createParser('\n');
    }
    if (this.normalize) {
      const normalized = normalizeRowBreaks(input, final, this.quoteChar);
      input = normalized.text;
      this.heldCr = normalized.heldCr;
    }
    const result = this.parser!.parse(input, 0, !final) as {
      data: string[][];
      errors: PapaError[];
      meta: { cursor: number };
    };
    this.emit(result.data, result.errors, input.indexOf(this.quoteChar) !== -1);
    if (final) {
      this.carry = '';
      return;
    }
    this.carry = input.substring(result.meta.cursor);
    const limit = this.options.maxRowChars ?? DEFAULT_MAX_ROW_CHARS;
    if (this.carry.length > limit) {
      throw new ReadError(
        'unclosed-quote',
        `line ${this.nextLine}: a row runs on for more than ${Math.round(limit / 1048576)} MB, so a quoted field is never closed`,
        { line: this.nextLine },
      );
    }
  }

  private emit(rows: string[][], errors: PapaError[], mayHaveBreaks: boolean): void {
    let errorByRow: Map<number, PapaError> | null = null;
    for (const error of errors) {
      if (error.row === undefined || error.row >= rows.length) continue;
      errorByRow ??= new Map();
      if (!errorByRow.has(error.row)) errorByRow.set(error.row, error);
    }
    const preview = this.options.preview ?? 0;
    const sink = this.sink;
    let line = this.nextLine;
    for (let i = 0; i < rows.length; i++) {
      if (preview > 0 && this.emitted >= preview) break;
      const cells = rows[i]!;
      const error = errorByRow?.get(i);
      sink(cells, line, error ? { code: error.code, message: error.message } : null);
      this.emitted++;
      line++;
      if (mayHaveBreaks) {
        for (let c = 0; c < cells.length; c++) {
          const cell = cells[c]!;
          if (cell.length > 0 && (cell.indexOf('\n') !== -1 || cell.indexOf('\r') !== -1))
            line += countLineBreaks(cell);
        }
      }
    }
    this.nextLine = line;
  }
}
