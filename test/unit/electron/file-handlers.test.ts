import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { MAX_READ_LENGTH } from '@shared/bridge/ipc-channels';
import type { Dialogs, HandlerDeps } from '../../../electron/main/handlers/deps';
import type { Keyring } from '../../../electron/main/keyring/keyring';
import { PickedFileRegistry } from '../../../electron/main/picked-files';
import { handlerCaller } from './handler-desk';
import { fakeContents, invokeEvent, subframeOf } from './fakes';

let dir: string;
const CSV = 'request_id,account_email\nREQ-1,ana@example.com\n';

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'review-desk-files-'));
  writeFileSync(join(dir, 'requests.csv'), CSV);
  writeFileSync(join(dir, 'jobs.csv'), 'job_id\njob_1\n');
  writeFileSync(join(dir, 'not-picked.csv'), 'secret\n');
  mkdirSync(join(dir, 'a-folder'));
});

function desk(dialogs: Partial<Dialogs> = {}) {
  const window = fakeContents();
  const other = fakeContents();
  const deps: HandlerDeps = {
    app: { version: '0.1.0', platform: 'linux' },
    dialogs: {
      showOpen: vi.fn(async () => [join(dir, 'requests.csv')]),
      showSave: vi.fn(async () => null),
      ...dialogs,
    },
    pickedFiles: new PickedFileRegistry(),
    keyring: {} as Keyring,
  };
  return { window, other, deps, call: handlerCaller(deps, window, other) };
}

const openOptions = {
  title: 'Import',
  filters: [{ name: 'CSV', extensions: ['csv', 'txt'] }],
  multiple: true,
};

describe('app:info', () => {
  it('names the desktop shell, its version and platform', async () => {
    await expect(desk().call('app:info', null)).resolves.toEqual({
      shell: 'desktop',
      version: '0.1.0',
      platform: 'linux',
    });
  });

  it.each([undefined, {}, 'info', { shell: 'web' }])('refuses the payload %j', async (payload) => {
    await expect(desk().call('app:info', payload)).rejects.toThrow(/invalid request/);
  });
});

describe('files:open', () => {
  it('returns a token, name, size and date per picked file; the path stays in main', async () => {
    const { call, deps } = desk({ showOpen: async () => [join(dir, 'requests.csv'), join(dir, 'jobs.csv')] });
    const picked = await call('files:open', openOptions);
    expect(picked.map((file) => [file.name, file.size])).toEqual([
      ['requests.csv', CSV.length],
      ['jobs.csv', 'job_id\njob_1\n'.length],
    ]);
    expect(picked[0]!.token).toMatch(/^[0-9a-f-]{36}$/);
    expect(picked[0]!.lastModified).toBeGreaterThan(0);
    expect(JSON.stringify(picked)).not.toContain(dir);
    expect(deps.pickedFiles.size).toBe(2);
  });

  it('returns nothing when cancelled, one file when not multiple, and skips folders', async () => {
    expect(await desk({ showOpen: async () => [] }).call('files:open', openOptions)).toEqual([]);
    const two = async () => [join(dir, 'requests.csv'), join(dir, 'jobs.csv')];
    expect(
      await desk({ showOpen: two }).call('files:open', { ...openOptions, multiple: false }),
    ).toHaveLength(1);
    const folder = async () => [join(dir, 'a-folder'), join(dir, 'jobs.csv')];
    expect((await desk({ showOpen: folder }).call('files:open', openOptions)).map((f) => f.name)).toEqual([
      'jobs.csv',
    ]);
  });

  it.each([
    ['a filter extension with a dot', { ...openOptions, filters: [{ name: 'CSV', extensions: ['.csv'] }] }],
    ['a filter extension with a path', { ...openOptions, filters: [{ name: 'CSV', extensions: ['../x'] }] }],
    ['a huge title', { ...openOptions, title: 'x'.repeat(10_000) }],
    ['multiple as a string', { ...openOptions, multiple: 'yes' }],
    ['a defaultPath smuggled in', { ...openOptions, defaultPath: '/etc' }],
    ['no filters key', { title: 'Import', multiple: true }],
  ])('refuses %s without showing a dialog', async (_what, payload) => {
    const { call, deps } = desk();
    await expect(call('files:open', payload)).rejects.toThrow(/invalid request/);
    expect(deps.dialogs.showOpen).not.toHaveBeenCalled();
  });

  it('refuses a subframe before any dialog shows', async () => {
    const { call, deps, window } = desk();
    await expect(call('files:open', openOptions, invokeEvent(window, subframeOf(window)))).rejects.toThrow(
      /not the desk's main frame/,
    );
    expect(deps.dialogs.showOpen).not.toHaveBeenCalled();
  });
});

