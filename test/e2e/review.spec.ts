import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { resolve } from 'node:path';
import { chooseFiles, session } from './import-helpers';
import { watchPage } from './smoke';

const BASIC = resolve(__dirname, '../fixtures/scenarios/basic');

async function setIdentity(page: Page, identity: string) {
  await page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: 'Settings' }).click();
  await page.getByLabel('Identity', { exact: true }).fill(identity);
  await page.getByRole('button', { name: 'Save identity' }).click();
  await expect(page.getByTestId('reviewer-identity')).toHaveText(`Reviewer ${identity}`);
}

async function openReview(page: Page) {
  await page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: 'Review' }).click();
  await expect(page.getByTestId('queue-list')).toBeVisible({ timeout: 60_000 });
}

/** Finds one request through the search box and opens it with the keyboard. */
async function openBySearch(page: Page, requestId: string) {
  const search = page.getByRole('searchbox');
  await search.fill(requestId);
  await search.press('Enter');
  await expect(page.getByTestId('queue-list').locator('li')).toHaveCount(1);
  await page.keyboard.press('j');
  await expect(page.getByTestId('request-pane').getByRole('heading', { level: 2 })).toHaveText(requestId);
}

async function clearSearch(page: Page) {
  await page.getByRole('searchbox').fill('');
  await page.getByRole('searchbox').press('Enter');
}

