import type { DesktopApi } from '../shared/bridge/desktop-api';

declare global {
  /** Set at build time: which shell this renderer bundle was built for. */
  const __DESKTOP_SHELL__: 'desktop' | 'web';
  const __APP_VERSION__: string;
  interface Window {
    /** Present only in the desktop app, exposed by the preload. */
    desktop?: DesktopApi;
  }
}

export {};
