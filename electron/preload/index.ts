import { contextBridge, ipcRenderer } from 'electron';
import type {
  DesktopApi,
  FileFilter,
  OpenFilesOptions,
  PickedFile,
  SaveFileOptions,
} from '../../shared/bridge/desktop-api';
import type { IpcChannel, IpcRequest, IpcResponse } from '../../shared/bridge/ipc-channels';
import { MAX_READ_LENGTH } from '../../shared/bridge/ipc-limits';

/**
 * The sandboxed preload: the only code with IPC, exposing exactly `DesktopApi` as `window.desktop`.
 * Channel names and payloads are checked against the typed channel map at compile time; the main
 * process validates them again at run time, because a compromised page could call it directly.
 */
function invoke<C extends IpcChannel>(channel: C, payload: IpcRequest<C>): Promise<IpcResponse<C>> {
  return ipcRenderer.invoke(channel, payload) as Promise<IpcResponse<C>>;
}

// Objects from the page are rebuilt field by field, so nothing beyond the declared fields
// (extra keys, getters, prototypes) is ever forwarded to the main process.
function copyFilters(filters: FileFilter[]): FileFilter[] {
  return filters.map((filter) => ({ name: filter.name, extensions: [...filter.extensions] }));
}

/**
 * A read longer than one IPC slice (the page may ask for a whole file) becomes several bounded
 * `files:read` calls. Anything that is not a plain length goes to main as is, to be refused there.
 */
async function readSlices(token: string, offset: number, length: number): Promise<Uint8Array> {
  if (!Number.isSafeInteger(length) || length <= MAX_READ_LENGTH) {
    return invoke('files:read', { token, offset, length });
  }
  const parts: Uint8Array[] = [];
  let total = 0;
  while (total < length) {
    const wanted = Math.min(MAX_READ_LENGTH, length - total);
    const part = await invoke('files:read', { token, offset: offset + total, length: wanted });
    parts.push(part);
    total += part.length;
    if (part.length < wanted) break;
  }
  const whole = new Uint8Array(total);
  let at = 0;
  for (const part of parts) {
    whole.set(part, at);
    at += part.length;
  }
  return whole;
}

async function openFiles(options: OpenFilesOptions): Promise<PickedFile[]> {
  const handles = await invoke('files:open', {
    title: options.title,
    filters: copyFilters(options.filters),
    multiple: options.multiple,
  });
  return handles.map(({ token, name, size, lastModified }) => ({
    name,
    size,
    lastModified,
    read: (offset: number, length: number) => readSlices(token, offset, length),
  }));
}

function saveFile(options: SaveFileOptions) {
  return invoke('files:save', {
    title: options.title,
    suggestedName: options.suggestedName,
    contents: options.contents,
    filters: copyFilters(options.filters),
  });
}

const desktop = {
  appInfo: () => invoke('app:info', null),
  openFiles,
  saveFile,
  signing: {
    status: () => invoke('signing:status', null),
    generate: (identity: string) => invoke('signing:generate', { identity }),
    importOpenSsh: (privateKeyText: string, identity: string) =>
      invoke('signing:import', { privateKeyText, identity }),
    importOpenSshFile: (identity: string) => invoke('signing:import-file', { identity }),
    // The page names the namespace as a string; main accepts only the desk's own namespaces.
    sign: (namespace: string, data: Uint8Array) =>
      invoke('signing:sign', { namespace: namespace as IpcRequest<'signing:sign'>['namespace'], data }),
  },
} satisfies DesktopApi;

contextBridge.exposeInMainWorld('desktop', desktop);
