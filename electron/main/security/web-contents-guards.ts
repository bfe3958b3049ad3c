import type { WebContents } from 'electron';

/** The part of `WebContents` the guards touch, so tests can hand in a fake. */
export type GuardedContents = Pick<WebContents, 'on' | 'setWindowOpenHandler'>;

/**
 * The desk is one page: it never navigates, redirects, opens windows or embeds webviews. Applied to
 * every webContents the app creates, so nothing reached by a bug or injected content escapes.
 */
export function guardWebContents(contents: GuardedContents): void {
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-frame-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}