describe('files:read', () => {
  async function picked() {
    const setup = desk();
    const [file] = await setup.call('files:open', openOptions);
    return { ...setup, token: file!.token };
  }

  it('reads the picked file in slices, and less or nothing past the end', async () => {
    const { call, token } = await picked();
    const text = async (offset: number, length: number) =>
      new TextDecoder().decode(await call('files:read', { token, offset, length }));
    expect(await text(0, 10)).toBe(CSV.slice(0, 10));
    expect(await text(10, 1000)).toBe(CSV.slice(10));
    expect(await text(CSV.length, 10)).toBe('');
    expect(await text(CSV.length + 5000, 10)).toBe('');
    expect(await text(3, 0)).toBe('');
  });

  it('accepts the largest slice and refuses anything larger', async () => {
    const { call, token } = await picked();
    await expect(call('files:read', { token, offset: 0, length: MAX_READ_LENGTH })).resolves.toHaveLength(
      CSV.length,
    );
    await expect(call('files:read', { token, offset: 0, length: MAX_READ_LENGTH + 1 })).rejects.toThrow(
      /invalid request/,
    );
  });

  it.each([
    ['a negative offset', { offset: -1, length: 10 }],
    ['a negative length', { offset: 0, length: -10 }],
    ['a fractional offset', { offset: 1.5, length: 10 }],
    ['an offset beyond 2^53', { offset: 2 ** 60, length: 10 }],
    ['Infinity', { offset: Infinity, length: 10 }],
    ['NaN', { offset: NaN, length: 10 }],
    ['a huge length', { offset: 0, length: 2 ** 31 }],
    ['a string offset', { offset: '0', length: 10 }],
    ['a bigint', { offset: 0n, length: 10 }],
  ])('refuses %s', async (_what, slice) => {
    const { call, token } = await picked();
    await expect(call('files:read', { token, ...slice })).rejects.toThrow(/invalid request/);
  });

  it('refuses an unknown token, a path instead of a token, and extra keys', async () => {
    const { call, token } = await picked();
    await expect(
      call('files:read', { token: '00000000-0000-4000-8000-000000000000', offset: 0, length: 10 }),
    ).rejects.toThrow('this file was not picked in this window');
    await expect(
      call('files:read', { token: join(dir, 'not-picked.csv'), offset: 0, length: 10 }),
    ).rejects.toThrow(/invalid request/);
    await expect(
      call('files:read', { token, offset: 0, length: 10, path: join(dir, 'not-picked.csv') }),
    ).rejects.toThrow(/invalid request/);
  });

  it("refuses a token from another window, and forgets a closed window's tokens", async () => {
    const { call, token, other, deps, window } = await picked();
    await expect(call('files:read', { token, offset: 0, length: 10 }, invokeEvent(other))).rejects.toThrow(
      'this file was not picked in this window',
    );
    deps.pickedFiles.forgetOwner(window.id);
    await expect(call('files:read', { token, offset: 0, length: 10 })).rejects.toThrow('not picked');
  });
});

describe('files:save', () => {
  const saveOptions = {
    title: 'Export batch',
    suggestedName: 'creditback-batch-2026-11-25-0001.json',
    contents: '{"format":"review-desk/creditback-batch@1"}\n',
    filters: [{ name: 'JSON', extensions: ['json'] }],
  };

  it('writes text or bytes where the user chose, and reports the place', async () => {
    const target = join(dir, 'saved.json');
    const { call, deps } = desk({ showSave: vi.fn(async () => target) });
    await expect(call('files:save', saveOptions)).resolves.toEqual({ saved: true, location: target });
    expect(readFileSync(target, 'utf8')).toBe(saveOptions.contents);
    expect(deps.dialogs.showSave).toHaveBeenCalledWith(expect.anything(), {
      title: saveOptions.title,
      suggestedName: saveOptions.suggestedName,
      filters: saveOptions.filters,
    });
    await call('files:save', { ...saveOptions, contents: new Uint8Array([0xef, 0xbb, 0xbf, 0x41]) });
    expect([...readFileSync(target)]).toEqual([0xef, 0xbb, 0xbf, 0x41]);
  });

  it('writes nothing when the user cancels', async () => {
    await expect(desk().call('files:save', saveOptions)).resolves.toEqual({ saved: false, location: null });
  });

  it.each([
    ['a name with a folder', '../../.bashrc'],
    ['an absolute path', '/etc/passwd'],
    ['a Windows path', 'C:\\Windows\\evil.dll'],
    ['a name with a NUL', 'batch.json\0.exe'],
    ['dot-dot', '..'],
    ['an empty name', ''],
  ])('refuses %s as the suggested name', async (_what, suggestedName) => {
    const { call, deps } = desk({ showSave: vi.fn(async () => join(dir, 'never.json')) });
    await expect(call('files:save', { ...saveOptions, suggestedName })).rejects.toThrow(/invalid request/);
    expect(deps.dialogs.showSave).not.toHaveBeenCalled();
  });

  it('refuses contents of the wrong type and a target path chosen by the page', async () => {
    const { call } = desk();
    await expect(call('files:save', { ...saveOptions, contents: { length: 1 } })).rejects.toThrow(/invalid/);
    await expect(call('files:save', { ...saveOptions, contents: [1, 2, 3] })).rejects.toThrow(/invalid/);
    await expect(call('files:save', { ...saveOptions, path: join(dir, 'x') })).rejects.toThrow(/invalid/);
  });
});
