import type { ColumnMapping } from './header-mapping';
import { parseTimestamp, readsOnlyInOtherOrder, type DateOrder } from './timestamps';
import { parseInteger, parseMinorUnits } from './values';

/** Thrown (not an Error: no stack to capture) when one cell makes its row unreadable. */
export class RowRejection {
  constructor(
    readonly column: string,
    readonly value: string,
    readonly reason: string,
  ) {}
}

/** A payment without an id: an unconfirmed payment, skipped with a note rather than rejected. */
export class RowSkip {
  constructor(readonly reason: string) {}
}

/** A slash date that reads only in the other date order: the whole file needs the other setting. */
export class DateOrderConflict {
  constructor(
    readonly column: string,
    readonly value: string,
  ) {}
}

export interface MapperContext {
  mapping: ColumnMapping;
  /** Zone for timestamps written without an offset. */
  zone: string;
  dateOrder: DateOrder;
}

/**
 * Cell access by canonical field for one file's mapping. Every reader trims what it parses and
 * throws a RowRejection naming the column as the file calls it.
 */
export class CellReaders {
  private readonly headers: string[];
  private readonly columns: Record<string, number>;

  constructor(private readonly ctx: MapperContext) {
    this.headers = ctx.mapping.headers;
    this.columns = ctx.mapping.fieldToColumn;
  }

  column(field: string): number {
    return this.columns[field] ?? -1;
  }

  has(field: string): boolean {
    return this.column(field) !== -1;
  }

  header(column: number): string {
    return this.headers[column] ?? '';
  }

  reject(column: number, value: string, reason: string): never {
    throw new RowRejection(this.header(column), value, reason);
  }

  /** The cell as written, '' when the column is absent or the row is short. */
  raw(cells: string[], column: number): string {
    return column < 0 ? '' : (cells[column] ?? '');
  }

  text(cells: string[], column: number): string {
    const v = column < 0 ? '' : (cells[column] ?? '');
    return v.length > 0 && (v.charCodeAt(0) <= 32 || v.charCodeAt(v.length - 1) <= 32) ? v.trim() : v;
  }

  required(cells: string[], column: number): string {
    const v = this.text(cells, column);
    if (v === '') this.reject(column, this.raw(cells, column), 'required value is empty');
    return v;
  }

  time(cells: string[], column: number, required: boolean, zone = this.ctx.zone): number | null {
    const v = this.text(cells, column);
    if (v === '') {
      if (required) this.reject(column, this.raw(cells, column), 'required value is empty');
      return null;
    }
    const t = parseTimestamp(v, zone, this.ctx.dateOrder);
    if (t === t) return t; // not NaN
    if (readsOnlyInOtherOrder(v, this.ctx.dateOrder)) throw new DateOrderConflict(this.header(column), v);
    return this.reject(column, this.raw(cells, column), 'not a readable timestamp');
  }

  integer(cells: string[], column: number, required: boolean): number | null {
    const v = this.text(cells, column);
    if (v === '') {
      if (required) this.reject(column, this.raw(cells, column), 'required value is empty');
      return null;
    }
    const n = parseInteger(v);
    if (n === null) this.reject(column, this.raw(cells, column), 'not a whole number');
    return n;
  }

  money(cells: string[], column: number, required: boolean, digits: number): number | null {
    const v = this.text(cells, column);
    if (v === '') {
      if (required) this.reject(column, this.raw(cells, column), 'required value is empty');
      return null;
    }
    const n = parseMinorUnits(v, digits);
    if (n === null) this.reject(column, this.raw(cells, column), 'not an amount of money');
    return n;
  }
}
