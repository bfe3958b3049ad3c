import { expect, test, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { historyRow, importFile } from './import-helpers';
import { generateJobs } from './import-job-log';

const DIR = resolve(__dirname, '../../test-results/import-files');
// Large enough that the import is still writing when the test cancels or closes the page.
const BIG_ROWS = 250_000;

test.describe.configure({ timeout: 600_000 });

async function bigFile(name: string, seed: number): Promise<string> {
  mkdirSync(DIR, { recursive: true });
  const path = resolve(DIR, name);
  await generateJobs(path, BIG_ROWS, seed);
  return path;
}

async function storedBlocks(page: Page): Promise<number> {
  return page.evaluate(async () => {
    const open = indexedDB.open('review-desk');
    const db: IDBDatabase = await new Promise((r) => (open.onsuccess = () => r(open.result)));
    const count: number = await new Promise((r) => {
      const req = db.transaction('rowBlocks').objectStore('rowBlocks').count();
      req.onsuccess = () => r(req.result);
    });
    db.close();
    return count;
  });
}

/** Waits until the import has committed rows, so that stopping now leaves a partial batch. */
async function waitForStoredRows(page: Page) {
  await expect(page.getByTestId('rows-stored')).not.toHaveText('0', { timeout: 300_000 });
}

test('cancel mid-import leaves nothing behind', async ({ page }) => {
  const path = await bigFile('cancel-jobs.csv', 11);
  await page.goto('./#/import');
  const card = await importFile(page, path, 'cancel-jobs.csv');
  await waitForStoredRows(page);
  await card.getByRole('button', { name: 'Cancel import' }).click();
  await expect(card.getByText('Import cancelled. Nothing from this file was kept.')).toBeVisible({
    timeout: 120_000,
  });
  await expect(historyRow(page, 'cancel-jobs.csv')).toHaveAttribute('data-status', 'cancelled');
  expect(await storedBlocks(page)).toBe(0);
});

test('a page closed mid-import leaves an incomplete batch; Remove and Resume both work', async ({
  context,
}) => {
  const first = await bigFile('crash-jobs-a.csv', 21);
  let page = await context.newPage();
  await page.goto('./#/import');
  await importFile(page, first, 'crash-jobs-a.csv');
  await waitForStoredRows(page);
  await page.close();

  page = await context.newPage();
  await page.goto('./#/import');
  const row = historyRow(page, 'crash-jobs-a.csv');
  await expect(row).toHaveAttribute('data-status', 'incomplete');
  expect(await storedBlocks(page)).toBeGreaterThan(0);
  await row.getByRole('button', { name: 'Remove import of crash-jobs-a.csv' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Remove rows' }).click();
  // The closed page's last write may still be committing; Remove waits for it.
  await expect(row).toHaveAttribute('data-status', 'undone', { timeout: 120_000 });
  expect(await storedBlocks(page)).toBe(0);

  const second = await bigFile('crash-jobs-b.csv', 22);
  await importFile(page, second, 'crash-jobs-b.csv');
  await waitForStoredRows(page);
  await page.close();

  page = await context.newPage();
  await page.goto('./#/import');
  const interrupted = historyRow(page, 'crash-jobs-b.csv');
  await expect(interrupted).toHaveAttribute('data-status', 'incomplete');
  const chooser = page.waitForEvent('filechooser');
  await interrupted.getByRole('button', { name: 'Resume import of crash-jobs-b.csv' }).click();
  await (await chooser).setFiles(second);
  await expect(interrupted).toHaveAttribute('data-status', 'complete', { timeout: 300_000 });
  await expect(interrupted.locator('td').nth(4)).toHaveText(BIG_ROWS.toLocaleString('en-US'));
  await expect(page.getByRole('status').filter({ hasText: /^Imported / })).toBeVisible();
});
