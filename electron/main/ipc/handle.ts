import type { IpcMain, WebContents } from 'electron';
import {
  ipcPayloadSchemas,
  type IpcChannel,
  type IpcRequest,
  type IpcResponse,
} from '../../../shared/bridge/ipc-channels';
import { UserFacingError } from '../user-facing-error';
import { isPlainData } from './plain-data';
import { appMainFrameSender, type InvokeEventLike, type SenderFrameInfo } from './sender';

/** A main-process handler: a plain function of who called, what they sent (already validated) and its dependencies. */
export type IpcHandler<C extends IpcChannel, Deps> = (
  sender: SenderFrameInfo,
  payload: IpcRequest<C>,
  deps: Deps,
) => Promise<IpcResponse<C>> | IpcResponse<C>;

export class IpcRejectedError extends Error {}

export interface HandleContext<Deps> {
  ipcMain: Pick<IpcMain, 'handle'>;
  isAppWindowContents: (contents: WebContents) => boolean;
  deps: Deps;
  log?: (message: string, error?: unknown) => void;
}

/**
 * Runs one handler for one invoke: refuses callers other than the desk's own main frame and
 * payloads that are not exactly what the channel's schema describes, before the handler sees them.
 */
export async function dispatchInvoke<C extends IpcChannel, Deps>(
  channel: C,
  fn: IpcHandler<C, Deps>,
  context: Omit<HandleContext<Deps>, 'ipcMain'>,
  event: InvokeEventLike,
  args: unknown[],
): Promise<IpcResponse<C>> {
  const log = context.log ?? ((message, error) => console.warn(message, error ?? ''));
  const sender = appMainFrameSender(event, context.isAppWindowContents);
  if (sender === null) {
    log(`${channel}: refused a call from outside the desk's main frame`);
    throw new IpcRejectedError(`${channel}: refused, the caller is not the desk's main frame`);
  }
  const payload = args.length === 1 ? args[0] : undefined;
  const parsed =
    args.length === 1 && isPlainData(payload) ? ipcPayloadSchemas[channel].safeParse(payload) : null;
  if (parsed === null || !parsed.success) {
    const detail = parsed?.error.issues[0];
    const where = detail ? ` (${detail.path.join('.') || 'payload'}: ${detail.message})` : '';
    log(`${channel}: refused an invalid payload${where}`);
    throw new IpcRejectedError(`${channel}: invalid request${where}`);
  }
  try {
    return await fn(sender, parsed.data as IpcRequest<C>, context.deps);
  } catch (error) {
    if (error instanceof UserFacingError) throw error;
    // Paths and internals stay in the main process log: Electron passes only `message` to the renderer.
    log(`${channel}: failed`, error);
    throw new Error(`${channel}: the desk could not complete this request`, { cause: error });
  }
}

/** Registers one channel's handler behind the sender and payload checks. */
export function handle<C extends IpcChannel, Deps>(
  context: HandleContext<Deps>,
  channel: C,
  fn: IpcHandler<C, Deps>,
): void {
  context.ipcMain.handle(channel, (event, ...args: unknown[]) =>
    dispatchInvoke(channel, fn, context, event, args),
  );
}
