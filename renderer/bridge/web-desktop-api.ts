import type { DesktopApi, KeyStatus } from '../../shared/bridge/desktop-api';
import { openFilesWithInput, saveWithDownload } from './web-files';

const noKeys: KeyStatus = { storage: 'none', keys: [] };

function signingUnavailable(): Promise<never> {
  return Promise.reject(new Error('Signing keys are not set up in this build yet.'));
}

/** The browser shell's host: a file input, downloads and WebCrypto instead of the main process. */
export const webDesktopApi = {
  async appInfo() {
    return { shell: 'web', version: __APP_VERSION__, platform: navigator.platform };
  },
  openFiles: openFilesWithInput,
  saveFile: saveWithDownload,
  signing: {
    status: async () => noKeys,
    generate: signingUnavailable,
    importOpenSsh: signingUnavailable,
    sign: signingUnavailable,
  },
} satisfies DesktopApi;
