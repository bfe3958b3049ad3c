import type { IpcChannel } from '../../../shared/bridge/ipc-channels';
import { handle, type HandleContext, type IpcHandler } from '../ipc/handle';
import { appInfo } from './app-info';
import type { HandlerDeps } from './deps';
import { openFiles } from './open-files';
import { readFileSlice } from './read-file-slice';
import { saveFile } from './save-file';
import { signingGenerate, signingImport, signingSign, signingStatus } from './signing';
import { signingImportFile } from './signing-import-file';

/** Every channel of `IpcChannels` has exactly one handler: a missing one is a type error. */
export const ipcHandlers: { [C in IpcChannel]: IpcHandler<C, HandlerDeps> } = {
  'app:info': appInfo,
  'files:open': openFiles,
  'files:read': readFileSlice,
  'files:save': saveFile,
  'signing:status': signingStatus,
  'signing:generate': signingGenerate,
  'signing:import': signingImport,
  'signing:import-file': signingImportFile,
  'signing:sign': signingSign,
};

export function registerIpcHandlers(context: HandleContext<HandlerDeps>): void {
  for (const channel of Object.keys(ipcHandlers) as IpcChannel[]) {
    handle(context, channel, ipcHandlers[channel] as IpcHandler<typeof channel, HandlerDeps>);
  }
}
