import { describe, expect, it, vi } from 'vitest';
import { IPC_CHANNELS, type IpcChannel, type IpcRequest } from '@shared/bridge/ipc-channels';
import { dispatchInvoke, handle, IpcRejectedError } from '../../../electron/main/ipc/handle';
import { registerIpcHandlers } from '../../../electron/main/handlers';
import type { HandlerDeps } from '../../../electron/main/handlers/deps';
import { UserFacingError } from '../../../electron/main/user-facing-error';
import { fakeContents, invokeEvent, subframeOf, trusting } from './fakes';

const silent = () => undefined;

function setup() {
  const window = fakeContents();
  const fn = vi.fn(async () => ({ shell: 'desktop' as const, version: '1', platform: 'linux' }));
  const context = { isAppWindowContents: trusting(window), deps: {}, log: silent };
  return { window, fn, context };
}

describe('handle: who may call', () => {
  it("runs the handler for the app window's main frame, with who called", async () => {
    const { window, fn, context } = setup();
    await expect(dispatchInvoke('app:info', fn, context, invokeEvent(window), [null])).resolves.toEqual({
      shell: 'desktop',
      version: '1',
      platform: 'linux',
    });
    expect(fn).toHaveBeenCalledWith(
      { webContentsId: window.id, url: 'app://review-desk/index.html' },
      null,
      {},
    );
  });

  it('refuses a subframe of the app window, even on the app origin', async () => {
    const { window, fn, context } = setup();
    const call = dispatchInvoke('app:info', fn, context, invokeEvent(window, subframeOf(window)), [null]);
    await expect(call).rejects.toBeInstanceOf(IpcRejectedError);
    expect(fn).not.toHaveBeenCalled();
  });

  it('refuses another webContents (a popup, devtools, a second page)', async () => {
    const { fn, context } = setup();
    const stranger = fakeContents();
    await expect(dispatchInvoke('app:info', fn, context, invokeEvent(stranger), [null])).rejects.toThrow(
      /not the desk's main frame/,
    );
    expect(fn).not.toHaveBeenCalled();
  });

  it.each([
    'https://evil.example/index.html',
    'http://127.0.0.1:5173/',
    'file:///etc/passwd',
    'app://other-host/index.html',
    'app://user:pw@review-desk/',
    'about:blank',
    'not a url',
  ])('refuses the main frame when it shows %s', async (url) => {
    const { fn } = setup();
    const window = fakeContents(url);
    const context = { isAppWindowContents: trusting(window), deps: {}, log: silent };
    await expect(dispatchInvoke('app:info', fn, context, invokeEvent(window), [null])).rejects.toThrow(
      IpcRejectedError,
    );
    expect(fn).not.toHaveBeenCalled();
  });

  it('refuses a frame that is gone (senderFrame null) and a destroyed webContents', async () => {
    const { window, fn, context } = setup();
    await expect(dispatchInvoke('app:info', fn, context, invokeEvent(window, null), [null])).rejects.toThrow(
      IpcRejectedError,
    );
    const destroyed = fakeContents(undefined, { destroyed: true });
    const trustingDestroyed = { ...context, isAppWindowContents: trusting(destroyed) };
    await expect(
      dispatchInvoke('app:info', fn, trustingDestroyed, invokeEvent(destroyed), [null]),
    ).rejects.toThrow(IpcRejectedError);
    expect(fn).not.toHaveBeenCalled();
  });

  it('refuses a frame of another process that claims to be top-level in the app window', async () => {
    const { window, fn, context } = setup();
    const impostor = { url: 'app://review-desk/index.html', parent: null, processId: 9999, routingId: 1 };
    await expect(
      dispatchInvoke('app:info', fn, context, invokeEvent(window, impostor), [null]),
    ).rejects.toThrow(IpcRejectedError);
  });
});

describe('handle: what may be sent', () => {
  const polluted = JSON.parse('{"identity":"ana@finance","__proto__":{"isAdmin":true}}') as unknown;
  const inherited = Object.create({ identity: 'ana@finance' }) as unknown;
  const withGetter = Object.defineProperty({}, 'identity', { get: () => 'ana@finance', enumerable: true });
  class Forged {
    identity = 'ana@finance';
  }

  it.each([
    ['no argument', []],
    ['two arguments', [{ identity: 'ana@finance' }, 'extra']],
    ['a string', ['ana@finance']],
    ['a number identity', [{ identity: 42 }]],
    ['an extra key', [{ identity: 'ana@finance', role: 'admin' }]],
    ['an own __proto__ key', [polluted]],
    ['a constructor key', [{ identity: 'ana@finance', constructor: { prototype: {} } }]],
    ['fields inherited from a forged prototype', [inherited]],
    ['an accessor', [withGetter]],
    ['a class instance', [new Forged()]],
    ['an identity with a space', [{ identity: 'ana finance' }]],
    ['an identity with a comma (a second principal)', [{ identity: 'ana@finance,*' }]],
    ['an identity with a newline', [{ identity: 'ana@finance\nmallory' }]],
    ['an empty identity', [{ identity: '' }]],
  ])('refuses %s before the handler runs', async (_what, args) => {
    const window = fakeContents();
    const fn = vi.fn(async () => ({ storage: 'none' as const, keys: [] }));
    const context = { isAppWindowContents: trusting(window), deps: {}, log: silent };
    await expect(dispatchInvoke('signing:generate', fn, context, invokeEvent(window), args)).rejects.toThrow(
      /invalid request/,
    );
    expect(fn).not.toHaveBeenCalled();
  });

  it('hands the handler a fresh, validated copy', async () => {
    const window = fakeContents();
    const fn = vi.fn(async (_sender: unknown, _payload: { identity: string }) => ({
      storage: 'none' as const,
      keys: [],
    }));
    const context = { isAppWindowContents: trusting(window), deps: {}, log: silent };
    const payload = { identity: 'ana@finance' };
    await dispatchInvoke('signing:generate', fn, context, invokeEvent(window), [payload]);
    expect(fn.mock.calls[0]![1]).toEqual(payload);
    expect(fn.mock.calls[0]![1]).not.toBe(payload);
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
  });
});

