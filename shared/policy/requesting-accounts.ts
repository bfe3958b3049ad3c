import { TextTable } from './text-table';

/** A request window as the collector needs it: the instants a job's created_at is matched against. */
export interface WindowBounds {
  start: number;
  end: number;
  endInclusive: boolean;
}

/**
 * The requesting accounts with their request windows, packed for the collector's lookup once
 * per streamed row: an account is a number (see TextTable), its windows are triples in one
 * Float64Array, and whether some row carried it is a byte. Objects per account cost a cache miss
 * each on that path (account, list, window).
 */
export class RequestingAccounts {
  private readonly table: TextTable;
  /** Account a's windows are bounds[from[a]] … bounds[from[a + 1]], as (start, end, 1|0 inclusive). */
  private readonly from: Int32Array;
  private readonly bounds: Float64Array;
  private readonly known: Uint8Array;

  /** Each account once, with all its windows. */
  constructor(accounts: readonly (readonly [string, readonly WindowBounds[]])[]) {
    this.table = new TextTable(accounts.length);
    const lists: (readonly WindowBounds[])[] = [];
    let windowCount = 0;
    for (const [email, windows] of accounts) {
      if (this.table.add(email) !== lists.length) throw new Error(`account ${email} given twice`);
      lists.push(windows);
      windowCount += windows.length;
    }
    this.from = new Int32Array(lists.length + 1);
    this.bounds = new Float64Array(windowCount * 3);
    this.known = new Uint8Array(lists.length);
    let at = 0;
    lists.forEach((windows, account) => {
      this.from[account] = at;
      for (const w of windows) {
        this.bounds[at++] = w.start;
        this.bounds[at++] = w.end;
        this.bounds[at++] = w.endInclusive ? 1 : 0;
      }
    });
    this.from[lists.length] = at;
  }

  get size(): number {
    return this.table.size;
  }

  /** The account's number, or -1 when it made no request. */
  indexOf(email: string): number {
    return this.table.indexOf(email);
  }

  /**
   * The same by hash alone (see TextTable.likelyIndexOf): the streamed rows' lookup. Confirm
   * with `is` before a row changes anything.
   */
  likelyIndexOf(email: string): number {
    return this.table.likelyIndexOf(email);
  }

  is(account: number, email: string): boolean {
    return this.table.textOf(account) === email;
  }

  emailOf(account: number): string {
    return this.table.textOf(account);
  }

  /** Some job, ledger row or payment carried the account (rule 2). */
  markKnown(account: number): void {
    this.known[account] = 1;
  }

  isKnown(account: number): boolean {
    return this.known[account] === 1;
  }

  /** `time` falls in one of the account's windows (see inWindow: the same test, unpacked). */
  inAnyWindow(account: number, time: number): boolean {
    const bounds = this.bounds;
    for (let i = this.from[account]!, end = this.from[account + 1]!; i < end; i += 3) {
      const windowEnd = bounds[i + 1]!;
      if (time >= bounds[i]! && (time < windowEnd || (time === windowEnd && bounds[i + 2] === 1)))
        return true;
    }
    return false;
  }

  windowsOf(account: number): WindowBounds[] {
    const windows: WindowBounds[] = [];
    for (let i = this.from[account]!; i < this.from[account + 1]!; i += 3) {
      windows.push({
        start: this.bounds[i]!,
        end: this.bounds[i + 1]!,
        endInclusive: this.bounds[i + 2] === 1,
      });
    }
    return windows;
  }
}
