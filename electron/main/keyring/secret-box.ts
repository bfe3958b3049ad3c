import type { SafeStorage } from 'electron';
import { UserFacingError } from '../user-facing-error';

/** How one private key is sealed at rest. */
export type SealedStorage = 'safe-storage' | 'plaintext';

/** Seals private key text for the keyring file, with the OS keychain when there is one. */
export interface SecretBox {
  /** What sealing a secret now would give. */
  storage(): SealedStorage;
  seal(secret: string): { storage: SealedStorage; sealed: string };
  open(sealed: string, storage: SealedStorage): string;
}

export class SecretUnavailableError extends UserFacingError {}

/**
 * `safeStorage` backed. On Linux without a keyring daemon Chromium "encrypts" with a fixed,
 * public password (`basic_text`): that is plain text in disguise, so it is reported as such and
 * the reviewer is warned instead of being told the key is protected.
 */
export function safeStorageBox(
  safeStorage: Pick<SafeStorage, 'isEncryptionAvailable' | 'encryptString' | 'decryptString'> &
    Partial<Pick<SafeStorage, 'getSelectedStorageBackend'>>,
  platform: string,
): SecretBox {
  const storage = (): SealedStorage => {
    if (!safeStorage.isEncryptionAvailable()) return 'plaintext';
    if (platform === 'linux' && safeStorage.getSelectedStorageBackend?.() === 'basic_text')
      return 'plaintext';
    return 'safe-storage';
  };
  return {
    storage,
    seal(secret) {
      if (storage() === 'plaintext') return { storage: 'plaintext', sealed: secret };
      return { storage: 'safe-storage', sealed: safeStorage.encryptString(secret).toString('base64') };
    },
    open(sealed, sealedStorage) {
      if (sealedStorage === 'plaintext') return sealed;
      if (!safeStorage.isEncryptionAvailable()) {
        throw new SecretUnavailableError(
          'the signing key is encrypted with the system keychain, which is not available right now',
        );
      }
      return safeStorage.decryptString(Buffer.from(sealed, 'base64'));
    },
  };
}
