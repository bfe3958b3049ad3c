import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { PickedFileHandle } from '../../../shared/bridge/ipc-channels';
import type { IpcHandler } from '../ipc/handle';
import type { HandlerDeps } from './deps';

/** Shows the native open dialog and hands back a token per picked regular file; the paths stay here. */
export const openFiles: IpcHandler<'files:open', HandlerDeps> = async (sender, options, deps) => {
  const paths = await deps.dialogs.showOpen(sender, options);
  const picked = options.multiple ? paths : paths.slice(0, 1);
  const handles: PickedFileHandle[] = [];
  for (const path of picked) {
    const info = await stat(path);
    if (!info.isFile()) continue;
    handles.push({
      token: deps.pickedFiles.add(sender.webContentsId, path),
      name: basename(path),
      size: info.size,
      lastModified: Math.trunc(info.mtimeMs),
    });
  }
  return handles;
};
