import { describe, expect, it } from 'vitest';
import { itemIdempotencyKey } from '@shared/export/item-key';
import { idempotencyKey } from '@shared/policy/idempotency';
import { sha256Hex } from '@shared/signing/bytes';
import { sha256BytesHexSync as sha256SyncHex } from '@shared/util/sha256';

describe('the synchronous SHA-256', () => {
  it('equals WebCrypto at every padding boundary and beyond one block', async () => {
    for (const length of [0, 1, 3, 55, 56, 57, 63, 64, 65, 119, 120, 128, 1000]) {
      const data = Uint8Array.from({ length }, (_, i) => (i * 31 + length) & 0xff);
      expect(sha256SyncHex(data), `length ${length}`).toBe(await sha256Hex(data));
    }
    expect(sha256SyncHex(new TextEncoder().encode('abc'))).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
  });

  it('gives the policy idempotency key, for any spelling of the email', async () => {
    for (const [email, job] of [
      ['User@Example.com', 'job_8f2'],
      [' Ünïcødé@Exämple.com ', 'job-ü-1'],
      ['a@b.c', ''],
    ] as const) {
      expect(itemIdempotencyKey(email, job)).toBe(await idempotencyKey(email, job));
    }
  });
});
