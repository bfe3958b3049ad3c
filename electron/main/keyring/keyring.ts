import type { KeyStatus, PublicKeyInfo } from '../../../shared/bridge/desktop-api';
import type { SigningNamespace } from '../../../shared/bridge/ipc-channels';
import {
  ed25519Fingerprint,
  generateEd25519KeyPair,
  openSshPublicKeyLine,
  parseOpenSshPrivateKey,
  PrivateKeyError,
  serializeOpenSshPrivateKey,
  signSshSig,
  webCryptoSigner,
  type Ed25519Signer,
} from '../../../shared/signing';
import { UserFacingError } from '../user-facing-error';
import { readKeyringFile, writeKeyringFile, type KeyringData, type StoredKey } from './keyring-file';
import type { SecretBox } from './secret-box';

export interface KeyringOptions {
  /** The keyring JSON file in the user-data folder. */
  path: string;
  box: SecretBox;
  now?: () => Date;
}

/**
 * The reviewer's signing keys, held by the main process only: the renderer gets public keys and
 * signatures, never a private key. New keys become active; the previous one is retired but kept
 * listed so files it signed can still be verified.
 */
export class Keyring {
  private queue: Promise<unknown> = Promise.resolve();
  private cachedSigner: { fingerprint: string; signer: Ed25519Signer } | null = null;

  constructor(private readonly options: KeyringOptions) {}

  status(): Promise<KeyStatus> {
    return this.exclusive(async () => statusOf(await this.load()));
  }

  generate(identity: string): Promise<KeyStatus> {
    return this.exclusive(async () => {
      const pair = await generateEd25519KeyPair({ extractable: true, comment: identity });
      return this.activate(await serializeOpenSshPrivateKey(pair), pair.publicKey, identity);
    });
  }

  importOpenSsh(privateKeyText: string, identity: string): Promise<KeyStatus> {
    return this.exclusive(async () => {
      let publicKey: Uint8Array;
      try {
        ({ publicKey } = await parseOpenSshPrivateKey(privateKeyText));
      } catch (error) {
        if (error instanceof PrivateKeyError) throw new UserFacingError(error.message);
        throw error;
      }
      return this.activate(`${privateKeyText.replace(/\r\n?/g, '\n').trim()}\n`, publicKey, identity);
    });
  }

  /** An armored SSHSIG of `data` by the active key. */
  sign(namespace: SigningNamespace, data: Uint8Array): Promise<string> {
    return this.exclusive(async () => signSshSig(data, namespace, await this.activeSigner()));
  }

  private async activeSigner(): Promise<Ed25519Signer> {
    const active = (await this.load()).keys.find((key) => key.retiredAt === null);
    if (active === undefined) {
      throw new UserFacingError('there is no signing key yet: generate or import one in Settings');
    }
    if (this.cachedSigner?.fingerprint === active.fingerprint) return this.cachedSigner.signer;
    const pair = await parseOpenSshPrivateKey(this.options.box.open(active.secret, active.storage));
    // The public half is listed in clear; a key that no longer matches it must not sign.
    if ((await ed25519Fingerprint(pair.publicKey)) !== active.fingerprint) {
      throw new UserFacingError('the stored signing key does not match its listed public key');
    }
    const signer = webCryptoSigner(pair.privateKey, pair.publicKey);
    this.cachedSigner = { fingerprint: active.fingerprint, signer };
    return signer;
  }

  private async activate(
    privateKeyText: string,
    publicKey: Uint8Array,
    identity: string,
  ): Promise<KeyStatus> {
    const data = await this.load();
    const fingerprint = await ed25519Fingerprint(publicKey);
    const now = (this.options.now?.() ?? new Date()).toISOString();
    const { storage, sealed } = this.options.box.seal(privateKeyText);
    const kept = data.keys
      .filter((key) => key.fingerprint !== fingerprint)
      .map((key) => (key.retiredAt === null ? { ...key, retiredAt: now } : key));
    const added: StoredKey = {
      identity,
      publicKey: openSshPublicKeyLine(publicKey, identity),
      fingerprint,
      createdAt: now,
      retiredAt: null,
      storage,
      secret: sealed,
    };
    const next: KeyringData = { ...data, keys: [added, ...kept] };
    await writeKeyringFile(this.options.path, next);
    this.cachedSigner = null;
    return statusOf(next);
  }

  /** Reads the keyring, sealing with the keychain any key kept in plain text while it was unavailable. */
  private async load(): Promise<KeyringData> {
    const data = await readKeyringFile(this.options.path);
    const { box } = this.options;
    if (box.storage() !== 'safe-storage' || data.keys.every((key) => key.storage === 'safe-storage'))
      return data;
    const upgraded: KeyringData = {
      ...data,
      keys: data.keys.map((key) =>
        key.storage === 'plaintext' ? { ...key, ...resealed(box, box.open(key.secret, 'plaintext')) } : key,
      ),
    };
    await writeKeyringFile(this.options.path, upgraded);
    return upgraded;
  }

  /** One operation at a time, so two quick clicks never interleave their read-modify-write of the file. */
  private exclusive<T>(operation: () => Promise<T>): Promise<T> {
    const result = this.queue.then(operation, operation);
    this.queue = result.catch(() => undefined);
    return result;
  }
}

function resealed(box: SecretBox, secret: string): Pick<StoredKey, 'storage' | 'secret'> {
  const { storage, sealed } = box.seal(secret);
  return { storage, secret: sealed };
}

function statusOf(data: KeyringData): KeyStatus {
  const active = data.keys.find((key) => key.retiredAt === null);
  const ordered = active ? [active, ...data.keys.filter((key) => key !== active)] : data.keys;
  return {
    storage: active?.storage ?? 'none',
    keys: ordered.map(publicInfo),
  };
}

function publicInfo(key: StoredKey): PublicKeyInfo {
  return {
    openssh: key.publicKey,
    fingerprint: key.fingerprint,
    identity: key.identity,
    createdAt: key.createdAt,
    active: key.retiredAt === null,
  };
}
