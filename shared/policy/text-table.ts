import { hashText64, textHash } from '../util/text-hash';

/**
 * Strings numbered 0, 1, 2… in the order added, for a lookup once per streamed row.
 *
 * A Map<string, …> lookup of a freshly read string cost about 0.9 µs here: over the 2M job and
 * ledger rows of bench:reconcile, looking up each row's account email in a Map of the 35k
 * requesting accounts added 1.8 s, where hashing the same emails in JavaScript added nothing
 * measurable. So the text is hashed here and each slot of one typed array holds the 64-bit hash
 * and the number side by side: a probe touches one cache line. Comparing the stored string on
 * every hit cost two more misses (the list, the string): `likelyIndexOf` leaves that comparison
 * to the caller, for the rows where the answer changes something.
 */
export class TextTable {
  /** Four numbers per slot: the hash (two halves), the number + 1 (0 = empty), one unused. */
  private slots: Int32Array;
  private readonly list: string[] = [];

  /** `expected`: sized for that many texts up front (each growth places every text again). */
  constructor(expected = 0) {
    let slots = 1 << 10;
    while (slots < expected * 4) slots *= 2;
    this.slots = new Int32Array(slots * SLOT);
  }

  get size(): number {
    return this.list.length;
  }

  /** The text's number, added at the end if new. */
  add(text: string): number {
    const found = this.indexOf(text);
    if (found !== -1) return found;
    const index = this.list.length;
    this.list.push(text);
    // At most a quarter full: a miss usually ends at its first slot.
    // indexOf left the text's hash in textHash; growing places every text again, this one too.
    if (this.list.length * 4 * SLOT > this.slots.length) this.grow();
    else this.place(index);
    return index;
  }

  /** The text's number, or -1. */
  indexOf(text: string): number {
    hashText64(text);
    for (let slot = this.firstSlot(); ; slot = this.nextSlot(slot)) {
      const entry = this.slots[slot + 2]!;
      if (entry === 0) return -1;
      if (this.sameHash(slot) && this.list[entry - 1] === text) return entry - 1;
    }
  }

  /**
   * The number of the text with the same 64-bit hash, or -1: the text's own number, unless a
   * text never added shares the hash of one that was (a chance of about 2^-64 per pair). Confirm
   * with `textOf(n) === text` before acting on it.
   */
  likelyIndexOf(text: string): number {
    hashText64(text);
    for (let slot = this.firstSlot(); ; slot = this.nextSlot(slot)) {
      const entry = this.slots[slot + 2]!;
      if (entry === 0) return -1;
      if (this.sameHash(slot)) return entry - 1;
    }
  }

  textOf(index: number): string {
    return this.list[index]!;
  }

  /** Every text, in the order added. */
  texts(): string[] {
    return [...this.list];
  }

  /** The slot where the last hashed text's probe starts. */
  private firstSlot(): number {
    return Math.imul(textHash[0]!, SLOT) & (this.slots.length - SLOT);
  }

  private nextSlot(slot: number): number {
    return (slot + SLOT) & (this.slots.length - SLOT);
  }

  private sameHash(slot: number): boolean {
    return this.slots[slot] === textHash[0] && this.slots[slot + 1] === textHash[1];
  }

  /** Places text number `index`, whose hash is in textHash, at the first free slot of its probe. */
  private place(index: number): void {
    let slot = this.firstSlot();
    while (this.slots[slot + 2] !== 0) slot = this.nextSlot(slot);
    this.slots[slot] = textHash[0]!;
    this.slots[slot + 1] = textHash[1]!;
    this.slots[slot + 2] = index + 1;
  }

  private grow(): void {
    this.slots = new Int32Array(this.slots.length * 2);
    this.list.forEach((text, index) => {
      hashText64(text);
      this.place(index);
    });
  }
}

/** Int32 numbers per slot. */
const SLOT = 4;
