import { closeSync, openSync, writeSync } from 'node:fs';

/** What the benchmarks' data generators share: the same data on every run and machine. */

/** xorshift32 from a seed, and a pick of one item by it. */
export function seededRandom(seed: number): {
  random: () => number;
  pick: <T>(items: readonly T[]) => T;
} {
  let state = seed;
  const random = (): number => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 4294967296;
  };
  return { random, pick: (items) => items[Math.floor(random() * items.length)]! };
}

/** The generated month (and a week): jobs, payments and requests fall in it. */
export const BENCH_START = Date.UTC(2026, 2, 1);
export const BENCH_SPAN = 37 * 86_400_000;
export const iso = (ms: number): string => new Date(ms).toISOString();
export const benchEmail = (account: number): string =>
  `creator${account}@${['example.com', 'mail.test', 'studio.test'][account % 3]}`;

/** A CSV file written in blocks of about 4 MB. */
export class CsvFile {
  private readonly fd: number;
  private buffer: string[] = [];
  private size = 0;
  constructor(path: string, header: string) {
    this.fd = openSync(path, 'w');
    this.line(header);
  }
  line(text: string): void {
    this.buffer.push(text);
    this.size += text.length;
    if (this.size > 1 << 22) this.flush();
  }
  flush(): void {
    if (this.buffer.length) writeSync(this.fd, `${this.buffer.join('\n')}\n`);
    this.buffer = [];
    this.size = 0;
  }
  close(): void {
    this.flush();
    closeSync(this.fd);
  }
}
