import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkSshSig, parseSshSig } from '@shared/signing';
import { MAX_PRIVATE_KEY_TEXT } from '@shared/bridge/ipc-channels';
import type { HandlerDeps } from '../../../electron/main/handlers/deps';
import { PickedFileRegistry } from '../../../electron/main/picked-files';
import { fakeKeyring, handlerCaller } from './handler-desk';
import { fakeContents, invokeEvent, subframeOf } from './fakes';

const KEY = readFileSync(resolve(__dirname, '../../fixtures/electron/reviewer-ed25519'), 'utf8');

function desk(encryption = true) {
  const window = fakeContents();
  const deps = {
    app: { version: '0.1.0', platform: 'linux' },
    pickedFiles: new PickedFileRegistry(),
    keyring: fakeKeyring(encryption).keyring,
  } as unknown as HandlerDeps;
  return { window, call: handlerCaller(deps, window) };
}

describe('signing over IPC', () => {
  it('generates, reports and signs; only public keys and signatures come back', async () => {
    const { call } = desk();
    expect(await call('signing:status', null)).toEqual({ storage: 'none', keys: [] });
    const status = await call('signing:generate', { identity: 'ana@finance' });
    expect(status.storage).toBe('safe-storage');
    expect(JSON.stringify(status)).not.toMatch(/PRIVATE KEY|b3BlbnNzaC1rZXktdjE/);
    const data = new TextEncoder().encode('decisions\n');
    const armored = await call('signing:sign', { namespace: 'decision-export@review-desk', data });
    const signature = parseSshSig(armored);
    expect(signature.namespace).toBe('decision-export@review-desk');
    expect((await checkSshSig(signature, data)).ok).toBe(true);
  });

  it('imports an OpenSSH key and warns (storage plaintext) when there is no encryption', async () => {
    const { call } = desk(false);
    const status = await call('signing:import', { privateKeyText: KEY, identity: 'ana@finance' });
    expect(status.storage).toBe('plaintext');
    expect(status.keys[0]!.active).toBe(true);
  });

  it('says why an import failed, and why signing without a key fails', async () => {
    const { call } = desk();
    await expect(call('signing:import', { privateKeyText: 'hello', identity: 'ana' })).rejects.toThrow(
      /not an OpenSSH private key/,
    );
    await expect(
      call('signing:sign', { namespace: 'creditback-batch@review-desk', data: new Uint8Array(1) }),
    ).rejects.toThrow(/no signing key yet/);
  });

  it.each([
    ['another namespace (git)', { namespace: 'git', data: new Uint8Array(1) }],
    ['an empty namespace', { namespace: '', data: new Uint8Array(1) }],
    ['data as a number array', { namespace: 'creditback-batch@review-desk', data: [1, 2, 3] }],
    ['data as a string', { namespace: 'creditback-batch@review-desk', data: 'batch' }],
    ['data as an ArrayBuffer', { namespace: 'creditback-batch@review-desk', data: new ArrayBuffer(4) }],
    [
      'an extra hash key',
      { namespace: 'creditback-batch@review-desk', data: new Uint8Array(1), hash: 'sha1' },
    ],
  ])('refuses to sign %s', async (_what, payload) => {
    const { call } = desk();
    await call('signing:generate', { identity: 'ana@finance' });
    await expect(call('signing:sign', payload)).rejects.toThrow(/invalid request/);
  });

  it.each([
    ['a huge key text', { privateKeyText: 'x'.repeat(MAX_PRIVATE_KEY_TEXT + 1), identity: 'ana' }],
    ['a key text that is not text', { privateKeyText: new TextEncoder().encode(KEY), identity: 'ana' }],
    ['no identity', { privateKeyText: KEY }],
    ['an identity with a wildcard', { privateKeyText: KEY, identity: '*' }],
  ])('refuses to import %s', async (_what, payload) => {
    await expect(desk().call('signing:import', payload)).rejects.toThrow(/invalid request/);
  });

  it('refuses every signing call from a subframe or another webContents', async () => {
    const { call, window } = desk();
    const data = new Uint8Array(1);
    const hostile = [invokeEvent(window, subframeOf(window)), invokeEvent(fakeContents())];
    for (const from of hostile) {
      await expect(call('signing:generate', { identity: 'ana' }, from)).rejects.toThrow(
        /not the desk's main frame/,
      );
      await expect(
        call('signing:sign', { namespace: 'creditback-batch@review-desk', data }, from),
      ).rejects.toThrow(/not the desk's main frame/);
      await expect(call('signing:status', null, from)).rejects.toThrow(/not the desk's main frame/);
    }
    expect(await call('signing:status', null)).toEqual({ storage: 'none', keys: [] });
  });
});
