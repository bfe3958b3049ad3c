import type { DesktopApi } from '../../shared/bridge/desktop-api';
import { webDesktopApi } from './web-desktop-api';

/** The host bridge: the preload's in the desktop app, the web implementation in a browser. */
export const desktop: DesktopApi = window.desktop ?? webDesktopApi;