async function expectNoSeriousViolations(page: Page, what: string) {
  const axe = await new AxeBuilder({ page }).analyze();
  const serious = axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(
    serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`),
    what,
  ).toEqual([]);
}

const stateCount = (page: Page, state: string) => page.getByTestId(`count-state-${state}`);

test('a reviewer decides the basic scenario by keyboard, overrides, gets a four-eyes approval, undoes, and the audit chain holds', async ({
  page,
}) => {
  test.setTimeout(480_000);
  const watched = watchPage(page);
  await page.goto('./#/review');
  await expect(page.getByRole('heading', { name: 'No requests to review' })).toBeVisible();
  await setIdentity(page, 'ana@finance');

  await page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: 'Import' }).click();
  for (const kind of ['jobs', 'ledger', 'payments', 'requests', 'outages']) {
    const fileName = `${kind}.csv`;
    // Through the Import page, as a reviewer does; generous timeouts for a busy CI machine.
    await chooseFiles(page, [resolve(BASIC, fileName)]);
    const card = session(page, fileName);
    await card.getByRole('button', { name: `Import ${fileName}` }).click({ timeout: 90_000 });
    await expect(card.getByRole('status').filter({ hasText: 'Imported' })).toBeVisible({ timeout: 90_000 });
    await card.getByRole('button', { name: 'Close' }).click();
  }

  // The suggestions are computed in the worker after the import; the counts are expected.csv's.
  await openReview(page);
  await expect(stateCount(page, 'suggested')).toContainText('108', { timeout: 60_000 });
  await expect(page.getByTestId('count-outcome-credit_back')).toContainText('40', { timeout: 60_000 });
  await expect(page.getByTestId('count-outcome-needs_info')).toContainText('16');
  await expect(page.getByTestId('count-outcome-deny_subjective')).toContainText('16');
  await expect(page.getByTestId('count-outcome-escalate_legal')).toContainText('4');

  // Keyboard: j opens the first request in received order; Enter accepts and moves on.
  await page.keyboard.press('j');
  const pane = page.getByTestId('request-pane');
  await expect(pane.getByRole('heading', { level: 2 })).toHaveText('REQ-1-0003');
  await expect(pane.getByTestId('suggested-outcome')).toHaveText('Credit back');
  await expect(pane.getByTestId('candidates').locator('tr.candidate--picked')).toHaveCount(1);
  await expectNoSeriousViolations(page, 'review page with a request open');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('review-message')).toContainText('REQ-1-0003: Credit back');
  await expect(pane.getByRole('heading', { level: 2 })).toHaveText('REQ-1-0073');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('review-message')).toContainText('REQ-1-0073');
  await expect(stateCount(page, 'decided')).toContainText('2');

  // Another outcome than the suggestion needs a note: the outcome's key opens the note field.
  await openBySearch(page, 'REQ-1-0021');
  await expect(pane.getByTestId('suggested-outcome')).toHaveText('Deny: output delivered');
  await page.keyboard.press('c');
  const note = page.getByLabel(/Why Credit back instead of/);
  await expect(note).toBeFocused();
  await note.fill('The delivered file is black frames only; confirmed with the customer.');
  await note.press('Control+Enter');
  await expect(pane.getByText('override', { exact: true })).toBeVisible();
  await expect(pane.getByText('The delivered file is black frames only')).toBeVisible();
  // The account wrote once more; that request is listed with its suggestion and opens from here.
  const history = pane.getByRole('region', { name: /The account’s other requests/ });
  await expect(history.getByRole('heading')).toHaveText('The account’s other requests (1)');
  await expect(history.getByRole('row')).toHaveCount(2);
  await expect(history.getByRole('button', { name: 'REQ-1-0080' })).toBeVisible();

  // Re-picking another candidate recomputes the suggestion from that job, and is audited.
  await openBySearch(page, 'REQ-1-0001');
  await expect(pane.getByTestId('suggested-outcome')).toHaveText('Credit back');
  await pane.getByRole('button', { name: 'Pick job_1_00002' }).click();
  await expect(pane.getByTestId('candidates').locator('tr.candidate--picked')).toContainText('job_1_00002', {
    timeout: 60_000,
  });
  await expect(pane.getByTestId('suggested-outcome')).toHaveText('Deny: output delivered');
  await expect(pane.getByText('a reviewer’s re-pick')).toBeVisible();

  // A four-eyes credit-back: its decider cannot approve it, a second identity can.
  await openBySearch(page, 'REQ-1-0089');
  await expect(pane.getByText('four eyes', { exact: true }).first()).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('review-message')).toContainText('REQ-1-0089');
  await page.keyboard.press('a');
  await expect(page.getByTestId('review-message')).toContainText('second reviewer');
  await setIdentity(page, 'bo@audit');
  await openReview(page);
  await expect(pane.getByRole('heading', { level: 2 })).toHaveText('REQ-1-0089');
  await page.keyboard.press('a');
  await expect(page.getByTestId('review-message')).toContainText('approved by bo@audit');
  await expect(pane.getByText(/approved by bo@audit/)).toBeVisible();

  // Undo goes back one step: the first decision returns to suggested.
  await openBySearch(page, 'REQ-1-0003');
  await page.keyboard.press('u');
  await expect(page.getByTestId('review-message')).toContainText('back to suggested');
  await clearSearch(page);
  await expect(stateCount(page, 'suggested')).toContainText('105');
  await expect(stateCount(page, 'decided')).toContainText('2');
  await expect(stateCount(page, 'approved')).toContainText('1');

  // The cheat sheet lists every key.
  await page.keyboard.press('?');
  const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(sheet).toBeVisible();
  await expect(sheet.getByText('Ask for information')).toBeVisible();
  await expectNoSeriousViolations(page, 'cheat sheet');
  await page.keyboard.press('Escape');
  await expect(sheet).toBeHidden();

  // Settings: a new policy version is validated, saved and shown with its SHA-256.
  await page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: 'Settings' }).click();
  const before = await page.getByTestId('settings-in-force').innerText();
  await page.getByLabel('Four-eyes above (credits)').fill('-5');
  await page.getByRole('button', { name: 'Save as a new version' }).click();
  await expect(page.getByTestId('policy-errors')).toContainText('fourEyesCreditThreshold');
  await page.getByLabel('Four-eyes above (credits)').fill('400');
  await page.getByLabel('Why the change').fill('Finance lowered the four-eyes threshold');
  await page.getByRole('button', { name: 'Save as a new version' }).click();
  await expect(page.getByTestId('settings-in-force')).toContainText('version 1');
  expect(await page.getByTestId('settings-in-force').innerText()).not.toBe(before);
  await expectNoSeriousViolations(page, 'settings page');

  // The audit log recorded every step, and its chain verifies.
  await page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: 'Audit' }).click();
  const entries = page.getByRole('table', { name: 'Audit entries' }).locator('tbody tr');
  await expect(entries.filter({ hasText: 'decision.override' })).toHaveCount(1);
  await expect(entries.filter({ hasText: 'decision.approve' })).toHaveCount(1);
  await expect(entries.filter({ hasText: 'decision.undo' })).toHaveCount(1);
  await expect(entries.filter({ hasText: 'decision.repick' })).toHaveCount(1);
  await expect(entries.filter({ hasText: 'policy-settings:1' })).toHaveCount(1);
  await page.getByRole('button', { name: 'Verify chain' }).click();
  await expect(page.getByTestId('audit-chain-status')).toContainText('The chain holds');

  expect(watched.consoleErrors, 'console errors').toEqual([]);
  expect(watched.remoteRequests, 'requests leaving 127.0.0.1').toEqual([]);
});
