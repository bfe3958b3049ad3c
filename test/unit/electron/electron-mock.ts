import { vi } from 'vitest';

/**
 * A stand-in for the `electron` module, enough for the main process to start: Electron's
 * binary cannot be downloaded here, and `require('electron')` outside Electron throws anyway.
 */
type Listener = (...args: unknown[]) => unknown;

class Emitter {
  readonly listeners = new Map<string, Listener[]>();
  on = vi.fn((name: string, listener: Listener) => {
    this.listeners.set(name, [...(this.listeners.get(name) ?? []), listener]);
    return this;
  });
  once = this.on;
  emit(name: string, ...args: unknown[]) {
    return (this.listeners.get(name) ?? []).map((listener) => listener(...args));
  }
}

let nextId = 1;

export class FakeWebContents extends Emitter {
  readonly id = nextId++;
  readonly mainFrame = { url: '', parent: null, processId: 500 + this.id, routingId: 1 };
  setWindowOpenHandler = vi.fn();
  isDestroyed = () => false;
}

export class FakeBrowserWindow extends Emitter {
  static readonly created: FakeBrowserWindow[] = [];
  static fromWebContents = (contents: unknown) =>
    FakeBrowserWindow.created.find((window) => window.webContents === contents) ?? null;
  static getAllWindows = () => FakeBrowserWindow.created;
  readonly webContents = new FakeWebContents();
  readonly calls: string[] = [];
  private maximized = false;
  constructor(readonly options: Record<string, unknown>) {
    super();
    FakeBrowserWindow.created.push(this);
  }
  loadURL = vi.fn(async (url: string) => {
    this.calls.push(`loadURL ${url}`);
    this.webContents.mainFrame.url = url;
  });
  maximize = vi.fn(() => {
    this.maximized = true;
  });
  isMaximized = () => this.maximized;
  isMinimized = () => false;
  getNormalBounds = () => ({ x: 40, y: 30, width: 1400, height: 900 });
  show = vi.fn();
  focus = vi.fn();
  restore = vi.fn();
}

function fakeSession() {
  return {
    setPermissionRequestHandler: vi.fn(),
    setPermissionCheckHandler: vi.fn(),
    setDevicePermissionHandler: vi.fn(),
    setDisplayMediaRequestHandler: vi.fn(),
    setSpellCheckerEnabled: vi.fn(),
    on: vi.fn(),
    webRequest: { onBeforeRequest: vi.fn(), onHeadersReceived: vi.fn() },
  };
}

export function createElectronMock(userData: string) {
  let resolveReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => {
    resolveReady = resolve;
  });
  const app = Object.assign(new Emitter(), {
    commandLine: { getSwitchValue: vi.fn(() => '') },
    enableSandbox: vi.fn(),
    requestSingleInstanceLock: vi.fn(() => true),
    quit: vi.fn(),
    exit: vi.fn(),
    whenReady: vi.fn(() => ready),
    getPath: vi.fn((name: string) => (name === 'userData' ? userData : `${userData}/${name}`)),
    setPath: vi.fn(),
    getVersion: () => '0.1.0',
    isPackaged: false,
  });
  const ipcHandlers = new Map<string, Listener>();
  return {
    markReady: () => resolveReady(),
    ipcHandlers,
    module: {
      app,
      BrowserWindow: FakeBrowserWindow,
      dialog: { showOpenDialog: vi.fn(), showSaveDialog: vi.fn() },
      ipcMain: { handle: vi.fn((channel: string, listener: Listener) => ipcHandlers.set(channel, listener)) },
      protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
      safeStorage: {
        isEncryptionAvailable: () => true,
        getSelectedStorageBackend: () => 'gnome_libsecret',
        encryptString: (text: string) => Buffer.from(text),
        decryptString: (sealed: Buffer) => sealed.toString(),
      },
      screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] },
      session: { defaultSession: fakeSession() },
      webContents: {
        fromId: (id: number) => FakeBrowserWindow.created.find((w) => w.webContents.id === id)?.webContents,
      },
    },
  };
}
