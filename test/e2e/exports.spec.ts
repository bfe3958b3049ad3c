import { expect, test, type Download, type Page } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Papa from 'papaparse';
import { importFile } from './import-helpers';

const BASIC = resolve(__dirname, '../fixtures/scenarios/basic');
const BATCH_NAMESPACE = 'creditback-batch@review-desk';
const DECISIONS_NAMESPACE = 'decision-export@review-desk';

let work: string;
test.beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'review-desk-exports-e2e-'));
});
test.afterAll(() => rmSync(work, { recursive: true, force: true }));

async function setIdentity(page: Page, identity: string) {
  await page.goto('./#/settings');
  await page.getByLabel('Identity', { exact: true }).fill(identity);
  await page.getByRole('button', { name: 'Save identity' }).click();
  await expect(page.getByTestId('reviewer-identity')).toHaveText(`Reviewer ${identity}`);
}

/** Generates a key in Settings and returns the allowed_signers line the app shows. */
async function generateKey(page: Page, identity: string): Promise<string> {
  await page.getByRole('button', { name: 'Generate Ed25519 key' }).click();
  const line = page.getByTestId('public-key-allowed-signers');
  await expect(line).toHaveValue(new RegExp(`^${identity} ssh-ed25519 AAAA`));
  return line.inputValue();
}

function keygenVerify(opts: {
  file: string;
  sig: string;
  allowed: string;
  identity: string;
  namespace: string;
}) {
  return spawnSync(
    'ssh-keygen',
    ['-Y', 'verify', '-f', opts.allowed, '-I', opts.identity, '-n', opts.namespace, '-s', opts.sig],
    { input: readFileSync(opts.file), encoding: 'utf8' },
  );
}

/** Clicks and collects the two downloads an export makes: the file, then its `.sig`. */
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

async function chooseFile(page: Page, label: string, path: string) {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: `Choose ${label}` }).click();
  await (await chooser).setFiles(path);
}

/** Exports every decision from the Exports page, checks it with ssh-keygen, returns its rows. */
async function exportDecisionCsv(page: Page, allowedPath: string): Promise<Record<string, string>[]> {
  await page.getByRole('button', { name: 'All decisions' }).click();
  const [csvPath, csvSigPath] = await twoDownloads(page, () =>
    page.getByRole('button', { name: 'Export signed decisions' }).click(),
  );
  expect(csvPath).toMatch(/decisions-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.csv$/);
  const accepted = keygenVerify({
    file: csvPath!,
    sig: csvSigPath!,
    allowed: allowedPath,
    identity: 'ana@finance',
    namespace: DECISIONS_NAMESPACE,
  });
  expect(accepted.status, accepted.stderr).toBe(0);
  const [header, ...lines] = Papa.parse<string[]>(readFileSync(csvPath!, 'utf8').trim()).data;
  return lines.map((cells) => Object.fromEntries(header!.map((column, i) => [column, cells[i] ?? ''])));
}

interface BatchItem {
  idempotency_key: string;
  request_id: string;
  account_email: string;
  job_id: string;
  credits: number;
}

/** The billing system's next ledger export: restores for part of the batch, one of them twice. */
function ledgerApplying(items: BatchItem[], applied: number): string {
  const lines = [
    'entry_id,account_email,created_at,type,credits,job_id,amount,currency,reference,description',
  ];
  const row = (id: string, item: BatchItem) =>
    `${id},${item.account_email},2026-04-20T10:00:00.000Z,restore,${item.credits},${item.job_id},,,${item.idempotency_key},review-desk credit-back`;
  items.slice(0, applied).forEach((item, i) => lines.push(row(`le_billing_${i + 1}`, item)));
  lines.push(row('le_billing_again', items[0]!));
  return `${lines.join('\n')}\n`;
}

