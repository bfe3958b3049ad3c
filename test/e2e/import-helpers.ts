import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/** Picks files through the Import page's button, as a user would through the file dialog. */
export async function chooseFiles(page: Page, paths: string[]) {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Choose files…' }).first().click();
  await (await chooser).setFiles(paths);
}

export async function countsOf(page: Page, label: string): Promise<Record<string, number>> {
  const items = page.locator(`dl[aria-label="${label}"] .import-counts__item`);
  const out: Record<string, number> = {};
  for (const item of await items.all()) {
    const key = (await item.getAttribute('data-count')) ?? '';
    out[key] = Number((await item.locator('dd').innerText()).replace(/,/g, ''));
  }
  return out;
}

export function session(page: Page, fileName: string) {
  return page.getByTestId('import-session').filter({ has: page.getByRole('heading', { name: fileName }) });
}

/** Imports one file from the preview, and waits for the outcome. */
export async function importFile(page: Page, path: string, fileName: string) {
  await chooseFiles(page, [path]);
  const card = session(page, fileName);
  const button = card.getByRole('button', { name: `Import ${fileName}` });
  await expect(button).toBeEnabled({ timeout: 30_000 });
  await button.click();
  return card;
}

export function historyRow(page: Page, fileName: string) {
  return page.getByTestId('import-history').locator('tbody tr').filter({ hasText: fileName });
}

/** No serious or critical accessibility violations in the page as it stands. */
export async function expectAccessible(page: Page, what: string) {
  const axe = await new AxeBuilder({ page }).analyze();
  const serious = axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(
    serious.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`),
    `${what} accessibility`,
  ).toEqual([]);
}
