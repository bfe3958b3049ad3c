import { test } from '@playwright/test';
import { electronBinaryStatus, launchDesktopApp } from './electron-shell';
import { smokeEveryPage } from './smoke';

test('desktop app: every page renders, offline, accessible, without console errors', async () => {
  const status = electronBinaryStatus();
  if (!status.available) {
    console.log(`[electron] smoke test skipped: ${status.reason}`);
    test.skip(true, status.reason);
    return;
  }
  const app = await launchDesktopApp();
  try {
    const window = await app.firstWindow();
    await smokeEveryPage(window, 'electron');
  } finally {
    await app.close();
  }
});
