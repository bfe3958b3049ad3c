import { HashSlots, SLOT } from '../util/hash-slots';
import { hashText64, textHash } from '../util/text-hash';

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
  /** At most half full (see hash-slots.ts). */
  private slots: HashSlots;
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
    this.slots = new HashSlots(entries * 2);
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
    hashText64(key);
    const a = textHash[0]!;
    const b = textHash[1]!;
    const slot = this.slots.find(a, b);
    const found = this.slots.entryAt(slot);
    if (found !== 0) return found - 1;
    const entry = this.count++;
    if (entry >= this.lines.length) this.growEntries();
    this.lines[entry] = line;
    this.fingerprints[entry] = fingerprint;
    this.slots.set(slot, a, b, entry);
    if (this.count * 2 > this.slots.slotCount) this.slots.double();
    return -1;
  }

  /** The entry number of the key, or -1. */
  indexOf(key: string): number {
    hashText64(key);
    return this.findHash(textHash[0]!, textHash[1]!);
  }

  private findHash(a: number, b: number): number {
    return this.slots.entryAt(this.slots.find(a, b)) - 1;
  }

  /**
   * Each key of `other` that this index holds too: `visit` gets the entry numbers here and there.
   * Compares two parts of one file read apart (a key in both is a repeat across the parts).
   */
  forEachSharedKey(other: KeyIndex, visit: (entry: number, otherEntry: number) => void): void {
    const slots = other.slots.array;
    for (let slot = 0; slot < slots.length; slot += SLOT) {
      const otherEntry = slots[slot + 2]!;
      if (otherEntry === 0) continue;
      const entry = this.findHash(slots[slot]!, slots[slot + 1]!);
      if (entry !== -1) visit(entry, otherEntry - 1);
    }
  }

  /** The index as typed arrays, to hand to another thread (their buffers can be transferred). */
  toState(): KeyIndexState {
    return {
      slots: this.slots.array,
      lines: this.lines,
      fingerprints: this.fingerprints,
      count: this.count,
    };
  }

  static fromState(state: KeyIndexState): KeyIndex {
    const index = new KeyIndex(0);
    index.slots = HashSlots.of(state.slots);
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
}

export interface KeyIndexState {
  slots: Int32Array;
  lines: Float64Array;
  fingerprints: Float64Array;
  count: number;
}

function powerOfTwoAtLeast(n: number): number {
  let size = 1;
  while (size < n) size *= 2;
  return size;
}
