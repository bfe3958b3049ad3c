import type { IpcMainInvokeEvent, WebContents } from 'electron';
import { isAppUrl } from '../app-origin';

/** Who called, as the handlers see it: always the desk's own main frame, checked before they run. */
export interface SenderFrameInfo {
  webContentsId: number;
  url: string;
}

/** The fields of an IPC event the check reads, so tests can forge hostile senders. */
export type InvokeEventLike = Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>;

/**
 * Accepts a call only from the main frame of one of the desk's own windows, showing a page of the
 * desk's own origin. A subframe, another webContents (devtools, a stray popup) or a page that
 * somehow navigated elsewhere is refused.
 */
export function appMainFrameSender(
  event: InvokeEventLike,
  isAppWindowContents: (contents: WebContents) => boolean,
): SenderFrameInfo | null {
  const { sender, senderFrame } = event;
  if (!sender || sender.isDestroyed() || !isAppWindowContents(sender)) return null;
  if (!senderFrame || senderFrame.parent !== null) return null;
  const mainFrame = sender.mainFrame;
  const isMainFrame =
    senderFrame === mainFrame ||
    (senderFrame.processId === mainFrame.processId && senderFrame.routingId === mainFrame.routingId);
  if (!isMainFrame || !isAppUrl(senderFrame.url)) return null;
  return { webContentsId: sender.id, url: senderFrame.url };
}
