import { randomUUID } from 'node:crypto';

/** Enough for any import session; beyond it the oldest picks are forgotten first. */
const DEFAULT_CAPACITY = 10_000;

/**
 * The files the reviewer picked in an open dialog, by opaque token. The renderer only ever holds
 * tokens, so it can read what the user chose and nothing else, and only from the window that
 * asked for the dialog.
 */
export class PickedFileRegistry {
  private readonly entries = new Map<string, { path: string; ownerId: number }>();

  constructor(private readonly capacity = DEFAULT_CAPACITY) {}

  add(ownerId: number, path: string): string {
    const token = randomUUID();
    this.entries.set(token, { path, ownerId });
    while (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
    return token;
  }

  /** The path behind a token, only for the window it was given to. */
  resolve(ownerId: number, token: string): string | null {
    const entry = this.entries.get(token);
    return entry !== undefined && entry.ownerId === ownerId ? entry.path : null;
  }

  /** Called when a window goes away: its tokens die with it. */
  forgetOwner(ownerId: number): void {
    for (const [token, entry] of this.entries) {
      if (entry.ownerId === ownerId) this.entries.delete(token);
    }
  }

  get size(): number {
    return this.entries.size;
  }
}
