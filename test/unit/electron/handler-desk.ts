import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { WebContents } from 'electron';
import type { IpcChannel } from '@shared/bridge/ipc-channels';
import { ipcHandlers } from '../../../electron/main/handlers';
import type { HandlerDeps } from '../../../electron/main/handlers/deps';
import { dispatchInvoke, type IpcHandler } from '../../../electron/main/ipc/handle';
import type { InvokeEventLike } from '../../../electron/main/ipc/sender';
import { Keyring } from '../../../electron/main/keyring/keyring';
import { safeStorageBox } from '../../../electron/main/keyring/secret-box';
import { invokeEvent, trusting } from './fakes';

/**
 * A keyring in a fresh folder, sealed by a stand-in for the OS keychain that reverses the bytes:
 * what is stored differs from the key, and only this "keychain" opens it.
 */
export function fakeKeyring(encryption = true): { keyring: Keyring; path: string } {
  const path = join(mkdtempSync(join(tmpdir(), 'review-desk-keyring-')), 'keyring.json');
  const keyring = new Keyring({
    path,
    box: safeStorageBox(
      {
        isEncryptionAvailable: () => encryption,
        encryptString: (text) => Buffer.from([...Buffer.from(text)].reverse()),
        decryptString: (sealed) => Buffer.from([...sealed].reverse()).toString(),
      },
      'linux',
    ),
  });
  return { keyring, path };
}

/**
 * Calls a channel's real handler through the IPC guard, as a frame of `windows[0]` would (or
 * as `from`); every window given is one of the app's.
 */
export function handlerCaller(deps: HandlerDeps, ...windows: WebContents[]) {
  const context = { isAppWindowContents: trusting(...windows), deps, log: () => undefined };
  return <C extends IpcChannel>(
    channel: C,
    payload: unknown,
    from: InvokeEventLike = invokeEvent(windows[0] as WebContents),
  ) => dispatchInvoke(channel, ipcHandlers[channel] as IpcHandler<C, HandlerDeps>, context, from, [payload]);
}
