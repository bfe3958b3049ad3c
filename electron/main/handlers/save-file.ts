import { writeFile } from 'node:fs/promises';
import type { IpcHandler } from '../ipc/handle';
import type { HandlerDeps } from './deps';

/** The renderer suggests a bare name; the user chooses the place in the native save dialog. */
export const saveFile: IpcHandler<'files:save', HandlerDeps> = async (sender, request, deps) => {
  const path = await deps.dialogs.showSave(sender, {
    title: request.title,
    suggestedName: request.suggestedName,
    filters: request.filters,
  });
  if (path === null) return { saved: false, location: null };
  await writeFile(path, request.contents);
  return { saved: true, location: path };
};
