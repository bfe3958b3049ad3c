import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  protocol,
  safeStorage,
  screen,
  session,
  webContents,
} from 'electron';
import { join } from 'node:path';
import { APP_SCHEME } from './app-origin';
import { createAppProtocolHandler } from './app-protocol';
import { electronDialogs } from './electron-dialogs';
import { registerIpcHandlers } from './handlers';
import { Keyring } from './keyring/keyring';
import { safeStorageBox } from './keyring/secret-box';
import { openMainWindow } from './main-window';
import { PickedFileRegistry } from './picked-files';
import { applySessionPolicy } from './security/session-policy';
import { guardWebContents } from './security/web-contents-guards';

export interface DeskPaths {
  /** The built preload, one CommonJS file. */
  preload: string;
  /** The built renderer folder, the only files the app scheme serves. */
  renderer: string;
}

/** Must run before `ready`: makes `app://` a secure, standard origin with fetch, storage and workers. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
    },
  ]);
}

export function startDesk(paths: DeskPaths): void {
  registerAppScheme();
  app.enableSandbox();
  // Chromium's own switch, honoured for the keyring and window state too: isolated test runs, portable use.
  const userDataDir = app.commandLine.getSwitchValue('user-data-dir');
  if (userDataDir) app.setPath('userData', userDataDir);
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  const windows = new Set<BrowserWindow>();
  const pickedFiles = new PickedFileRegistry();

  const showWindow = async (): Promise<void> => {
    await openMainWindow({
      preloadPath: paths.preload,
      statePath: join(app.getPath('userData'), 'window-state.json'),
      workAreas: screen.getAllDisplays().map((display) => display.workArea),
      devTools: !app.isPackaged,
      onCreated: (window) => {
        windows.add(window);
        window.on('closed', () => windows.delete(window));
      },
      onContentsGone: (id) => pickedFiles.forgetOwner(id),
    });
  };

  app.on('second-instance', () => {
    const [window] = windows;
    if (!window) return;
    if (window.isMinimized()) window.restore();
    window.focus();
  });
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents));
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  app
    .whenReady()
    .then(async () => {
      applySessionPolicy(session.defaultSession);
      protocol.handle(APP_SCHEME, createAppProtocolHandler(paths.renderer));
      registerIpcHandlers({
        ipcMain,
        isAppWindowContents: (contents) => [...windows].some((window) => window.webContents === contents),
        deps: {
          app: { version: app.getVersion(), platform: process.platform },
          dialogs: electronDialogs({
            dialog,
            windowOf: (id) => {
              const contents = webContents.fromId(id);
              return contents ? BrowserWindow.fromWebContents(contents) : null;
            },
            documentsFolder: () => app.getPath('documents'),
          }),
          pickedFiles,
          keyring: new Keyring({
            path: join(app.getPath('userData'), 'keyring.json'),
            box: safeStorageBox(safeStorage, process.platform),
          }),
        },
      });
      await showWindow();
      app.on('activate', () => {
        if (windows.size === 0) void showWindow();
      });
    })
    .catch((error: unknown) => {
      console.error('Review Desk could not start:', error);
      app.exit(1);
    });
}
