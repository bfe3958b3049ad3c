import type { FileFilter } from '../../../shared/bridge/desktop-api';
import type { SenderFrameInfo } from '../ipc/sender';
import type { Keyring } from '../keyring/keyring';
import type { PickedFileRegistry } from '../picked-files';

/** Native dialogs, attached to the caller's window; the only way a path enters the main process. */
export interface Dialogs {
  /** The paths the user picked; empty when cancelled. */
  showOpen(
    sender: SenderFrameInfo,
    options: { title: string; filters: FileFilter[]; multiple: boolean },
  ): Promise<string[]>;
  /** The path the user chose; null when cancelled. */
  showSave(
    sender: SenderFrameInfo,
    options: { title: string; suggestedName: string; filters: FileFilter[] },
  ): Promise<string | null>;
}

export interface HandlerDeps {
  app: { version: string; platform: string };
  dialogs: Dialogs;
  pickedFiles: PickedFileRegistry;
  keyring: Keyring;
}