describe('handle: failures', () => {
  it("passes a reviewer-facing message through, and hides internal errors' details", async () => {
    const window = fakeContents();
    const context = { isAppWindowContents: trusting(window), deps: {}, log: silent };
    const friendly = async () => {
      throw new UserFacingError('there is no signing key yet');
    };
    await expect(
      dispatchInvoke('signing:status', friendly, context, invokeEvent(window), [null]),
    ).rejects.toThrow('there is no signing key yet');
    const internal = async () => {
      throw new Error("ENOENT: no such file '/home/ana/.config/secret'");
    };
    const call = dispatchInvoke('signing:status', internal, context, invokeEvent(window), [null]);
    await expect(call).rejects.toThrow('signing:status: the desk could not complete this request');
    await expect(call).rejects.not.toThrow(/home/);
  });
});

describe('registration', () => {
  it('registers exactly one checked handler per channel of the map', async () => {
    const registered = new Map<string, (event: unknown, ...args: unknown[]) => Promise<unknown>>();
    const ipcMain = { handle: vi.fn((channel: string, listener) => registered.set(channel, listener)) };
    const window = fakeContents();
    const deps = { app: { version: '0.1.0', platform: 'linux' } } as HandlerDeps;
    registerIpcHandlers({ ipcMain, isAppWindowContents: trusting(window), deps, log: silent });
    expect([...registered.keys()].sort()).toEqual([...IPC_CHANNELS].sort());
    await expect(registered.get('app:info')!(invokeEvent(window), null)).resolves.toEqual({
      shell: 'desktop',
      version: '0.1.0',
      platform: 'linux',
    });
    await expect(registered.get('app:info')!(invokeEvent(fakeContents()), null)).rejects.toThrow(
      IpcRejectedError,
    );
  });

  it('handle() wires one channel to ipcMain.handle', () => {
    const ipcMain = { handle: vi.fn() };
    handle({ ipcMain, isAppWindowContents: () => true, deps: {} }, 'app:info', async () => ({
      shell: 'desktop',
      version: '1',
      platform: 'linux',
    }));
    expect(ipcMain.handle).toHaveBeenCalledWith('app:info', expect.any(Function));
  });
});

describe('every channel refuses hostile senders before touching anything', () => {
  // Typed by the channel map: a new channel does not compile until it has a sample here.
  const validPayloads: { [C in IpcChannel]: IpcRequest<C> } = {
    'app:info': null,
    'files:open': { title: 'Import', filters: [{ name: 'CSV', extensions: ['csv'] }], multiple: true },
    'files:read': { token: '3f2504e0-4f89-41d3-9a0c-0305e82c3301', offset: 0, length: 10 },
    'files:save': { title: 'Save', suggestedName: 'batch.json', contents: '{}', filters: [] },
    'signing:status': null,
    'signing:generate': { identity: 'ana@finance' },
    'signing:import': { privateKeyText: '-----BEGIN OPENSSH PRIVATE KEY-----', identity: 'ana@finance' },
    'signing:import-file': { identity: 'ana@finance' },
    'signing:sign': { namespace: 'creditback-batch@review-desk', data: new Uint8Array([1]) },
  };

  function wiredDesk() {
    const registered = new Map<string, (event: unknown, ...args: unknown[]) => Promise<unknown>>();
    const touched = vi.fn();
    const deps = {
      app: { version: '0.1.0', platform: 'linux' },
      dialogs: { showOpen: touched, showSave: touched },
      pickedFiles: { add: touched, resolve: touched, forgetOwner: touched },
      keyring: { status: touched, generate: touched, importOpenSsh: touched, sign: touched },
    } as unknown as HandlerDeps;
    const window = fakeContents();
    registerIpcHandlers({
      ipcMain: {
        handle: (channel, listener) => {
          registered.set(channel, listener as (event: unknown, ...args: unknown[]) => Promise<unknown>);
        },
      },
      isAppWindowContents: trusting(window),
      deps,
      log: silent,
    });
    return { registered, touched, window };
  }

  const hostileSenders = {
    'a subframe of the app window': (window: ReturnType<typeof fakeContents>) =>
      invokeEvent(window, subframeOf(window)),
    'another webContents': () => invokeEvent(fakeContents()),
    'the app window showing a remote page': (window: ReturnType<typeof fakeContents>) =>
      invokeEvent(window, { ...window.mainFrame, url: 'https://evil.example/' }),
  };

  for (const channel of IPC_CHANNELS) {
    for (const [who, event] of Object.entries(hostileSenders)) {
      it(`${channel}: refuses ${who}`, async () => {
        const { registered, touched, window } = wiredDesk();
        await expect(registered.get(channel)!(event(window), validPayloads[channel])).rejects.toThrow(
          IpcRejectedError,
        );
        expect(touched).not.toHaveBeenCalled();
      });
    }
  }
});
