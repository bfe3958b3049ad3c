import type { SupportRequest } from '../domain/records';

/**
 * Accounts with `count` or more requests received within some span of `spanMs` (both ends
 * inclusive). Every request of such an account carries the flag.
 */
export function repeatRequesters(
  requestsByAccount: ReadonlyMap<string, readonly SupportRequest[]>,
  count: number,
  spanMs: number,
): Set<string> {
  const accounts = new Set<string>();
  for (const [account, requests] of requestsByAccount) {
    if (requests.length < count) continue;
    const times = requests.map((request) => request.receivedAt).sort((a, b) => a - b);
    for (let i = 0; i + count - 1 < times.length; i++) {
      if ((times[i + count - 1] as number) - (times[i] as number) <= spanMs) {
        accounts.add(account);
        break;
      }
    }
  }
  return accounts;
}
