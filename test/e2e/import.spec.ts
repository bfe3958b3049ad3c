import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { chooseFiles, countsOf, expectAccessible, historyRow, importFile, session } from './import-helpers';
import { watchPage } from './smoke';

const MESSY = resolve(__dirname, '../fixtures/scenarios/messy');
const inspect = JSON.parse(readFileSync(resolve(MESSY, 'inspect.json'), 'utf8')) as Record<
  string,
  Partial<Record<string, number>>
>;

test('a new user imports the messy scenario: counts equal inspect.json, broken rows listed', async ({
  page,
}) => {
  const watched = watchPage(page);
  await page.goto('./#/import');
  await expect(page.getByRole('heading', { name: 'No files imported yet' })).toBeVisible();

  // The preview, before anything is committed: detected settings, mapping, first rows, problems.
  await chooseFiles(page, [resolve(MESSY, 'jobs.csv')]);
  const preview = session(page, 'jobs.csv');
  await expect(preview.getByRole('button', { name: 'Import jobs.csv' })).toBeEnabled({ timeout: 30_000 });
  await expect(preview.getByLabel('Kind')).toHaveValue('');
  await expect(preview.getByLabel('Kind').locator('option').first()).toHaveText('Detected (jobs)');
  await expect(preview.getByRole('table').filter({ hasText: 'Column mapping' })).toBeVisible();
  await expect(preview.getByRole('region', { name: 'First rows as they will be stored' })).toBeVisible();
  await expectAccessible(page, 'import preview');
  await preview.getByRole('button', { name: 'Remove file' }).click();

  for (const kind of ['jobs', 'ledger', 'payments', 'requests', 'outages']) {
    const fileName = `${kind}.csv`;
    const card = await importFile(page, resolve(MESSY, fileName), fileName);
    await expect(card.getByRole('status').filter({ hasText: 'Imported' })).toBeVisible({ timeout: 60_000 });
    const counts = await countsOf(page, 'Import counts');
    const expected = inspect[kind]!;
    for (const [key, value] of Object.entries(expected)) expect(counts[key], `${kind} ${key}`).toBe(value);
    if ((expected.rejected ?? 0) > 0) {
      const rejected = card.getByTestId('problem-table').locator('tr[data-severity="error"]');
      await expect(rejected).toHaveCount(expected.rejected!);
      // Each rejected row names its physical line and a reason.
      for (const row of await rejected.all()) {
        await expect(row.locator('td').first()).toHaveText(/^\d+$/);
        await expect(row.locator('td').nth(4)).not.toBeEmpty();
      }
    }
    await expect(historyRow(page, fileName)).toHaveAttribute('data-status', 'complete');
    if (kind === 'jobs') await expectAccessible(page, 'import outcome');
    await card.getByRole('button', { name: 'Close' }).click();
  }
  expect(watched.consoleErrors).toEqual([]);
});

test('re-importing the same file changes nothing; undo removes the batch after a confirmation', async ({
  page,
}) => {
  await page.goto('./#/import');
  const path = resolve(MESSY, 'requests.csv');
  let card = await importFile(page, path, 'requests.csv');
  await expect(card.getByRole('status').filter({ hasText: 'Imported' })).toBeVisible({ timeout: 60_000 });
  await card.getByRole('button', { name: 'Close' }).click();

  card = await importFile(page, path, 'requests.csv');
  await expect(card.getByText('was already imported')).toBeVisible({ timeout: 60_000 });
  await card.getByRole('button', { name: 'Close' }).click();
  await expect(historyRow(page, 'requests.csv')).toHaveCount(1);

  await page.getByRole('button', { name: 'Undo import of requests.csv' }).click();
  const confirm = page.getByRole('alertdialog');
  await expect(confirm).toContainText(`${inspect.requests!.rows} requests rows`);
  await confirm.getByRole('button', { name: 'Undo import' }).click();
  await expect(historyRow(page, 'requests.csv')).toHaveAttribute('data-status', 'undone');
  const stored = await page.evaluate(async () => {
    const open = indexedDB.open('review-desk');
    const db: IDBDatabase = await new Promise((r) => (open.onsuccess = () => r(open.result)));
    const count: number = await new Promise((r) => {
      const req = db.transaction('requests').objectStore('requests').count();
      req.onsuccess = () => r(req.result);
    });
    db.close();
    return count;
  });
  expect(stored).toBe(0);

  // After an undo the same file imports again.
  card = await importFile(page, path, 'requests.csv');
  await expect(card.getByRole('status').filter({ hasText: 'Imported' })).toBeVisible({ timeout: 60_000 });
  await expect(session(page, 'requests.csv')).toHaveCount(1);
});
