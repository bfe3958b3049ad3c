import type { WebContents } from 'electron';
import type { InvokeEventLike } from '../../../electron/main/ipc/sender';

export const APP_PAGE = 'app://review-desk/index.html';

interface FakeFrame {
  url: string;
  parent: FakeFrame | null;
  processId: number;
  routingId: number;
}

let nextId = 1;

/** A stand-in for a window's webContents with a main frame, as Electron hands them to IPC handlers. */
export function fakeContents(url = APP_PAGE, options: { destroyed?: boolean } = {}) {
  const id = nextId++;
  const mainFrame: FakeFrame = { url, parent: null, processId: 100 + id, routingId: 1 };
  const contents = { id, mainFrame, isDestroyed: () => options.destroyed ?? false };
  return contents as unknown as WebContents & { mainFrame: FakeFrame };
}

export function subframeOf(contents: WebContents & { mainFrame: FakeFrame }, url = APP_PAGE): FakeFrame {
  return { url, parent: contents.mainFrame, processId: contents.mainFrame.processId, routingId: 7 };
}

export function invokeEvent(
  contents: WebContents,
  frame: FakeFrame | null = contents.mainFrame as never,
): InvokeEventLike {
  return { sender: contents, senderFrame: frame } as unknown as InvokeEventLike;
}

/** Trusts exactly the given webContents, the way the app trusts its own windows. */
export function trusting(...trusted: WebContents[]) {
  return (contents: WebContents) => trusted.includes(contents);
}
