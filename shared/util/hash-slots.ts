/**
 * Open-addressing slots from a 64-bit hash (see text-hash.ts) to an entry number, in one
 * Int32Array that the GC never traces: four numbers per slot side by side (the hash's two
 * halves, the entry number + 1 with 0 for an empty slot, one unused), so that a probe touches
 * one cache line. With three separate arrays a probe cost three cache misses. KeyIndex and
 * TextTable are built on it. (Methods rather than module functions: under tsx, as the CLI ran
 * before it was bundled, every call of an imported function goes through a getter, which
 * measured 15-40 % slower here.)
 */
export class HashSlots {
  /** The slots themselves: four Int32 numbers each. */
  array: Int32Array;

  /** At least `slotCount` slots (a power of two, at least 1024). */
  constructor(slotCount: number) {
    let count = 1 << 10;
    while (count < slotCount) count *= 2;
    this.array = new Int32Array(count * SLOT);
  }

  get slotCount(): number {
    return this.array.length / SLOT;
  }

  /** Where the probe for hash half `a` starts. */
  first(a: number): number {
    return Math.imul(a, SLOT) & (this.array.length - SLOT);
  }

  next(slot: number): number {
    return (slot + SLOT) & (this.array.length - SLOT);
  }

  /** The entry number + 1 at a slot; 0 when the slot is empty. */
  entryAt(slot: number): number {
    return this.array[slot + 2]!;
  }

  hashAt(slot: number, a: number, b: number): boolean {
    return this.array[slot] === a && this.array[slot + 1] === b;
  }

  /** The slot holding hash (a, b), or else the empty slot where it would go. */
  find(a: number, b: number): number {
    let slot = this.first(a);
    while (this.entryAt(slot) !== 0 && !this.hashAt(slot, a, b)) slot = this.next(slot);
    return slot;
  }

  /** The first empty slot of the probe for hash half `a`. */
  empty(a: number): number {
    let slot = this.first(a);
    while (this.entryAt(slot) !== 0) slot = this.next(slot);
    return slot;
  }

  set(slot: number, a: number, b: number, entry: number): void {
    const array = this.array;
    array[slot] = a;
    array[slot + 1] = b;
    array[slot + 2] = entry + 1;
  }

  /** Twice as many slots, with the same entries. */
  double(): void {
    const old = this.array;
    this.array = new Int32Array(old.length * 2);
    for (let i = 0; i < old.length; i += SLOT) {
      const entry = old[i + 2]!;
      if (entry !== 0) this.set(this.empty(old[i]!), old[i]!, old[i + 1]!, entry - 1);
    }
  }
}

/** Int32 numbers per slot. */
const SLOT = 4;
