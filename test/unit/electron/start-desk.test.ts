import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { IPC_CHANNELS } from '@shared/bridge/ipc-channels';
import { createElectronMock, FakeBrowserWindow, FakeWebContents } from './electron-mock';

const electron = vi.hoisted(() => ({ current: null as ReturnType<typeof createElectronMock> | null }));

vi.mock('electron', async () => {
  const { createElectronMock } = await import('./electron-mock');
  const { mkdtempSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  electron.current = createElectronMock(mkdtempSync(join(tmpdir(), 'review-desk-userdata-')));
  return electron.current.module;
});

const { startDesk } = await import('../../../electron/main/start-desk');
const mock = electron.current!;
const { app, protocol, ipcMain, session } = mock.module;
const rendererDir = mkdtempSync(join(tmpdir(), 'review-desk-renderer-'));

const event = (contents: FakeWebContents, frame: unknown = contents.mainFrame) => ({
  sender: contents,
  senderFrame: frame,
});

// The tests run in order and share one started desk, as the app shares one process; Vitest
// clears mock call records between tests, so each test checks what happened during it.
describe('startDesk', () => {
  it('before ready: registers app:// as a secure standard scheme, enables the sandbox, takes the single-instance lock', () => {
    startDesk({ preload: '/desk/out/preload/index.js', renderer: rendererDir });
    expect(protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      expect.objectContaining({
        scheme: 'app',
        privileges: expect.objectContaining({ standard: true, secure: true }),
      }),
    ]);
    expect(app.enableSandbox).toHaveBeenCalled();
    expect(app.requestSingleInstanceLock).toHaveBeenCalled();
    expect(protocol.handle).not.toHaveBeenCalled();
    expect(FakeBrowserWindow.created).toHaveLength(0);
  });

  it('once ready: locks the session down, serves the renderer folder, registers every channel, opens the window', async () => {
    mock.markReady();
    await vi.waitFor(() => expect(FakeBrowserWindow.created).toHaveLength(1));
    const policy = session.defaultSession;
    expect(policy.setPermissionRequestHandler).toHaveBeenCalled();
    expect(policy.setPermissionCheckHandler).toHaveBeenCalled();
    expect(policy.webRequest.onBeforeRequest).toHaveBeenCalled();
    expect(policy.webRequest.onHeadersReceived).toHaveBeenCalled();
    expect(protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
    expect([...mock.ipcHandlers.keys()].sort()).toEqual([...IPC_CHANNELS].sort());
    expect(ipcMain.handle).toHaveBeenCalledTimes(IPC_CHANNELS.length);
    const [window] = FakeBrowserWindow.created;
    expect(window!.options.webPreferences).toMatchObject({ sandbox: true, contextIsolation: true });
    expect(window!.loadURL).toHaveBeenCalledWith('app://review-desk/index.html');
  });

  it("answers the window's main frame, and refuses its subframes and any other webContents", async () => {
    const [window] = FakeBrowserWindow.created;
    const info = mock.ipcHandlers.get('app:info')!;
    await expect(info(event(window!.webContents), null)).resolves.toEqual({
      shell: 'desktop',
      version: '0.1.0',
      platform: process.platform,
    });
    const subframe = {
      ...window!.webContents.mainFrame,
      parent: window!.webContents.mainFrame,
      routingId: 9,
    };
    await expect(info(event(window!.webContents, subframe), null)).rejects.toThrow(/main frame/);
    const stranger = new FakeWebContents();
    stranger.mainFrame.url = 'app://review-desk/index.html';
    await expect(info(event(stranger), null)).rejects.toThrow(/main frame/);
  });

  it('guards every webContents the app creates', () => {
    const contents = new FakeWebContents();
    app.emit('web-contents-created', {}, contents);
    expect(contents.setWindowOpenHandler).toHaveBeenCalled();
    const handler = contents.setWindowOpenHandler.mock.calls[0]![0] as () => unknown;
    expect(handler()).toEqual({ action: 'deny' });
    expect(contents.listeners.has('will-navigate')).toBe(true);
  });

  it('focuses the existing window when a second instance starts', () => {
    const [window] = FakeBrowserWindow.created;
    app.emit('second-instance');
    expect(window!.focus).toHaveBeenCalled();
    expect(FakeBrowserWindow.created).toHaveLength(1);
  });
});
