import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  CsvTokenizer,
  createDecoder,
  sniffEncoding,
  type TokenError,
  type TextEncodingName,
  type TokenizerOptions,
} from '@shared/reading/index';

export const FIXTURES = fileURLToPath(new URL('../../fixtures/', import.meta.url));

export function fixture(...parts: string[]): string {
  return join(FIXTURES, ...parts);
}

export function fixtureBytes(...parts: string[]): Uint8Array {
  return new Uint8Array(readFileSync(fixture(...parts)));
}

export function listFiles(dir: string, test: (name: string) => boolean): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) out.push(...listFiles(full, test));
    else if (test(name)) out.push(full);
  }
  return out;
}

/** Splits bytes at the given sizes, cycling through them. */
export function splitBytes(bytes: Uint8Array, sizes: number[]): Uint8Array[] {
  const out: Uint8Array[] = [];
  let at = 0;
  let i = 0;
  while (at < bytes.length) {
    const size = Math.max(1, sizes[i++ % sizes.length]!);
    out.push(bytes.subarray(at, at + size));
    at += size;
  }
  return out;
}

export function splitText(text: string, size: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; i += size) out.push(text.slice(i, i + size));
  return out;
}

export interface TokenizedRow {
  cells: string[];
  line: number;
  error: TokenError | null;
}

/** The pipeline's lower layers alone: encoding sniff, decoding, tokenizing. */
export function tokenizeBytes(
  chunks: Uint8Array[],
  options: TokenizerOptions = {},
  forceEncoding?: TextEncodingName,
): { rows: TokenizedRow[]; encoding: string; tokenizer: CsvTokenizer } {
  const all = concat(chunks);
  const encoding = forceEncoding ?? sniffEncoding(all.subarray(0, 256 * 1024)).encoding;
  const decoder = createDecoder(encoding);
  const rows: TokenizedRow[] = [];
  const tokenizer = new CsvTokenizer({ sniffChars: 64, ...options }, (cells, line, error) =>
    rows.push({ cells, line, error }),
  );
  for (const chunk of chunks) tokenizer.push(decoder.decode(chunk));
  tokenizer.push(decoder.end());
  tokenizer.finish();
  return { rows, encoding, tokenizer };
}

export function concat(chunks: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/** Rows to objects keyed by the header, leaving out blank lines, as csv-spectrum expects. */
export function toObjects(rows: string[][]): Record<string, string>[] {
  const nonBlank = rows.filter((r) => !(r.length === 1 && r[0] === ''));
  const [header, ...data] = nonBlank;
  if (!header) return [];
  return data.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ''])));
}
