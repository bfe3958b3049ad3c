import { HashSlots } from '../util/hash-slots';
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
  /** At most a quarter full: a miss usually ends at its first slot (see hash-slots.ts). */
  private readonly slots: HashSlots;
  private readonly list: string[] = [];

  /** `expected`: sized for that many texts up front (each growth places every entry again). */
  constructor(expected = 0) {
    this.slots = new HashSlots(expected * 4);
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
    // indexOf left the text's hash in textHash.
    this.slots.set(this.slots.empty(textHash[0]!), textHash[0]!, textHash[1]!, index);
    if (this.list.length * 4 > this.slots.slotCount) this.slots.double();
    return index;
  }

  /** The text's number, or -1. */
  indexOf(text: string): number {
    hashText64(text);
    const a = textHash[0]!;
    const b = textHash[1]!;
    const slots = this.slots;
    for (let slot = slots.first(a); ; slot = slots.next(slot)) {
      const entry = slots.entryAt(slot);
      if (entry === 0) return -1;
      if (slots.hashAt(slot, a, b) && this.list[entry - 1] === text) return entry - 1;
    }
  }

  /**
   * The number of the text with the same 64-bit hash, or -1: the text's own number, unless a
   * text never added shares the hash of one that was (a chance of about 2^-64 per pair). Confirm
   * with `textOf(n) === text` before acting on it.
   */
  likelyIndexOf(text: string): number {
    hashText64(text);
    return this.slots.entryAt(this.slots.find(textHash[0]!, textHash[1]!)) - 1;
  }

  textOf(index: number): string {
    return this.list[index]!;
  }

  /** Every text, in the order added. */
  texts(): string[] {
    return [...this.list];
  }
}