test('Settings → Keys: identity first, then generate, rotate, and keep the retired key listed', async ({
  page,
}) => {
  await page.goto('./#/settings');
  await expect(page.getByText('Set your reviewer identity above first')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Generate Ed25519 key' })).toHaveCount(0);
  await setIdentity(page, 'ana@finance');
  const allowed = await generateKey(page, 'ana@finance');
  const openssh = await page.getByTestId('public-key-openssh').inputValue();
  expect(openssh).toMatch(/^ssh-ed25519 AAAA\S+ ana@finance$/);
  expect(allowed.split(' ')[2]).toBe(openssh.split(' ')[1]);

  await page.getByRole('button', { name: 'Generate a new key…' }).click();
  await page.getByRole('button', { name: 'Generate and rotate' }).click();
  await expect(page.getByText('1 retired key, kept for verifying older files')).toBeVisible();
  await expect(page.getByTestId('public-key-openssh')).not.toHaveValue(openssh);
  await page.reload();
  await expect(page.getByText('1 retired key, kept for verifying older files')).toBeVisible();
  await expect(page.getByTestId('public-key-openssh')).not.toHaveValue(openssh);

  // A key made by ssh-keygen, opened as a file: it becomes the active key.
  const keyPath = join(work, 'id_ed25519_settings');
  const made = spawnSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', 'ana@finance', '-f', keyPath]);
  expect(made.status, String(made.stderr)).toBe(0);
  await page.getByText('Import an existing OpenSSH key').click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Open key file…' }).click();
  await (await chooser).setFiles(keyPath);
  const publicLine = readFileSync(`${keyPath}.pub`, 'utf8').split(' ').slice(0, 2).join(' ');
  await expect(page.getByTestId('public-key-openssh')).toHaveValue(`${publicLine} ana@finance`);
  await expect(page.getByText('2 retired keys, kept for verifying older files')).toBeVisible();
});

test('import basic, decide, export a signed batch that ssh-keygen accepts, verify it, then apply part of it', async ({
  page,
}) => {
  test.setTimeout(300_000);
  await setIdentity(page, 'ana@finance');
  const allowedLine = await generateKey(page, 'ana@finance');
  const allowedPath = join(work, 'allowed_signers');
  writeFileSync(allowedPath, `${allowedLine}\n`);

  await page.goto('./#/import');
  for (const kind of ['jobs', 'ledger', 'payments', 'requests', 'outages']) {
    const card = await importFile(page, join(BASIC, `${kind}.csv`), `${kind}.csv`);
    await expect(card.getByRole('status').filter({ hasText: 'Imported' })).toBeVisible({ timeout: 60_000 });
    await card.getByRole('button', { name: 'Close' }).click();
  }

  const requestCount = readFileSync(join(BASIC, 'requests.csv'), 'utf8').trim().split('\n').length - 1;
  await page.goto('./#/review');
  // Accept only once the suggestions include the last import (the outages): expected.csv's counts.
  await expect(page.getByTestId('count-outcome-credit_back')).toContainText('40', { timeout: 60_000 });
  await expect(page.getByTestId('count-outcome-needs_info')).toContainText('16');
  const acceptAll = page.getByRole('button', { name: /^Accept all in filter/ });
  await expect(acceptAll).toHaveText(`Accept all in filter (${requestCount})`, { timeout: 60_000 });
  await acceptAll.click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: /^Accept \d/ }).click();
  await expect(dialog).toBeHidden({ timeout: 60_000 });
  const reviewMessage = page.getByTestId('review-message');
  await expect(reviewMessage).toContainText(/Accepted \d+ suggestions/);
  const decided = Number(/Accepted (\d+)/.exec(await reviewMessage.innerText())![1]);

  // Decisions for the auditors: every decision, signed in its own namespace. What they say is
  // what the Exports page must offer: the remedies, less the four_eyes ones still unapproved.
  await page.goto('./#/exports');
  const decisions = await exportDecisionCsv(page, allowedPath);
  expect(decisions).toHaveLength(decided);
  const remedies = decisions.filter((d) => d.outcome === 'credit_back' || d.outcome === 'rerun');
  const fourEyes = remedies.filter((d) => (d.flags ?? '').split(';').includes('four_eyes'));
  expect(fourEyes.length).toBeGreaterThan(0);
  const ready = remedies.length - fourEyes.length;
  const credits = remedies
    .filter((d) => d.outcome === 'credit_back' && !fourEyes.includes(d))
    .reduce((sum, d) => sum + Number(d.credits), 0);
  await expect(page.getByTestId('next-items')).toHaveText(String(ready));
  await expect(page.getByTestId('next-credits')).toHaveText(String(credits));
  const blocked = page.getByTestId('not-exportable-row');
  await expect(blocked).toHaveCount(fourEyes.length);
  await expect(blocked.first()).toContainText('Blocked');
  await expect(blocked.first()).toContainText('needs a second reviewer other than ana@finance');

  const [batchPath, batchSigPath] = await twoDownloads(page, () =>
    page.getByRole('button', { name: `Export signed batch (${ready})` }).click(),
  );
  expect(batchPath).toMatch(/creditback-batch-\d{4}-\d{2}-\d{2}-0001\.json$/);
  expect(batchSigPath).toBe(`${batchPath}.sig`);
  await expect(page.getByText(/exported and its \d+ decisions locked/)).toBeVisible();
  await expect(page.getByTestId('next-items')).toHaveCount(0);

  const accepted = keygenVerify({
    file: batchPath!,
    sig: batchSigPath!,
    allowed: allowedPath,
    identity: 'ana@finance',
    namespace: BATCH_NAMESPACE,
  });
  expect(accepted.status, accepted.stderr).toBe(0);
  const wrongNamespace = keygenVerify({
    file: batchPath!,
    sig: batchSigPath!,
    allowed: allowedPath,
    identity: 'ana@finance',
    namespace: DECISIONS_NAMESPACE,
  });
  expect(wrongNamespace.status).not.toBe(0);

  const batch = JSON.parse(readFileSync(batchPath!, 'utf8')) as {
    batch_id: string;
    previous_batch_sha256: string | null;
    items: BatchItem[];
    totals: { items: number; credits: number };
  };
  expect(batch.previous_batch_sha256).toBeNull();
  expect(batch.totals).toMatchObject({ items: ready, credits });

  // The same checks inside the desk, on the Audit page.
  await page.goto('./#/audit');
  await chooseFile(page, 'Export file', batchPath!);
  await chooseFile(page, 'Signature (.sig)', batchSigPath!);
  await chooseFile(page, 'allowed_signers', allowedPath);
  await page.getByRole('button', { name: 'Verify', exact: true }).click();
  await expect(page.getByTestId('verify-verdict')).toHaveText('Valid credit-back batch');
  for (const name of ['signature', 'signer', 'namespace', 'format', 'totals', 'chain']) {
    await expect(page.getByTestId(`check-${name}`)).toHaveAttribute('data-state', 'ok');
  }
  await expect(
    page.getByRole('table', { name: 'Contents of the verified file' }).locator('tbody tr'),
  ).toHaveCount(ready);
  await page.getByRole('button', { name: 'Record these items as exported' }).click();
  await expect(page.getByText(`Every item of batch ${batch.batch_id} was already known here.`)).toBeVisible();
  // A single flipped byte is caught, with the signature check's own message.
  const tampered = join(work, `creditback-batch-${batch.batch_id}-tampered.json`);
  const bytes = readFileSync(batchPath!);
  bytes[bytes.length - 3] = bytes[bytes.length - 3]! ^ 1;
  writeFileSync(tampered, bytes);
  await chooseFile(page, 'Export file', tampered);
  await page.getByRole('button', { name: 'Verify', exact: true }).click();
  await expect(page.getByTestId('check-signature')).toHaveAttribute('data-state', 'failed');
  await expect(page.getByTestId('check-signature')).toContainText('changed after signing');

  // Exported decisions now name their batch in the auditors' file.
  await page.goto('./#/exports');
  const after = await exportDecisionCsv(page, allowedPath);
  const exportedIds = new Set(batch.items.map((i) => i.request_id));
  for (const d of after)
    expect(d.batch_id, d.request_id).toBe(exportedIds.has(d.request_id ?? '') ? batch.batch_id : '');

  // On the Review page the batch's decisions are exported and locked: counted, shown, no undo.
  await page.goto('./#/review');
  await expect(page.getByTestId('count-state-exported').locator('.count-chip__value')).toHaveText(
    String(ready),
    { timeout: 60_000 },
  );
  const exportedId = batch.items[0]!.request_id;
  await page.getByRole('searchbox').fill(exportedId);
  await page.getByRole('searchbox').press('Enter');
  await expect(page.getByTestId('queue-list').locator('li')).toHaveCount(1);
  await page.keyboard.press('j');
  const pane = page.getByTestId('request-pane');
  await expect(pane.getByRole('heading', { level: 2 })).toHaveText(exportedId);
  await expect(pane.getByText('Exported decisions are locked.')).toBeVisible();
  await expect(pane.getByText(`exported in batch ${batch.batch_id}`)).toBeVisible();
  await expect(pane.getByRole('button', { name: /^Undo/ })).toHaveCount(0);
  await page.keyboard.press('u');
  await expect(page.getByTestId('review-message')).toContainText('locked: it can no longer be undone');

  // The billing system applied part of the batch, one item twice; its next ledger comes back.
  const appliedOnce = 5;
  const ledgerPath = join(work, 'ledger-after-billing.csv');
  writeFileSync(ledgerPath, ledgerApplying(batch.items, appliedOnce + 1));
  await page.goto('./#/import');
  const card = await importFile(page, ledgerPath, 'ledger-after-billing.csv');
  await expect(card.getByRole('status').filter({ hasText: 'Imported' })).toBeVisible({ timeout: 60_000 });

  await page.goto('./#/exports');
  const row = page.getByTestId(`batch-${batch.batch_id}`);
  await expect(row.getByTestId('applied-count')).toHaveText(String(appliedOnce));
  await expect(row.getByTestId('applied-twice-count')).toHaveText('1');
  await expect(row.getByTestId('missing-count')).toHaveText(String(ready - appliedOnce - 1));
  await row.getByRole('button', { name: 'Items' }).click();
  await expect(page.locator('[data-testid="batch-item"][data-status="applied_twice"]')).toHaveCount(1);
  await expect(page.locator('[data-testid="batch-item"][data-status="missing"]')).toHaveCount(
    ready - appliedOnce - 1,
  );

  // The overdue threshold is the reviewer's setting and survives a reload: after 0 days every
  // missing item is overdue, after the default 7 none of today's is.
  const missing = ready - appliedOnce - 1;
  const days = page.getByLabel('Highlight items missing after');
  await expect(days).toHaveValue('7');
  await expect(row.getByText(/overdue/)).toHaveCount(0);
  await days.fill('0');
  await expect(row.getByText(`${missing} overdue`)).toBeVisible();
  await page.reload();
  await expect(page.getByLabel('Highlight items missing after')).toHaveValue('0');
  await expect(row.getByText(`${missing} overdue`)).toBeVisible();
});
