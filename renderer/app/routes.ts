export type PageId = 'import' | 'review' | 'outages' | 'exports' | 'audit' | 'settings';

export interface PageRoute {
  id: PageId;
  label: string;
  hint: string;
}

/** The pages in the order a review runs: bring data in, decide, reconcile, hand over, check. */
export const PAGES: readonly PageRoute[] = [
  { id: 'import', label: 'Import', hint: 'Bring in job logs, ledgers, payments, requests and outages' },
  { id: 'review', label: 'Review', hint: 'Decide credit-back requests' },
  { id: 'outages', label: 'Outages', hint: 'Reconcile incidents against failed jobs' },
  { id: 'exports', label: 'Exports', hint: 'Signed credit-back batches for billing' },
  { id: 'audit', label: 'Audit', hint: 'The audit log and file verification' },
  { id: 'settings', label: 'Settings', hint: 'Identity, keys and policy settings' },
];

export function pageFromHash(hash: string): PageId {
  const id = hash.replace(/^#\/?/, '').split(/[/?]/)[0];
  return PAGES.find((p) => p.id === id)?.id ?? 'import';
}
