import { expect, test } from '@playwright/test';
import { smokeEveryPage } from './smoke';

test('every page renders, offline, accessible, without console errors (light)', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto('./');
  await smokeEveryPage(page, 'browser-light');
});

test('every page renders in the dark theme', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto('./');
  await smokeEveryPage(page, 'browser-dark');
});

test('the reviewer identity set in Settings shows in the top bar and survives a reload', async ({ page }) => {
  await page.goto('./#/settings');
  await expect(page.getByTestId('reviewer-identity')).toHaveText('Set your reviewer identity');
  await page.getByLabel('Identity', { exact: true }).fill('bad identity');
  await page.getByRole('button', { name: 'Save identity' }).click();
  await expect(page.locator('#identity-message')).toContainText('no spaces');
  await page.getByLabel('Identity', { exact: true }).fill('ana@finance');
  await page.getByRole('button', { name: 'Save identity' }).click();
  await expect(page.getByTestId('reviewer-identity')).toHaveText('Reviewer ana@finance');
  await page.reload();
  await expect(page.getByTestId('reviewer-identity')).toHaveText('Reviewer ana@finance');
});
