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
  /**
   * The ending an earlier tokenizer sniffed for the same file ('lf', 'crlf' or 'cr'), for text that
   * continues it from a row boundary: used instead of sniffing, and like a sniffed ending (a row
   * break of another kind later still switches to rewriting), unlike `newline`.
   */
  sniffedLineEnding?: Exclude<LineEnding, 'mixed'>;
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
const FOREIGN_IN_CRLF = /(?<!\r)\n|\r(?=[^\n])/;
const FOREIGN_IN_LF = /\r/;
const FOREIGN_IN_CR = /\n/;

/** Every LF follows a CR and every CR precedes an LF (a CR at the very end may be half a CRLF). */
function onlyCrlfBreaks(text: string): boolean {
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) {
    if (i === 0 || text.charCodeAt(i - 1) !== 13) return false;
  }
  for (let i = text.indexOf('\r'); i !== -1; i = text.indexOf('\r', i + 1)) {
    if (i + 1 < text.length && text.charCodeAt(i + 1) !== 10) return false;
  }
  return true;
}

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
  private rowEndedOnCr = false;
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
    // Nothing left to sniff: parse from the first push on.
    if (options.delimiter !== undefined && options.sniffedLineEnding !== undefined) this.start('');
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

  /**
   * True when every row pushed so far is complete and nothing is held back: the text ended on a
   * row break outside quotes, and no row break of another kind made the tokenizer rewrite breaks.
   * A reader for the text after this point may then start as if the file began there.
   */
  get atRowBoundary(): boolean {
    return this.parser !== null && this.carry === '' && !this.heldCr && !this.normalize && !this.rowEndedOnCr;
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
    // Nothing new: parsing again would only lose what the last push learned about its end.
    if (text.length === 0) return;
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
    } else if (this.options.sniffedLineEnding) {
      this.ending = this.options.sniffedLineEnding;
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

  /**
   * True when a row break of another kind than the sniffed one appears outside quotes. Breaks
   * inside quoted cells (Excel: CRLF rows, bare LF in cells) keep the fast path; the quotes
   * are only walked when such a break exists, and only up to the last one.
   */
  private hasForeignBreak(text: string, final: boolean): boolean {
    // At the very end a trailing CR can no longer be half of a CRLF: make the pattern see it.
    const input = final && this.ending === 'crlf' && text.endsWith('\r') ? `${text} ` : text;
    const pattern =
      this.ending === 'lf' ? FOREIGN_IN_LF : this.ending === 'cr' ? FOREIGN_IN_CR : FOREIGN_IN_CRLF;
    if (this.ending === 'mixed') return false;
    // indexOf scans a chunk many times faster than a regular expression: in an LF or CR file the
    // common case, no foreign break at all, costs next to nothing (a tenth of parsing before).
    if (this.ending === 'lf' && input.indexOf('\r') === -1) return false;
    if (this.ending === 'cr' && input.indexOf('\n') === -1) return false;
    if (this.ending === 'crlf' && onlyCrlfBreaks(input)) return false;
    if (!pattern.test(input)) return false;
    const quote = this.quoteChar;
    const all = new RegExp(pattern.source, 'g');
    let inQuotes = false;
    let nextQuote = input.indexOf(quote);
    for (let m = all.exec(input); m !== null; m = all.exec(input)) {
      // Zero-width context in the patterns: each match is the break itself, and none overlap.
      const at = m.index;
      while (nextQuote !== -1 && nextQuote < at) {
        inQuotes = !inQuotes;
        nextQuote = input.indexOf(quote, nextQuote + 1);
      }
      if (!inQuotes) return true;
    }
    return false;
  }

  private parse(text: string, final: boolean): void {
    let input = this.heldCr ? this.carry + '\r' + text : this.carry + text;
    this.heldCr = false;
    // CR mode ended the last push on a row-ending CR; an LF now is that CR's other half.
    if (this.rowEndedOnCr && input.charCodeAt(0) === 10) input = input.substring(1);
    this.rowEndedOnCr = false;
    // A row break of another kind after the sniffed block: from here on, rewrite row breaks
    // outside quotes to LF. (A CRLF file with bare LFs inside quoted cells, as Excel writes,
    // lands here too; it costs a scan of quotes and CRs, and the cells stay exactly as written.)
    if (!this.options.newline && !this.normalize && this.hasForeignBreak(input, final)) {
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
    this.rowEndedOnCr = this.carry === '' && !this.normalize && this.ending === 'cr' && input.endsWith('\r');
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
