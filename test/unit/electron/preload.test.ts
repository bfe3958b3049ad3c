import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { DesktopApi } from '@shared/bridge/desktop-api';
import { MAX_READ_LENGTH } from '@shared/bridge/ipc-limits';

const exposed = new Map<string, unknown>();
const invoke = vi.fn();

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => exposed.set(key, api) },
  ipcRenderer: { invoke: (...args: unknown[]) => invoke(...args) },
}));

async function loadPreload(): Promise<DesktopApi> {
  vi.resetModules();
  exposed.clear();
  await import('../../../electron/preload/index');
  return exposed.get('desktop') as DesktopApi;
}

beforeEach(() => {
  invoke.mockReset();
});

describe('preload', () => {
  it('exposes exactly one API, window.desktop, and no ipcRenderer', async () => {
    const desktop = await loadPreload();
    expect([...exposed.keys()]).toEqual(['desktop']);
    expect(Object.keys(desktop).sort()).toEqual(['appInfo', 'openFiles', 'saveFile', 'signing']);
    expect(Object.keys(desktop.signing).sort()).toEqual([
      'generate',
      'importOpenSsh',
      'importOpenSshFile',
      'sign',
      'status',
    ]);
    expect(JSON.stringify(Object.values(desktop))).not.toContain('invoke');
    for (const value of [...Object.values(desktop), ...Object.values(desktop.signing)]) {
      expect(typeof value === 'function' || typeof value === 'object').toBe(true);
    }
  });

  it('calls one typed channel per method', async () => {
    const desktop = await loadPreload();
    invoke.mockResolvedValue('ok');
    await desktop.appInfo();
    await desktop.signing.status();
    await desktop.signing.generate('ana@finance');
    await desktop.signing.importOpenSsh('-----BEGIN OPENSSH PRIVATE KEY-----', 'ana@finance');
    await desktop.signing.importOpenSshFile('ana@finance');
    const data = new Uint8Array([1, 2]);
    await desktop.signing.sign('creditback-batch@review-desk', data);
    expect(invoke.mock.calls).toEqual([
      ['app:info', null],
      ['signing:status', null],
      ['signing:generate', { identity: 'ana@finance' }],
      ['signing:import', { privateKeyText: '-----BEGIN OPENSSH PRIVATE KEY-----', identity: 'ana@finance' }],
      ['signing:import-file', { identity: 'ana@finance' }],
      ['signing:sign', { namespace: 'creditback-batch@review-desk', data }],
    ]);
  });

  it("forwards only the declared fields of the page's options", async () => {
    const desktop = await loadPreload();
    invoke.mockResolvedValue({ saved: false, location: null });
    const filters = [{ name: 'JSON', extensions: ['json'], evil: true }];
    await desktop.saveFile({
      title: 'Export',
      suggestedName: 'batch.json',
      contents: 'x',
      filters,
      defaultPath: '/etc/passwd',
    } as never);
    expect(invoke).toHaveBeenCalledWith('files:save', {
      title: 'Export',
      suggestedName: 'batch.json',
      contents: 'x',
      filters: [{ name: 'JSON', extensions: ['json'] }],
    });
  });

  it('turns picked-file tokens into PickedFile objects that read slices by token', async () => {
    const desktop = await loadPreload();
    const token = '3f2504e0-4f89-41d3-9a0c-0305e82c3301';
    invoke.mockResolvedValueOnce([{ token, name: 'requests.csv', size: 42, lastModified: 1700000000000 }]);
    const [file] = await desktop.openFiles({ title: 'Import', filters: [], multiple: false });
    expect(invoke).toHaveBeenLastCalledWith('files:open', { title: 'Import', filters: [], multiple: false });
    expect(file).toMatchObject({ name: 'requests.csv', size: 42, lastModified: 1700000000000 });
    expect(file).not.toHaveProperty('token');
    expect(file).not.toHaveProperty('path');
    invoke.mockResolvedValueOnce(new Uint8Array([65]));
    await expect(file!.read(10, 5)).resolves.toEqual(new Uint8Array([65]));
    expect(invoke).toHaveBeenLastCalledWith('files:read', { token, offset: 10, length: 5 });
  });

  it('splits a read longer than one IPC slice into bounded calls, and stops at the end of the file', async () => {
    const desktop = await loadPreload();
    const token = '3f2504e0-4f89-41d3-9a0c-0305e82c3301';
    const size = 2 * MAX_READ_LENGTH + 10;
    invoke.mockResolvedValueOnce([{ token, name: 'big.csv', size, lastModified: 0 }]);
    const [file] = await desktop.openFiles({ title: 'Import', filters: [], multiple: false });
    invoke.mockImplementation(async (_channel: string, request: { offset: number; length: number }) =>
      new Uint8Array(Math.max(0, Math.min(request.length, size - request.offset))).fill(request.offset % 251),
    );
    const whole = await file!.read(0, size + 100);
    expect(whole).toHaveLength(size);
    const reads = invoke.mock.calls
      .filter(([channel]) => channel === 'files:read')
      .map(([, request]) => request);
    expect(reads).toEqual([
      { token, offset: 0, length: MAX_READ_LENGTH },
      { token, offset: MAX_READ_LENGTH, length: MAX_READ_LENGTH },
      { token, offset: 2 * MAX_READ_LENGTH, length: 110 },
    ]);
    expect(whole[MAX_READ_LENGTH]).toBe(MAX_READ_LENGTH % 251);
  });

  it('passes a malformed length through unchanged, for main to refuse', async () => {
    const desktop = await loadPreload();
    const token = '3f2504e0-4f89-41d3-9a0c-0305e82c3301';
    invoke.mockResolvedValueOnce([{ token, name: 'a.csv', size: 1, lastModified: 0 }]);
    const [file] = await desktop.openFiles({ title: 'Import', filters: [], multiple: false });
    invoke.mockRejectedValue(new Error('files:read: invalid request'));
    await expect(file!.read(0, Infinity)).rejects.toThrow(/invalid request/);
    expect(invoke).toHaveBeenLastCalledWith('files:read', { token, offset: 0, length: Infinity });
  });
});
