import type { Job, LedgerEntry } from '../../shared/domain/records';

/**
 * How a block's rows are stored. IndexedDB structured-clones every value and hands it to the
 * browser process; for a million small arrays that cost 8.8 of a 1M-row import's 30 s in
 * Chromium (CPU profile), and the store takes bytes about twice as fast as the same data as a
 * string (measured: 85 against 57 MB/s in 256 KB values). So a block keeps the text fields of all
 * its rows, in tuple order, as one UTF-8 byte array (`text`), their lengths in UTF-16 code units as
 * varints (`lens`), and the numbers in `nums` (NaN for a missing value). `unpackRows` gives the
 * tuples back: reads touch a handful of blocks, so decoding there is cheap.
 */
export interface PackedRows {
  /** Rows in the block. */
  n: number;
  text: Uint8Array;
  lens: Uint8Array;
  nums: Float64Array;
}

/** A tuple field: text, a number, or a number that may be missing (null). */
type Field = 's' | 'n' | 'N';

/** Field order of JobTuple, LedgerTuple and DirectoryTuple (row-blocks.ts). */
const JOB_FIELDS: readonly Field[] = ['s', 's', 's', 'n', 'N', 'N', 's', 's', 's', 's', 'n', 'N', 's', 's'];
const LEDGER_FIELDS: readonly Field[] = ['s', 's', 'n', 's', 'n', 's', 'N', 's', 's', 's'];
const DIRECTORY_FIELDS: readonly Field[] = ['s', 'n', 'n'];

export function isDirectoryGroup(group: string): boolean {
  return group.startsWith('jobs.i.') || group.startsWith('ledger.i.');
}

