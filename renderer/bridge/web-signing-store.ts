import { db } from '../data/db';
import type { SigningKeyStore } from './web-signing';

/** The keyring in IndexedDB: activating a key and retiring the others is one transaction. */
export const dexieSigningKeyStore: SigningKeyStore = {
  list: () => db.signingKeys.toArray(),
  activate: (key, at) =>
    db.transaction('rw', db.signingKeys, async () => {
      const active = await db.signingKeys.filter((k) => k.retiredAt === null).toArray();
      for (const row of active) {
        if (row.fingerprint !== key.fingerprint)
          await db.signingKeys.update(row.fingerprint, { retiredAt: at });
      }
      await db.signingKeys.put(key);
    }),
};
