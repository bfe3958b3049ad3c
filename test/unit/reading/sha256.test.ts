import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Sha256 } from '@shared/reading/index';
import { splitBytes } from './helpers';

describe('incremental SHA-256', () => {
  it('matches the known vectors', () => {
    const hex = (text: string) => new Sha256().update(new TextEncoder().encode(text)).hex();
    expect(hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(hex('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')).toBe(
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    );
  });

  it('equals node:crypto for any bytes cut anywhere', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 400 }),
        fc.array(fc.integer({ min: 1, max: 130 }), { minLength: 1 }),
        (bytes, sizes) => {
          const hash = new Sha256();
          for (const part of splitBytes(bytes, sizes)) hash.update(part);
          expect(hash.hex()).toBe(createHash('sha256').update(bytes).digest('hex'));
        },
      ),
    );
  });
});
