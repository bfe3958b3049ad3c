import { constants } from 'node:fs';
import { open } from 'node:fs/promises';
import { basename } from 'node:path';
import { MAX_PRIVATE_KEY_TEXT } from '../../../shared/bridge/ipc-limits';
import type { IpcHandler } from '../ipc/handle';
import { UserFacingError } from '../user-facing-error';
import type { HandlerDeps } from './deps';

/**
 * Imports a private key from a file the reviewer picks in the native dialog. The path comes from
 * the dialog only, the text is read and checked here, and only the public key status goes back:
 * the private key never reaches the renderer.
 */
export const signingImportFile: IpcHandler<'signing:import-file', HandlerDeps> = async (
  sender,
  request,
  deps,
) => {
  const [path] = await deps.dialogs.showOpen(sender, {
    title: 'Open an OpenSSH private key',
    filters: [],
    multiple: false,
  });
  if (path === undefined) return null;
  return deps.keyring.importOpenSsh(await readKeyFile(path), request.identity);
};

// O_NONBLOCK: a named pipe picked in the dialog must not hang the main process on open.
const READ_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

/** The text of a file that can be a private key: a regular file, small, UTF-8. */
export async function readKeyFile(path: string): Promise<string> {
  const name = basename(path);
  const handle = await open(path, READ_FLAGS).catch(() => {
    throw new UserFacingError(`${name} could not be opened`);
  });
  try {
    const info = await handle.stat();
    if (!info.isFile()) throw new UserFacingError(`${name} is not a file`);
    const tooLarge = new UserFacingError(`${name} is too large to be an Ed25519 private key`);
    if (info.size > MAX_PRIVATE_KEY_TEXT) throw tooLarge;
    // One byte more than allowed is read, so a file that grew after stat is still refused.
    const buffer = new Uint8Array(MAX_PRIVATE_KEY_TEXT + 1);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    if (bytesRead > MAX_PRIVATE_KEY_TEXT) throw tooLarge;
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(buffer.subarray(0, bytesRead));
    } catch {
      throw new UserFacingError(`${name} is not a text file, so not an OpenSSH private key`);
    }
  } finally {
    await handle.close();
  }
}
