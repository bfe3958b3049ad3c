import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RequestingAccounts, type WindowBounds } from '@shared/policy/requesting-accounts';
import { inWindow } from '@shared/policy/window';
import type { RequestWindow } from '@shared/policy/types';

const asRequestWindow = (w: WindowBounds): RequestWindow => ({
  ...w,
  t: w.start,
  dateOnly: false,
  fromReceivedAt: false,
});

describe('RequestingAccounts', () => {
  it('answers inAnyWindow exactly as inWindow does over the account’s own windows', () => {
    const bounds = fc
      .tuple(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 30 }), fc.boolean())
      .map(([start, length, endInclusive]) => ({ start, end: start + length, endInclusive }));
    fc.assert(
      fc.property(
        fc.array(fc.array(bounds, { maxLength: 4 }), { minLength: 1, maxLength: 6 }),
        fc.integer({ min: -5, max: 140 }),
        (lists, time) => {
          const accounts = new RequestingAccounts(lists.map((list, i) => [`a${i}@x.test`, list] as const));
          lists.forEach((list, account) => {
            const expected = list.some((w) => inWindow(time, asRequestWindow(w)));
            expect(accounts.inAnyWindow(account, time)).toBe(expected);
            expect(accounts.windowsOf(account)).toEqual(list);
          });
        },
      ),
    );
  });

  it('numbers the accounts in the order given and tells which ones a row carried', () => {
    const accounts = new RequestingAccounts([
      ['a@x.test', []],
      ['b@x.test', [{ start: 1, end: 2, endInclusive: true }]],
    ]);
    expect(accounts.size).toBe(2);
    expect([accounts.indexOf('b@x.test'), accounts.likelyIndexOf('b@x.test')]).toEqual([1, 1]);
    expect([accounts.indexOf('c@x.test'), accounts.likelyIndexOf('c@x.test')]).toEqual([-1, -1]);
    expect(accounts.is(1, 'b@x.test')).toBe(true);
    expect(accounts.is(1, 'a@x.test')).toBe(false);
    expect(accounts.isKnown(0)).toBe(false);
    accounts.markKnown(0);
    expect([accounts.isKnown(0), accounts.isKnown(1)]).toEqual([true, false]);
    expect(accounts.emailOf(0)).toBe('a@x.test');
  });

  it('refuses an account given twice', () => {
    expect(
      () =>
        new RequestingAccounts([
          ['a@x.test', []],
          ['a@x.test', []],
        ]),
    ).toThrow(/twice/);
  });
});
