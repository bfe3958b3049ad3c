import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { FakeBrowserWindow } from './electron-mock';

vi.mock('electron', async () => {
  const { FakeBrowserWindow } = await import('./electron-mock');
  return { BrowserWindow: FakeBrowserWindow };
});

const { openMainWindow } = await import('../../../electron/main/main-window');
const workAreas = [{ x: 0, y: 0, width: 1920, height: 1080 }];

function options(statePath: string, calls: string[] = []) {
  return {
    preloadPath: '/desk/out/preload/index.js',
    statePath,
    workAreas,
    devTools: false,
    onCreated: vi.fn((window: unknown) =>
      calls.push(`created ${(window as FakeBrowserWindow).webContents.id}`),
    ),
    onContentsGone: vi.fn(),
  };
}

describe('main window', () => {
  it('is sandboxed and isolated, known to the IPC check before it loads, and loads only the app origin', async () => {
    const statePath = join(mkdtempSync(join(tmpdir(), 'review-desk-window-')), 'window-state.json');
    const calls: string[] = [];
    const window = (await openMainWindow(options(statePath, calls))) as unknown as FakeBrowserWindow;
    expect(window.options.webPreferences).toMatchObject({
      preload: '/desk/out/preload/index.js',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      devTools: false,
    });
    expect(window.loadURL).toHaveBeenCalledExactlyOnceWith('app://review-desk/index.html');
    expect([...calls, ...window.calls]).toEqual([
      `created ${window.webContents.id}`,
      'loadURL app://review-desk/index.html',
    ]);
  });

  it('remembers its size, place and maximized state across runs', async () => {
    const statePath = join(mkdtempSync(join(tmpdir(), 'review-desk-window-')), 'window-state.json');
    const first = (await openMainWindow(options(statePath))) as unknown as FakeBrowserWindow;
    first.maximize();
    first.emit('close');
    await vi.waitFor(() =>
      expect(JSON.parse(readFileSync(statePath, 'utf8'))).toMatchObject({ maximized: true }),
    );
    const second = (await openMainWindow(options(statePath))) as unknown as FakeBrowserWindow;
    expect(second.options).toMatchObject({ x: 40, y: 30, width: 1400, height: 900 });
    expect(second.maximize).toHaveBeenCalled();
  });

  it('comes back on screen when the saved place is on a monitor that is gone', async () => {
    const statePath = join(mkdtempSync(join(tmpdir(), 'review-desk-window-')), 'window-state.json');
    writeFileSync(
      statePath,
      JSON.stringify({ bounds: { x: 5000, y: 3000, width: 1200, height: 800 }, maximized: false }),
    );
    const window = (await openMainWindow(options(statePath))) as unknown as FakeBrowserWindow;
    expect(window.options).toMatchObject({ width: 1200, height: 800 });
    expect(window.options).not.toHaveProperty('x');
  });

  it('drops what it was given when its webContents is destroyed', async () => {
    const statePath = join(mkdtempSync(join(tmpdir(), 'review-desk-window-')), 'window-state.json');
    const opts = options(statePath);
    const window = (await openMainWindow(opts)) as unknown as FakeBrowserWindow;
    window.webContents.emit('destroyed');
    expect(opts.onContentsGone).toHaveBeenCalledWith(window.webContents.id);
  });
});
