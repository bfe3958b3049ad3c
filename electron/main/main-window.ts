import { BrowserWindow } from 'electron';
import { APP_START_URL } from './app-origin';
import { mainWindowOptions } from './security/window-options';
import { loadWindowState, saveWindowState } from './window-state';

export interface MainWindowOptions {
  preloadPath: string;
  /** Where the window's size and place are remembered between runs. */
  statePath: string;
  workAreas: { x: number; y: number; width: number; height: number }[];
  /** Dev tools only for an unpackaged run (development, end-to-end tests). */
  devTools: boolean;
  /** Called before the page loads, so the page's first IPC calls already come from a known window. */
  onCreated(window: BrowserWindow): void;
  /** Called once the window's webContents is gone, with its id, to drop what it was given. */
  onContentsGone(webContentsId: number): void;
}

/** The desk's window, always showing the desk's own origin (`app://review-desk/`). */
export async function openMainWindow(options: MainWindowOptions): Promise<BrowserWindow> {
  const state = await loadWindowState(options.statePath, options.workAreas);
  const window = new BrowserWindow(mainWindowOptions(options.preloadPath, state.bounds, options.devTools));
  if (state.maximized) window.maximize();
  const contentsId = window.webContents.id;
  window.once('ready-to-show', () => window.show());
  window.on('close', () => {
    void saveWindowState(options.statePath, {
      bounds: window.getNormalBounds(),
      maximized: window.isMaximized(),
    });
  });
  window.webContents.once('destroyed', () => options.onContentsGone(contentsId));
  options.onCreated(window);
  await window.loadURL(APP_START_URL);
  return window;
}
