import { open } from 'node:fs/promises';
import type { IpcHandler } from '../ipc/handle';
import { UserFacingError } from '../user-facing-error';
import type { HandlerDeps } from './deps';

/**
 * One slice of a picked file (length already capped by the channel schema). Past the end it
 * returns fewer bytes, down to none, like `Blob.slice`.
 */
export const readFileSlice: IpcHandler<'files:read', HandlerDeps> = async (sender, request, deps) => {
  const path = deps.pickedFiles.resolve(sender.webContentsId, request.token);
  if (path === null) throw new UserFacingError('files:read: this file was not picked in this window');
  const file = await open(path, 'r');
  try {
    const size = (await file.stat()).size;
    const length = Math.max(0, Math.min(request.length, size - request.offset));
    const buffer = new Uint8Array(length);
    let filled = 0;
    while (filled < length) {
      const { bytesRead } = await file.read(buffer, filled, length - filled, request.offset + filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    return filled === length ? buffer : buffer.slice(0, filled);
  } finally {
    await file.close();
  }
};
