import type { BaseWindow, Dialog, OpenDialogOptions, SaveDialogOptions } from 'electron';
import { join } from 'node:path';
import type { Dialogs } from './handlers/deps';

export interface DialogHost {
  dialog: Pick<Dialog, 'showOpenDialog' | 'showSaveDialog'>;
  /** The window whose webContents has this id, so the dialog is modal to it. */
  windowOf(webContentsId: number): BaseWindow | null;
  documentsFolder(): string;
}

/** Native dialogs modal to the calling window; the save dialog starts in the user's documents. */
export function electronDialogs(host: DialogHost): Dialogs {
  return {
    async showOpen(sender, options) {
      const dialogOptions: OpenDialogOptions = {
        title: options.title,
        filters: options.filters,
        properties: options.multiple ? ['openFile', 'multiSelections'] : ['openFile'],
      };
      const parent = host.windowOf(sender.webContentsId);
      const result = await (parent
        ? host.dialog.showOpenDialog(parent, dialogOptions)
        : host.dialog.showOpenDialog(dialogOptions));
      return result.canceled ? [] : result.filePaths;
    },
    async showSave(sender, options) {
      const dialogOptions: SaveDialogOptions = {
        title: options.title,
        defaultPath: join(host.documentsFolder(), options.suggestedName),
        filters: options.filters,
        properties: ['createDirectory', 'showOverwriteConfirmation'],
      };
      const parent = host.windowOf(sender.webContentsId);
      const result = await (parent
        ? host.dialog.showSaveDialog(parent, dialogOptions)
        : host.dialog.showSaveDialog(dialogOptions));
      return result.canceled || !result.filePath ? null : result.filePath;
    },
  };
}
