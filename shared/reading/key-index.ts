import { HashSlots } from '../util/hash-slots';
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
 *
 * Exports are usually in id order, and a key that sorts after every key so far (shorter first,
 * then by code units, so `le_9` < `le_10`) cannot be a repeat. Such keys are only appended to
 * the entries, and the table is filled from them when a key that does not sort last arrives (or
 * a lookup needs it). Each table probe of a new key is a cache miss in a table of 32 MB for a
 * million keys: reading reconcile's job log in id order took 2.4-2.7 s instead of 2.9 s this way.
 */
export class KeyIndex {
  /** At most half full (see hash-slots.ts); null until a key arrives out of order. */
  private slots: HashSlots | null = null;
  /** Entries [0, slotted) are in the slots; later ones only in the arrays. */
  private slotted = 0;
  private hashes: Int32Array;
  private lines: Float64Array;
  private fingerprints: Float64Array;
  private count = 0;
  /** The key that sorts last so far (see sortsAfter); null before the first. */
  private lastKey: string | null = null;

  /**
   * `expectedKeys`: sized for that many keys up front. Each growth copies every entry so far; a
   * wrong guess only costs a growth or some memory.
   */
  constructor(private readonly expectedKeys = 0) {
    const entries = powerOfTwoAtLeast(Math.max(1 << 11, expectedKeys));
    this.hashes = new Int32Array(entries * 2);
    this.lines = new Float64Array(entries);
    this.fingerprints = new Float64Array(entries);
  }

  get size(): number {
    return this.count;
  }

  /** The key sorts after every key so far: it cannot be a repeat. */
  private sortsLast(key: string): boolean {
    return this.lastKey === null || sortsAfter(key, this.lastKey);
  }

  /**
   * Looks the key up; if absent, remembers it with this row's line and fingerprint and returns
   * -1. If present, returns the entry number of its first row (see lineOf / fingerprintOf).
   */
  addOrFind(key: string, line: number, fingerprint: number): number {
    hashText64(key);
    const a = textHash[0]!;
    const b = textHash[1]!;
    if (this.sortsLast(key)) {
      this.lastKey = key;
      this.append(a, b, line, fingerprint);
      return -1;
    }
    const slots = this.filledSlots();
    const slot = slots.find(a, b);
    const found = slots.entryAt(slot);
    if (found !== 0) return found - 1;
    const entry = this.append(a, b, line, fingerprint);
    slots.set(slot, a, b, entry);
    this.slotted = this.count;
    if (this.count * 2 > slots.slotCount) slots.double();
    return -1;
  }

  private append(a: number, b: number, line: number, fingerprint: number): number {
    const entry = this.count++;
    if (entry >= this.lines.length) this.growEntries();
    this.hashes[entry * 2] = a;
    this.hashes[entry * 2 + 1] = b;
    this.lines[entry] = line;
    this.fingerprints[entry] = fingerprint;
    return entry;
  }

  /** The slots, with every entry in them. */
  private filledSlots(): HashSlots {
    let slots = this.slots;
    if (slots === null) {
      slots = new HashSlots(Math.max(this.count, this.expectedKeys, 1 << 11) * 2);
      this.slots = slots;
    }
    if (this.slotted < this.count) {
      while (this.count * 2 > slots.slotCount) slots.double();
      const hashes = this.hashes;
      for (let entry = this.slotted; entry < this.count; entry++) {
        const a = hashes[entry * 2]!;
        slots.set(slots.empty(a), a, hashes[entry * 2 + 1]!, entry);
      }
      this.slotted = this.count;
    }
    return slots;
  }

  /** The entry number of the key, or -1. */
  indexOf(key: string): number {
    hashText64(key);
    return this.findHash(textHash[0]!, textHash[1]!);
  }

  private findHash(a: number, b: number): number {
    const slots = this.filledSlots();
    return slots.entryAt(slots.find(a, b)) - 1;
  }

  /**
   * Each key of `other` that this index holds too: `visit` gets the entry numbers here and there.
   * Compares two parts of one file read apart (a key in both is a repeat across the parts).
   */
  forEachSharedKey(other: KeyIndex, visit: (entry: number, otherEntry: number) => void): void {
    const hashes = other.hashes;
    for (let otherEntry = 0; otherEntry < other.count; otherEntry++) {
      const entry = this.findHash(hashes[otherEntry * 2]!, hashes[otherEntry * 2 + 1]!);
      if (entry !== -1) visit(entry, otherEntry);
    }
  }

  /** The index as typed arrays, to hand to another thread (their buffers can be transferred). */
  toState(): KeyIndexState {
    return {
      hashes: this.hashes,
      lines: this.lines,
      fingerprints: this.fingerprints,
      count: this.count,
      lastKey: this.lastKey,
    };
  }

  /** The index again, from toState (its slots are filled on first use). */
  static fromState(state: KeyIndexState): KeyIndex {
    const index = new KeyIndex(0);
    index.hashes = state.hashes;
    index.lines = state.lines;
    index.fingerprints = state.fingerprints;
    index.count = state.count;
    index.lastKey = state.lastKey;
    return index;
  }

  lineOf(entry: number): number {
    return this.lines[entry]!;
  }

  fingerprintOf(entry: number): number {
    return this.fingerprints[entry]!;
  }

  private growEntries(): void {
    const hashes = new Int32Array(this.hashes.length * 2);
    hashes.set(this.hashes);
    this.hashes = hashes;
    const lines = new Float64Array(this.lines.length * 2);
    lines.set(this.lines);
    this.lines = lines;
    const fingerprints = new Float64Array(this.fingerprints.length * 2);
    fingerprints.set(this.fingerprints);
    this.fingerprints = fingerprints;
  }
}

export interface KeyIndexState {
  /** Two Int32 numbers (the 64-bit key hash) per entry. */
  hashes: Int32Array;
  lines: Float64Array;
  fingerprints: Float64Array;
  count: number;
  lastKey: string | null;
}

/** `key` sorts after `last`: it is longer, or as long and greater code unit by code unit. */
function sortsAfter(key: string, last: string): boolean {
  return key.length > last.length || (key.length === last.length && key > last);
}

function powerOfTwoAtLeast(n: number): number {
  let size = 1;
  while (size < n) size *= 2;
  return size;
}