/** The tuple layout of a group, from its name (`jobs.a.0001`, `ledger.i.0002`, `jobs.h.…`). */
export function fieldsOfGroup(group: string): readonly Field[] {
  if (isDirectoryGroup(group)) return DIRECTORY_FIELDS;
  if (group.startsWith('jobs.')) return JOB_FIELDS;
  if (group.startsWith('ledger.')) return LEDGER_FIELDS;
  throw new Error(`unknown row group ${group}`);
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** Collects rows field by field into growing typed arrays, without an object per row. */
export class RowPacker {
  private bytes = new Uint8Array(4096);
  private textAt = 0;
  private lengths = new Uint8Array(512);
  private lengthsAt = 0;
  private numbers = new Float64Array(256);
  private numbersAt = 0;
  count = 0;

  text(value: string): void {
    const length = value.length;
    this.varint(length);
    if (this.textAt + length * 3 > this.bytes.length)
      this.bytes = grown(this.bytes, this.textAt + length * 3);
    const bytes = this.bytes;
    let at = this.textAt;
    for (let i = 0; i < length; i++) {
      const code = value.charCodeAt(i);
      if (code < 0x80) {
        bytes[at++] = code;
        continue;
      }
      // Rare: the rest of the field through the native encoder (3 bytes a code unit at most).
      at += encoder.encodeInto(value.slice(i), bytes.subarray(at)).written;
      break;
    }
    this.textAt = at;
  }

  num(value: number | null): void {
    if (this.numbersAt === this.numbers.length) this.numbers = grown(this.numbers, this.numbersAt + 1);
    this.numbers[this.numbersAt++] = value ?? Number.NaN;
  }

  /** Bytes of the rows packed so far. */
  get size(): number {
    return this.textAt + this.lengthsAt + this.numbersAt * 8;
  }

  /** Call once a row's fields are all in. */
  endRow(): void {
    this.count++;
  }

  /**
   * The rows in one exactly sized buffer that the three arrays view: a block is one allocation
   * (typed arrays are costly to allocate by the thousand), and a structured clone, like the one
   * IndexedDB makes, keeps views of one buffer on one buffer.
   */
  pack(): PackedRows {
    const numsBytes = this.numbersAt * 8;
    const buffer = new ArrayBuffer(numsBytes + this.lengthsAt + this.textAt);
    const nums = new Float64Array(buffer, 0, this.numbersAt);
    nums.set(this.numbers.subarray(0, this.numbersAt));
    const lens = new Uint8Array(buffer, numsBytes, this.lengthsAt);
    lens.set(this.lengths.subarray(0, this.lengthsAt));
    const text = new Uint8Array(buffer, numsBytes + this.lengthsAt, this.textAt);
    text.set(this.bytes.subarray(0, this.textAt));
    return { n: this.count, text, lens, nums };
  }

  /** Empties the packer and keeps its buffers, which reach their working size once. */
  reset(): void {
    this.textAt = 0;
    this.lengthsAt = 0;
    this.numbersAt = 0;
    this.count = 0;
  }

  private varint(value: number): void {
    if (this.lengthsAt + 5 > this.lengths.length) this.lengths = grown(this.lengths, this.lengthsAt + 5);
    let rest = value;
    while (rest >= 0x80) {
      this.lengths[this.lengthsAt++] = (rest & 0x7f) | 0x80;
      rest >>>= 7;
    }
    this.lengths[this.lengthsAt++] = rest;
  }
}

function grown<T extends Uint8Array | Float64Array>(array: T, needed: number): T {
  let size = array.length * 2;
  while (size < needed) size *= 2;
  const next = new (array.constructor as new (n: number) => T)(size);
  next.set(array);
  return next;
}

/** In JobTuple order (row-blocks.ts); the raw email only when it differs from the normalised one. */
export function packJob(packer: RowPacker, job: Job): void {
  packer.text(job.jobId);
  packer.text(job.accountEmail);
  packer.text(job.accountEmailRaw === job.accountEmail ? '' : job.accountEmailRaw);
  packer.num(job.createdAt);
  packer.num(job.startedAt);
  packer.num(job.completedAt);
  packer.text(job.status);
  packer.text(job.errorCode);
  packer.text(job.errorMessage);
  packer.text(job.outputUrl);
  packer.num(job.delivered ? 1 : 0);
  packer.num(job.creditsCharged);
  packer.text(job.model);
  packer.text(job.component);
  packer.endRow();
}

/** In LedgerTuple order. */
export function packLedger(packer: RowPacker, entry: LedgerEntry): void {
  packer.text(entry.entryId);
  packer.text(entry.accountEmail);
  packer.num(entry.createdAt);
  packer.text(entry.type);
  packer.num(entry.credits);
  packer.text(entry.jobId);
  packer.num(entry.amountMinor);
  packer.text(entry.currency);
  packer.text(entry.reference);
  packer.text(entry.description);
  packer.endRow();
}

/** In DirectoryTuple order: natural key, content fingerprint, the bucket of the row's account. */
export function packDirectory(
  packer: RowPacker,
  key: string,
  fingerprint: number,
  accountBucket: number,
): void {
  packer.text(key);
  packer.num(fingerprint);
  packer.num(accountBucket);
  packer.endRow();
}

/** Packs ready tuples of a group (the upgrade of blocks stored before packing, and tests). */
export function packTuples(group: string, tuples: readonly unknown[][]): PackedRows {
  const fields = fieldsOfGroup(group);
  const packer = new RowPacker();
  for (const tuple of tuples) {
    fields.forEach((field, i) => {
      if (field === 's') packer.text(tuple[i] as string);
      else packer.num(tuple[i] as number | null);
    });
    packer.endRow();
  }
  return packer.pack();
}

/** Only the rows whose text field `field` (a tuple index) equals `equals`. */
export interface RowFilter {
  field: number;
  equals: string;
}

/**
 * The block's rows as tuples of its group's layout, or only those `where` selects: a block holds
 * the rows of many accounts or jobs, and a filtered read builds strings for its matches alone.
 */
export function unpackRows(group: string, packed: PackedRows, where?: RowFilter): unknown[][] {
  const fields = fieldsOfGroup(group);
  const width = fields.length;
  const { n, lens, nums } = packed;
  const text = decoder.decode(packed.text);
  const rows: unknown[][] = [];
  const starts = new Array<number>(width).fill(0);
  const lengths = new Array<number>(width).fill(0);
  const values = new Array<number>(width).fill(0);
  let at = 0;
  let l = 0;
  let v = 0;
  for (let r = 0; r < n; r++) {
    for (let f = 0; f < width; f++) {
      if (fields[f] !== 's') {
        values[f] = nums[v++]!;
        continue;
      }
      let length = 0;
      let shift = 0;
      let byte: number;
      do {
        byte = lens[l++]!;
        length += (byte & 0x7f) * 2 ** shift;
        shift += 7;
      } while (byte >= 0x80);
      starts[f] = at;
      lengths[f] = length;
      at += length;
    }
    if (
      where &&
      (lengths[where.field] !== where.equals.length || !text.startsWith(where.equals, starts[where.field]))
    )
      continue;
    const row = new Array<unknown>(width);
    for (let f = 0; f < width; f++) {
      const field = fields[f];
      if (field === 's') row[f] = text.slice(starts[f], starts[f]! + lengths[f]!);
      else row[f] = Number.isNaN(values[f]) && field === 'N' ? null : values[f];
    }
    rows.push(row);
  }
  return rows;
}

/**
 * A block stored before rows were packed (`rows` of tuples), packed in place; others untouched.
 * Its directory rows named the account; they now hold the account's bucket.
 */
export function packLegacyBlock(
  block: { g: string; rows?: unknown[][] },
  bucketOf: (text: string) => number,
): void {
  if (!block.rows) return;
  const rows = isDirectoryGroup(block.g)
    ? block.rows.map((row) => (typeof row[2] === 'string' ? [row[0], row[1], bucketOf(row[2])] : row))
    : block.rows;
  Object.assign(block, packTuples(block.g, rows));
  delete block.rows;
}
