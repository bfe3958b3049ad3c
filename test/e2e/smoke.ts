import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { PAGES } from '../../renderer/app/routes';

const HEADINGS: Record<string, string> = {
  import: 'Import',
  review: 'Review',
  outages: 'Outages',
  exports: 'Exports',
  audit: 'Audit',
  settings: 'Settings',
};

/** Records console errors, page errors and any request that would leave this machine. */
export function watchPage(page: Page) {
  const consoleErrors: string[] = [];
  const remoteRequests: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') consoleErrors.push(msg.text());
  });
  page.on('pageerror', (error) => consoleErrors.push(error.message));
  page.on('request', (request) => {
    const url = new URL(request.url());
    const local = ['data:', 'blob:', 'app:', 'file:', 'devtools:', 'chrome-extension:'].includes(
      url.protocol,
    );
    if (!local && url.hostname !== '127.0.0.1') remoteRequests.push(request.url());
  });
  return { consoleErrors, remoteRequests };
}

/** Visits every page through the navigation, checks it, and saves a screenshot of each. */
export async function smokeEveryPage(page: Page, shell: string) {
  const watched = watchPage(page);
  const dir = `test-results/screenshots/${shell}`;
  mkdirSync(dir, { recursive: true });
  for (const { id, label } of PAGES) {
    await page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: label }).click();
    await expect(page.getByRole('heading', { level: 1, name: HEADINGS[id] })).toBeVisible();
    await expect(page.getByText('offline', { exact: true })).toBeVisible();
    const axe = await new AxeBuilder({ page }).analyze();
    const serious = axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(
      serious.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`),
      `${id} accessibility`,
    ).toEqual([]);
    await page.screenshot({ path: `${dir}/${id}.png`, fullPage: true });
  }
  expect(watched.consoleErrors, 'console errors').toEqual([]);
  expect(watched.remoteRequests, 'requests leaving 127.0.0.1').toEqual([]);
}
