import { expect, test, type Download, type Page } from '@playwright/test';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { importFile } from './import-helpers';
import { watchPage } from './smoke';

const MESSY = resolve(__dirname, '../fixtures/scenarios/messy');
const STATUSPAGE = resolve(__dirname, '../fixtures/outages/statuspage-incidents.json');
/** In messy, incident INC-11-5 (every component) affected one platform failure nobody asked about. */
const INCIDENT = 'INC-11-5';
const UNREQUESTED = { jobId: 'job_11_0001m', account: 'creator11x138@mail.test', credits: 40 };

let work: string;
test.beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'review-desk-outages-e2e-'));
});
test.afterAll(() => rmSync(work, { recursive: true, force: true }));

async function setIdentity(page: Page, identity: string) {
  await page.goto('./#/settings');
  await page.getByLabel('Identity', { exact: true }).fill(identity);
  await page.getByRole('button', { name: 'Save identity' }).click();
  await expect(page.getByTestId('reviewer-identity')).toHaveText(`Reviewer ${identity}`);
}

async function setFourEyesThreshold(page: Page, credits: number) {
  await page.goto('./#/settings');
  await page.getByLabel('Four-eyes above (credits)').fill(String(credits));
  await page.getByLabel('Why the change').fill('Four-eyes check of proactive credit-backs');
  await page.getByRole('button', { name: 'Save as a new version' }).click();
  await expect(page.getByText(/^Saved as version \d+/)).toBeVisible();
}

async function setIdentityAndKey(page: Page, identity: string) {
  await setIdentity(page, identity);
  await page.getByRole('button', { name: 'Generate Ed25519 key' }).click();
  await expect(page.getByTestId('public-key-allowed-signers')).toHaveValue(
    new RegExp(`^${identity} ssh-ed25519 `),
  );
}

async function importThrough(page: Page, path: string, fileName: string) {
  const card = await importFile(page, path, fileName);
  await expect(card.getByRole('status').filter({ hasText: 'Imported' })).toBeVisible({ timeout: 60_000 });
  await card.getByRole('button', { name: 'Close' }).click();
}

async function twoDownloads(page: Page, click: () => Promise<void>): Promise<string[]> {
  const downloads: Download[] = [];
  const done = new Promise<void>((resolveAll) => {
    page.on('download', function onDownload(download) {
      downloads.push(download);
      if (downloads.length === 2) {
        page.off('download', onDownload);
        resolveAll();
      }
    });
  });
  await click();
  await done;
  const paths: string[] = [];
  for (const download of downloads) {
    const path = join(work, download.suggestedFilename());
    await download.saveAs(path);
    paths.push(path);
  }
  return paths;
}

