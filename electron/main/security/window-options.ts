import type { BrowserWindowConstructorOptions, WebPreferences } from 'electron';

/**
 * The renderer is treated as untrusted: no Node, an isolated world for the preload, Chromium's
 * sandbox, and none of the features that would let page content load or run anything foreign.
 */
export function secureWebPreferences(preloadPath: string, devTools = false): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    spellcheck: false,
    // Off in the packaged app: the dev tools can run any code in the page.
    devTools,
  };
}

export interface WindowBounds {
  x?: number;
  y?: number;
  width: number;
  height: number;
}

export function mainWindowOptions(
  preloadPath: string,
  bounds: WindowBounds,
  devTools = false,
): BrowserWindowConstructorOptions {
  return {
    ...bounds,
    minWidth: 960,
    minHeight: 600,
    title: 'Review Desk',
    show: false,
    autoHideMenuBar: true,
    backgroundColor: '#1e1f22',
    webPreferences: secureWebPreferences(preloadPath, devTools),
  };
}
