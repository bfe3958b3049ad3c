/**
 * The natural keys seen so far in one file, for the in-file duplicate check, with the line and
 * content fingerprint of each key's first row.
 *
 * A Map<string, …> of a million ids made the whole pipeline a third slower: every major GC
 * walks all its entries. This open-addressing table lives in typed arrays, which the GC never
 * traces, and stores a 64-bit hash of each key instead of the key. Two different ids share a
 * hash with a chance of about 1 in 3·10^7 for a file of a million rows; if it ever happened,
 * the later row would be reported as a conflicting repeat (never silently dropped), because its
 * content fingerprint, which includes the id itself, differs.
 */
export class KeyIndex {
  private hashHigh: Int32Array;
  private hashLow: Int32Array;
  /** Entry number + 1 at each slot; 0 = empty. */
  private slots: Int32Array;
  private lines: Float64Array;
  private fingerprints: Float64Array;
  private count = 0;

  /**
   * `expectedKeys`: sized for that many keys up front. Each growth rehashes every key so far
   * (for a million keys, 0.1–0.4 s of CPU in ten growths); a wrong guess only costs a growth
   * or some memory.
   */
  constructor(expectedKeys = 0) {
    const entries = powerOfTwoAtLeast(Math.max(1 << 11, expectedKeys));
    this.hashHigh = new Int32Array(entries * 2);
    this.hashLow = new Int32Array(entries * 2);
    this.slots = new Int32Array(entries * 2);
    this.lines = new Float64Array(entries);
    this.fingerprints = new Float64Array(entries);
  }

  get size(): number {
    return this.count;
  }

  /**
   * Looks the key up; if absent, remembers it with this row's line and fingerprint and returns
   * -1. If present, returns the entry number of its first row (see lineOf / fingerprintOf).
   */
  addOrFind(key: string, line: number, fingerprint: number): number {
    hashKey(key);
    const a = hashA;
    const b = hashB;
    const mask = this.slots.length - 1;
    let slot = a & mask;
    for (;;) {
      const entry = this.slots[slot]!;
      if (entry === 0) break;
      if (this.hashHigh[slot] === a && this.hashLow[slot] === b) return entry - 1;
      slot = (slot + 1) & mask;
    }
    const entry = this.count++;
    if (entry >= this.lines.length) this.growEntries();
    this.lines[entry] = line;
    this.fingerprints[entry] = fingerprint;
    this.hashHigh[slot] = a;
    this.hashLow[slot] = b;
    this.slots[slot] = entry + 1;
    if (this.count * 2 > this.slots.length) this.growSlots();
    return -1;
  }

  /** The entry number of the key, or -1. */
  indexOf(key: string): number {
    hashKey(key);
    return this.findHash(hashA, hashB);
  }

  private findHash(a: number, b: number): number {
    const mask = this.slots.length - 1;
    for (let slot = a & mask; ; slot = (slot + 1) & mask) {
      const entry = this.slots[slot]!;
      if (entry === 0) return -1;
      if (this.hashHigh[slot] === a && this.hashLow[slot] === b) return entry - 1;
    }
  }

  /**
   * Each key of `other` that this index holds too: `visit` gets the entry numbers here and there.
   * Compares two parts of one file read apart (a key in both is a repeat across the parts).
   */
  forEachSharedKey(other: KeyIndex, visit: (entry: number, otherEntry: number) => void): void {
    const slots = other.slots;
    for (let slot = 0; slot < slots.length; slot++) {
      const otherEntry = slots[slot]!;
      if (otherEntry === 0) continue;
      const entry = this.findHash(other.hashHigh[slot]!, other.hashLow[slot]!);
      if (entry !== -1) visit(entry, otherEntry - 1);
    }
  }

  /** The index as typed arrays, to hand to another thread (their buffers can be transferred). */
  toState(): KeyIndexState {
    return {
      hashHigh: this.hashHigh,
      hashLow: this.hashLow,
      slots: this.slots,
      lines: this.lines,
      fingerprints: this.fingerprints,
      count: this.count,
    };
  }

  static fromState(state: KeyIndexState): KeyIndex {
    const index = new KeyIndex(0);
    index.hashHigh = state.hashHigh;
    index.hashLow = state.hashLow;
    index.slots = state.slots;
    index.lines = state.lines;
    index.fingerprints = state.fingerprints;
    index.count = state.count;
    return index;
  }

  lineOf(entry: number): number {
    return this.lines[entry]!;
  }

  fingerprintOf(entry: number): number {
    return this.fingerprints[entry]!;
  }

  private growEntries(): void {
    const lines = new Float64Array(this.lines.length * 2);
    lines.set(this.lines);
    this.lines = lines;
    const fingerprints = new Float64Array(this.fingerprints.length * 2);
    fingerprints.set(this.fingerprints);
    this.fingerprints = fingerprints;
  }

  private growSlots(): void {
    const oldHigh = this.hashHigh;
    const oldLow = this.hashLow;
    const oldSlots = this.slots;
    const size = oldSlots.length * 2;
    this.hashHigh = new Int32Array(size);
    this.hashLow = new Int32Array(size);
    this.slots = new Int32Array(size);
    const mask = size - 1;
    for (let i = 0; i < oldSlots.length; i++) {
      const entry = oldSlots[i]!;
      if (entry === 0) continue;
      let slot = oldHigh[i]! & mask;
      while (this.slots[slot] !== 0) slot = (slot + 1) & mask;
      this.hashHigh[slot] = oldHigh[i]!;
      this.hashLow[slot] = oldLow[i]!;
      this.slots[slot] = entry;
    }
  }
}

export interface KeyIndexState {
  hashHigh: Int32Array;
  hashLow: Int32Array;
  slots: Int32Array;
  lines: Float64Array;
  fingerprints: Float64Array;
  count: number;
}

// The key's 64-bit hash, in two module variables rather than a pair object per row.
let hashA = 0;
let hashB = 0;

function hashKey(key: string): void {
  let a = 0x9e3779b9;
  let b = 0x85ebca6b;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    a = Math.imul(a ^ c, 2654435761);
    b = Math.imul(b ^ c, 1597334677);
  }
  a = Math.imul(a ^ (a >>> 16), 2246822507) ^ Math.imul(b ^ (b >>> 13), 3266489909);
  b = Math.imul(b ^ (b >>> 16), 2246822507) ^ Math.imul(a ^ (a >>> 13), 3266489909);
  hashA = a;
  hashB = b;
}

function powerOfTwoAtLeast(n: number): number {
  let size = 1;
  while (size < n) size *= 2;
  return size;
}
