import type { KeyStatus, PickedFile, PublicKeyInfo, SigningApi } from '../../shared/bridge/desktop-api';
import { MAX_PRIVATE_KEY_TEXT } from '../../shared/bridge/ipc-limits';
import {
  ed25519Fingerprint,
  generateEd25519KeyPair,
  openSshPublicKeyLine,
  parseOpenSshPrivateKey,
  signSshSig,
  webCryptoSigner,
} from '../../shared/signing';
import { identityProblem } from '../data/reviewer';

/**
 * The browser shell's keyring: Ed25519 keys created or imported non-extractable, so the
 * private half can sign but can never be read back, not even by the desk's own code.
 * CryptoKey objects are structured-cloneable, which is how they persist in IndexedDB.
 */
export interface StoredSigningKey {
  /** `SHA256:…` of the public key: one row per key, whatever identity it was used under. */
  fingerprint: string;
  identity: string;
  /** The raw 32-byte public key. */
  publicKey: Uint8Array;
  privateKey: CryptoKey;
  createdAt: string;
  /** Null for the active key; retired keys stay listed to verify older files. */
  retiredAt: string | null;
}

export interface SigningKeyStore {
  list(): Promise<StoredSigningKey[]>;
  /** Makes `key` the one active key and retires the others, in one step. */
  activate(key: StoredSigningKey, at: string): Promise<void>;
}

export class SigningKeyError extends Error {}

/** The page's file dialog for a key file: the first file picked, or null when cancelled. */
export type OpenKeyFile = () => Promise<PickedFile | null>;

const noKeyFileDialog: OpenKeyFile = () =>
  Promise.reject(new SigningKeyError('This desk cannot open files: paste the key instead.'));

export function createWebSigning(
  store: SigningKeyStore,
  now: () => Date = () => new Date(),
  openKeyFile: OpenKeyFile = noKeyFileDialog,
): SigningApi {
  async function status(): Promise<KeyStatus> {
    return keyStatus(await store.list());
  }

  async function activate(
    privateKey: CryptoKey,
    publicKey: Uint8Array,
    identity: string,
  ): Promise<KeyStatus> {
    const fingerprint = await ed25519Fingerprint(publicKey);
    const at = now().toISOString();
    const known = (await store.list()).find((k) => k.fingerprint === fingerprint);
    // Re-importing a known key brings it back rather than listing it twice.
    await store.activate(
      known
        ? { ...known, identity, retiredAt: null }
        : { fingerprint, identity, publicKey, privateKey, createdAt: at, retiredAt: null },
      at,
    );
    return status();
  }

  async function importOpenSsh(privateKeyText: string, identity: string): Promise<KeyStatus> {
    const trimmed = checkedIdentity(identity);
    const pair = await parseOpenSshPrivateKey(privateKeyText, { extractable: false });
    return activate(pair.privateKey, pair.publicKey, trimmed);
  }

  return {
    status,
    async generate(identity) {
      const trimmed = checkedIdentity(identity);
      const pair = await generateEd25519KeyPair({ extractable: false, comment: trimmed });
      return activate(pair.privateKey, pair.publicKey, trimmed);
    },
    importOpenSsh,
    // No main process here: the file is read in the page, and the key still ends non-extractable.
    async importOpenSshFile(identity) {
      const trimmed = checkedIdentity(identity);
      const file = await openKeyFile();
      return file ? importOpenSsh(await keyFileText(file), trimmed) : null;
    },
    async sign(namespace, data) {
      const active = activeKey(await store.list());
      if (!active) throw new SigningKeyError('No signing key: generate or import one in Settings → Keys.');
      return signSshSig(data, namespace, webCryptoSigner(active.privateKey, active.publicKey));
    },
  };
}

/** The text of a picked file that can be a private key: small and UTF-8. */
export async function keyFileText(file: PickedFile): Promise<string> {
  if (file.size > MAX_PRIVATE_KEY_TEXT) {
    throw new SigningKeyError(`${file.name} is too large to be an Ed25519 private key.`);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(await file.read(0, file.size));
  } catch {
    throw new SigningKeyError(`${file.name} is not a text file, so not an OpenSSH private key.`);
  }
}

function checkedIdentity(identity: string): string {
  const problem = identityProblem(identity);
  if (problem) throw new SigningKeyError(problem);
  return identity.trim();
}

function activeKey(keys: StoredSigningKey[]): StoredSigningKey | undefined {
  return keys.find((k) => k.retiredAt === null);
}

/** The active key first, then retired keys, newest first. */
export function keyStatus(keys: StoredSigningKey[]): KeyStatus {
  if (keys.length === 0) return { storage: 'none', keys: [] };
  const ordered = [...keys].sort((a, b) => {
    if ((a.retiredAt === null) !== (b.retiredAt === null)) return a.retiredAt === null ? -1 : 1;
    return (b.retiredAt ?? b.createdAt).localeCompare(a.retiredAt ?? a.createdAt);
  });
  return { storage: 'webcrypto', keys: ordered.map(publicInfo) };
}

function publicInfo(key: StoredSigningKey): PublicKeyInfo {
  return {
    openssh: openSshPublicKeyLine(key.publicKey, key.identity),
    fingerprint: key.fingerprint,
    identity: key.identity,
    createdAt: key.createdAt,
    active: key.retiredAt === null,
  };
}

/** An in-memory store: what the unit tests use, and a model of the IndexedDB one. */
export function memorySigningKeyStore(): SigningKeyStore {
  const rows = new Map<string, StoredSigningKey>();
  return {
    async list() {
      return [...rows.values()];
    },
    async activate(key, at) {
      for (const [fingerprint, row] of rows) {
        if (row.retiredAt === null && fingerprint !== key.fingerprint) {
          rows.set(fingerprint, { ...row, retiredAt: at });
        }
      }
      rows.set(key.fingerprint, key);
    },
  };
}
