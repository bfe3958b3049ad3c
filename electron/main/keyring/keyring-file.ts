import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { z } from 'zod';
import { UserFacingError } from '../user-facing-error';

export const KEYRING_FORMAT = 'review-desk/keyring@1';

const storedKeySchema = z.strictObject({
  identity: z.string().min(1),
  /** `ssh-ed25519 AAAA… identity` */
  publicKey: z.string().startsWith('ssh-ed25519 '),
  fingerprint: z.string().startsWith('SHA256:'),
  createdAt: z.string(),
  /** Null for the active key; a retired key is kept so older files stay verifiable. */
  retiredAt: z.string().nullable(),
  storage: z.enum(['safe-storage', 'plaintext']),
  /** The OpenSSH private key text, sealed as `storage` says. */
  secret: z.string().min(1),
});

const keyringSchema = z.strictObject({
  format: z.literal(KEYRING_FORMAT),
  keys: z.array(storedKeySchema),
});

export type StoredKey = z.infer<typeof storedKeySchema>;
export type KeyringData = z.infer<typeof keyringSchema>;

export class KeyringFileError extends UserFacingError {}

export function emptyKeyring(): KeyringData {
  return { format: KEYRING_FORMAT, keys: [] };
}

/** A missing file is an empty keyring; a damaged one is an error, never silently replaced. */
export async function readKeyringFile(path: string): Promise<KeyringData> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return emptyKeyring();
    throw error;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new KeyringFileError(`the keyring file is damaged (not JSON): ${path}`);
  }
  const parsed = keyringSchema.safeParse(json);
  if (!parsed.success)
    throw new KeyringFileError(`the keyring file is damaged (unexpected content): ${path}`);
  if (parsed.data.keys.filter((key) => key.retiredAt === null).length > 1) {
    throw new KeyringFileError(`the keyring file is damaged (more than one active key): ${path}`);
  }
  return parsed.data;
}

/** Written beside and renamed over, so a crash never leaves half a keyring; readable by the user only. */
export async function writeKeyringFile(path: string, data: KeyringData): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.tmp`;
  await writeFile(temporary, `${JSON.stringify(data, null, 2)}\n`, { mode: 0o600 });
  await rename(temporary, path);
}
