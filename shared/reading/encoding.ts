import { ReadError, fileLabel } from './read-error';

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export interface EncodingGuess {
  encoding: TextEncodingName;
  bom: boolean;
}

/** How many leading bytes decide the encoding: enough to see past a plain-ASCII header. */
export const SNIFF_BYTES = 256 * 1024;

/**
 * Decides the encoding from the first block of a file. A BOM wins; otherwise the block must be
 * valid UTF-8 (a multi-byte sequence cut at the block's end is fine) or it is Windows-1252.
 * NUL bytes without a UTF-16 BOM mean a binary file (or BOM-less UTF-16, which is not accepted).
 */
export function sniffEncoding(head: Uint8Array, fileName?: string): EncodingGuess {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { encoding: 'utf-8', bom: true };
  if (head[0] === 0xff && head[1] === 0xfe) return { encoding: 'utf-16le', bom: true };
  if (head[0] === 0xfe && head[1] === 0xff) return { encoding: 'utf-16be', bom: true };
  if (looksBinary(head)) {
    throw new ReadError(
      'binary',
      `${fileLabel(fileName)}this is a binary file, not text (CSV or JSON); if it is UTF-16 text, save it with a byte order mark`,
    );
  }
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true });
    return { encoding: 'utf-8', bom: false };
  } catch {
    return { encoding: 'windows-1252', bom: false };
  }
}

function looksBinary(head: Uint8Array): boolean {
  const n = Math.min(head.length, 8192);
  let controls = 0;
  for (let i = 0; i < n; i++) {
    const b = head[i]!;
    if (b === 0) return true;
    if (b < 9 || (b > 13 && b < 32 && b !== 27)) controls++;
  }
  return n > 0 && controls / n > 0.1;
}

/** Turns byte chunks into text; a character split across two chunks is joined correctly. */
export interface ChunkDecoder {
  decode(chunk: Uint8Array): string;
  end(): string;
  /** True once bytes that are not valid in the chosen encoding were replaced by U+FFFD. */
  readonly replacedInvalid: boolean;
}

/**
 * UTF-8 was chosen from the first block. If invalid bytes show up further on, the file is
 * still read to the end (restarting a 2 GB import would surprise the user more): the bytes
 * become U+FFFD, the rows holding them get a warning, and the report says so, so the user can
 * re-import with the encoding set to Windows-1252 if that is what the file really is.
 */
export function createDecoder(encoding: TextEncodingName): ChunkDecoder {
  if (encoding === 'windows-1252') return new Windows1252Decoder();
  if (encoding === 'utf-8') return new Utf8Decoder();
  // A BOM is dropped by TextDecoder itself (ignoreBOM false).
  const decoder = new TextDecoder(encoding);
  let replaced = false;
  return {
    decode(chunk) {
      const text = decoder.decode(chunk, { stream: true });
      if (!replaced && text.indexOf('\uFFFD') !== -1) replaced = true;
      return text;
    },
    end() {
      const text = decoder.decode();
      if (!replaced && text.indexOf('\uFFFD') !== -1) replaced = true;
      return text;
    },
    get replacedInvalid() {
      return replaced;
    },
  };
}

/**
 * UTF-8 with a fast path for chunks of plain ASCII, most chunks of a CSV export: in Node a
 * single-byte decoder turns a chunk of up to 64 KiB into text about twice as fast as a streaming
 * UTF-8 decode (a 150 MB job log in 64 KiB chunks: 50–85 ms against 115 ms), but a 1 MiB chunk
 * five times slower (1,050 ms against 210 ms), so bigger chunks keep the UTF-8 decoder. The fast
 * path is taken only while the UTF-8 decoder holds no unfinished character (the previous chunk
 * ended on an ASCII byte) and after it has seen the start of the file, where it drops a BOM.
 */
const ASCII_FAST_PATH_BYTES = 1 << 16;

class Utf8Decoder implements ChunkDecoder {
  private readonly utf8 = new TextDecoder('utf-8');
  private readonly ascii = new TextDecoder('windows-1252');
  private settled = false;
  private replaced = false;

  get replacedInvalid(): boolean {
    return this.replaced;
  }

  decode(chunk: Uint8Array): string {
    if (this.settled && chunk.length <= ASCII_FAST_PATH_BYTES && isAscii(chunk))
      return this.ascii.decode(chunk);
    const text = this.utf8.decode(chunk, { stream: true });
    if (chunk.length > 0) this.settled = chunk[chunk.length - 1]! < 0x80;
    if (!this.replaced && text.indexOf('\uFFFD') !== -1) this.replaced = true;
    return text;
  }

  end(): string {
    const text = this.utf8.decode();
    if (!this.replaced && text.indexOf('\uFFFD') !== -1) this.replaced = true;
    return text;
  }
}

/** No byte above 0x7F; four bytes at a time where the chunk's alignment allows. */
export function isAscii(chunk: Uint8Array): boolean {
  if (chunk.length < 16) {
    for (let i = 0; i < chunk.length; i++) if (chunk[i]! >= 0x80) return false;
    return true;
  }
  const head = (4 - (chunk.byteOffset & 3)) & 3;
  for (let i = 0; i < head; i++) if (chunk[i]! >= 0x80) return false;
  const words = (chunk.length - head) >>> 2;
  const view = new Uint32Array(chunk.buffer, chunk.byteOffset + head, words);
  let bits = 0;
  for (let i = 0; i < words; i++) bits |= view[i]!;
  if ((bits & 0x80808080) !== 0) return false;
  for (let i = head + words * 4; i < chunk.length; i++) if (chunk[i]! >= 0x80) return false;
  return true;
}

/** 0x80–0x9F of Windows-1252 (the rest is Latin-1). Undefined bytes keep their C1 code. */
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d,
  0x17d, 0x8f, 0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a,
  0x153, 0x9d, 0x17e, 0x178,
];

/**
 * Our own table because Node's TextDecoder('windows-1252') decodes as ISO-8859-1 (0x80 stays
 * U+0080, not €) while browsers follow the WHATWG table: the CLI and the app must agree.
 */
class Windows1252Decoder implements ChunkDecoder {
  readonly replacedInvalid = false;

  decode(chunk: Uint8Array): string {
    const codes = new Uint16Array(chunk.length);
    for (let i = 0; i < chunk.length; i++) {
      const b = chunk[i]!;
      codes[i] = b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80]! : b;
    }
    let text = '';
    const step = 8192;
    for (let i = 0; i < codes.length; i += step) {
      text += String.fromCharCode.apply(null, codes.subarray(i, i + step) as unknown as number[]);
    }
    return text;
  }

  end(): string {
    return '';
  }
}
