import { expect, test } from '@playwright/test';

test('the audit page verifies the chain and points at an entry edited behind the app’s back', async ({
  page,
}) => {
  await page.goto('./#/audit');
  await expect(page.getByRole('heading', { name: 'The audit log is empty' })).toBeVisible();

  await page.goto('./#/settings');
  for (const identity of ['ana@finance', 'ben@finance', 'ana@finance']) {
    await page.getByLabel('Identity', { exact: true }).fill(identity);
    await page.getByRole('button', { name: 'Save identity' }).click();
    await expect(page.getByTestId('reviewer-identity')).toHaveText(`Reviewer ${identity}`);
  }

  await page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: 'Audit' }).click();
  await expect(page.getByRole('table', { name: 'Audit entries' }).locator('tbody tr')).toHaveCount(3);
  await page.getByRole('button', { name: 'Verify chain' }).click();
  await expect(page.getByTestId('audit-chain-status')).toContainText('The chain holds');

  // What a person with devtools could do: rewrite a stored entry directly in IndexedDB.
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('review-desk');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction('audit', 'readwrite');
          const store = tx.objectStore('audit');
          const get = store.get(2);
          get.onsuccess = () => store.put({ ...get.result, actor: 'mallory@finance' });
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
        };
      }),
  );
  await page.getByRole('button', { name: 'Verify chain' }).click();
  const status = page.getByTestId('audit-chain-status');
  await expect(status).toContainText('altered outside the desk');
  await expect(status).toContainText('Entry 2');
  await expect(page.locator('tr.row--broken')).toHaveCount(1);
});
