import { describe, expect, it } from 'vitest';
import {
  allowedSignersLine,
  findAllowedSigner,
  generateEd25519KeyPair,
  matchPatternList,
  openSshPublicKeyLine,
  parseAllowedSigners,
} from '@shared/signing';

describe('OpenSSH patterns', () => {
  it('matches * and ? and honours negation in lists', () => {
    expect(matchPatternList('ana@finance', '*@finance')).toBe(true);
    expect(matchPatternList('ana@finance', 'a?a@finance')).toBe(true);
    expect(matchPatternList('ana@finance', 'bob@finance,ana@*')).toBe(true);
    expect(matchPatternList('ana@finance', '*@finance,!ana@finance')).toBe(false);
    expect(matchPatternList('ana@finance', 'an@finance')).toBe(false);
    expect(matchPatternList('ana@finance.evil', '*@finance')).toBe(false);
  });
});

describe('allowed_signers', () => {
  it('parses principals, options and keys, skipping comments and blank lines, and reports bad lines', async () => {
    const { publicKey } = await generateEd25519KeyPair();
    const key = openSshPublicKeyLine(publicKey);
    const text = [
      '# billing team',
      '',
      `ana@finance,bob@finance ${key} laptop`,
      `"carol finance" namespaces="creditback-batch@review-desk,decision-*",valid-after="20260101" ${key}`,
      `*@audit cert-authority ${key}`,
      `dave@finance bogus-option ${key}`,
      'eve@finance ssh-ed25519 !!!notbase64',
      `frank@finance valid-before="2025-01-01" ${key}`,
    ].join('\n');
    const { signers, problems } = parseAllowedSigners(text);
    expect(signers.map((s) => [s.line, s.principals, s.namespaces, s.certAuthority, s.comment])).toEqual([
      [3, 'ana@finance,bob@finance', null, false, 'laptop'],
      [4, 'carol finance', 'creditback-batch@review-desk,decision-*', false, ''],
      [5, '*@audit', null, true, ''],
    ]);
    expect(signers[1]!.validAfter?.getFullYear()).toBe(2026);
    expect(problems.map((p) => p.line)).toEqual([6, 7, 8]);
    expect(problems[0]!.message).toMatch(/unknown option bogus-option/);
    expect(problems[1]!.message).toMatch(/base64/);
    expect(problems[2]!.message).toMatch(/invalid time/);
  });

  it('finds the signer like ssh-keygen: key, identity, namespace, validity; never a CA line', async () => {
    const { publicKey } = await generateEd25519KeyPair();
    const other = (await generateEd25519KeyPair()).publicKey;
    const { signers } = parseAllowedSigners(
      [
        allowedSignersLine('ana@finance', publicKey, { namespaces: ['creditback-batch@review-desk'] }),
        `*@audit cert-authority ${openSshPublicKeyLine(publicKey)}`,
        `old@finance valid-before="20200101Z" ${openSshPublicKeyLine(publicKey)}`,
      ].join('\n'),
    );
    const look = (identity: string | null, namespace: string, key = publicKey) =>
      findAllowedSigner(signers, {
        identity,
        namespace,
        publicKey: key,
        now: new Date('2026-11-25T00:00:00Z'),
      });
    expect(look('ana@finance', 'creditback-batch@review-desk')).toMatchObject({
      ok: true,
      principal: 'ana@finance',
    });
    expect(look(null, 'creditback-batch@review-desk')).toMatchObject({ ok: true, principal: 'ana@finance' });
    expect(look('ana@finance', 'decision-export@review-desk')).toEqual({
      ok: false,
      reason: 'namespace_not_allowed',
    });
    expect(look('x@audit', 'creditback-batch@review-desk')).toEqual({
      ok: false,
      reason: 'identity_not_listed',
    });
    expect(look('old@finance', 'creditback-batch@review-desk')).toEqual({ ok: false, reason: 'expired' });
    expect(look('ana@finance', 'creditback-batch@review-desk', other)).toEqual({
      ok: false,
      reason: 'key_not_listed',
    });
  });

  it('writes the line the billing team pastes', async () => {
    const { publicKey } = await generateEd25519KeyPair();
    const base64 = openSshPublicKeyLine(publicKey).split(' ')[1];
    expect(allowedSignersLine('ana@finance', publicKey)).toBe(`ana@finance ssh-ed25519 ${base64}`);
    expect(() => allowedSignersLine('', publicKey)).toThrow(/identity/);
  });
});