test('messy: an incident’s unrequested jobs are credited back proactively, approved by a second reviewer above the four-eyes threshold, exported, and a later request is a duplicate', async ({
  page,
}) => {
  test.setTimeout(300_000);
  const watched = watchPage(page);
  await setIdentityAndKey(page, 'lee@support');

  await page.goto('./#/import');
  for (const kind of ['jobs', 'ledger', 'payments', 'requests', 'outages'])
    await importThrough(page, join(MESSY, `${kind}.csv`), `${kind}.csv`);
  // Statuspage's incidents.json imports beside the CSV.
  await importThrough(page, STATUSPAGE, 'statuspage-incidents.json');

  await page.goto('./#/outages');
  const chart = page.locator('.failure-chart__plot');
  await expect(chart.locator('canvas')).toBeVisible({ timeout: 60_000 });
  await expect(chart).toHaveAttribute('data-bucket', 'hour');
  const incidents = page.getByTestId('incident-list');
  await expect(incidents.locator('tbody tr')).toHaveCount(7);
  // The Statuspage incident without resolved_at is open until the newest timestamp in the data.
  await expect(incidents.locator('tr', { hasText: 'sp3mz9tt7c2a' })).toContainText('open');
  await expect(page.getByTestId('anomaly-list')).toBeVisible();
  await page.screenshot({ path: 'test-results/outages-overview.png', fullPage: true });

  // Hover shows the counts of the hour under the cursor.
  const box = (await chart.locator('.u-over').boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await expect(page.locator('.failure-chart__tip')).toContainText(/Platform \d+/);

  // Dragging zooms; a short span switches to minute buckets.
  await expect(page.getByRole('button', { name: 'Zoom out' })).toBeDisabled();
  const over = chart.locator('.u-over');
  const ob = (await over.boundingBox())!;
  await page.mouse.move(ob.x + ob.width * 0.5, ob.y + 20);
  await page.mouse.down();
  await page.mouse.move(ob.x + ob.width * 0.5 + 4, ob.y + 20, { steps: 4 });
  await page.mouse.up();
  await expect(chart).toHaveAttribute('data-bucket', 'minute');
  await page.getByRole('button', { name: 'Zoom out' }).click();
  await expect(chart).toHaveAttribute('data-bucket', 'hour');

  await incidents.getByRole('link', { name: INCIDENT }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(INCIDENT);
  const jobs = page.getByTestId('affected-jobs');
  await expect(jobs.locator('[role="row"]')).toHaveCount(1);
  const row = jobs.locator(`[data-job-id="${UNREQUESTED.jobId}"]`);
  await expect(row).toContainText(UNREQUESTED.account);
  await expect(page.getByTestId('affected-accounts')).toContainText(UNREQUESTED.account);
  await expect(page.getByTestId('eligible-count')).toHaveText('1');

  // The summary per account comes before anything is created.
  await page.getByRole('button', { name: 'Review credit-backs for 1 job…' }).click();
  const summary = page.getByTestId('proactive-summary');
  await expect(summary).toContainText(UNREQUESTED.account);
  await expect(summary.locator('tfoot')).toContainText(String(UNREQUESTED.credits));
  await page.getByRole('button', { name: 'Create 1 credit-back decision' }).click();
  await expect(page.getByText('Created 1 credit-back decision.')).toBeVisible();
  await expect(row).toContainText('proactive · decided');
  await expect(page.getByTestId('eligible-count')).toHaveText('0');
  await page.screenshot({ path: 'test-results/outages-incident.png', fullPage: true });

  // Undo works as for any decision before export; then the job is credited again.
  await row.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByTestId('eligible-count')).toHaveText('1');

  // Four eyes: above the threshold, a proactive credit-back waits for a second, different reviewer.
  await setFourEyesThreshold(page, UNREQUESTED.credits - 1);
  await page.goto(`./#/outages/${INCIDENT}`);
  await page.getByRole('button', { name: 'Review credit-backs for 1 job…' }).click();
  await expect(page.getByTestId('proactive-panel')).toContainText('1 of them exceed');
  await page.getByRole('button', { name: 'Create 1 credit-back decision' }).click();
  await expect(row).toContainText('proactive · decided');
  await page.goto('./#/exports');
  await expect(page.getByText('No approved credit-back or re-run is waiting.')).toBeVisible();
  // The identity that created it is refused, and nothing changes.
  await page.goto(`./#/outages/${INCIDENT}`);
  await row.getByRole('button', { name: 'Approve' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Approval needs a second reviewer' })).toBeVisible();
  await expect(row).toContainText('proactive · decided');
  // A second identity approves it.
  await setIdentity(page, 'kim@finance');
  await page.goto(`./#/outages/${INCIDENT}`);
  await row.getByRole('button', { name: 'Approve' }).click();
  await expect(row).toContainText('proactive · approved');
  await expect(row.getByRole('button', { name: 'Approve' })).toHaveCount(0);
  await setIdentity(page, 'lee@support');

  // The same signed batch as any other decision.
  await page.goto('./#/exports');
  await expect(page.getByTestId('next-items')).toHaveText('1');
  await expect(page.getByTestId('next-credits')).toHaveText(String(UNREQUESTED.credits));
  const [batchPath] = await twoDownloads(page, () =>
    page.getByRole('button', { name: 'Export signed batch (1)' }).click(),
  );
  const batch = JSON.parse(readFileSync(batchPath!, 'utf8')) as {
    items: { request_id: string; job_id: string; account_email: string; credits: number; reason: string }[];
  };
  expect(batch.items).toEqual([
    expect.objectContaining({
      request_id: `proactive:${INCIDENT}:${UNREQUESTED.jobId}`,
      job_id: UNREQUESTED.jobId,
      account_email: UNREQUESTED.account,
      credits: UNREQUESTED.credits,
      reason: 'outage_proactive',
    }),
  ]);

  // A week later the customer writes in about the same generation.
  const later = join(work, 'later-requests.csv');
  writeFileSync(
    later,
    'ticket_id,created_at,requester_email,failure_time,tz,error_shown,body,remedy,generation_id\n' +
      `REQ-LATER-1,2026-04-12T09:00:00.000Z,${UNREQUESTED.account},2026-03-19T01:30:00.000Z,,,My render failed during the outage.,,${UNREQUESTED.jobId}\n`,
  );
  await page.goto('./#/import');
  await importThrough(page, later, 'later-requests.csv');

  await page.goto('./#/review');
  await page.getByPlaceholder(/^Search email, request id or job id/).fill('REQ-LATER-1');
  const laterRow = page.locator('[data-request-id="REQ-LATER-1"]');
  await expect(laterRow).toContainText('Deny: already compensated', { timeout: 60_000 });
  expect(watched.consoleErrors).toEqual([]);
});
