import type { DesktopApi } from '../../shared/bridge/desktop-api';
import { openFilesWithInput, saveWithDownload } from './web-files';
import { createWebSigning } from './web-signing';
import { dexieSigningKeyStore } from './web-signing-store';

/** The browser shell's host: a file input, downloads and WebCrypto instead of the main process. */
export const webDesktopApi = {
  async appInfo() {
    return { shell: 'web', version: __APP_VERSION__, platform: navigator.platform };
  },
  openFiles: openFilesWithInput,
  saveFile: saveWithDownload,
  signing: createWebSigning(dexieSigningKeyStore, undefined, async () => {
    const [file] = await openFilesWithInput({
      title: 'Open an OpenSSH private key',
      filters: [],
      multiple: false,
    });
    return file ?? null;
  }),
} satisfies DesktopApi;
