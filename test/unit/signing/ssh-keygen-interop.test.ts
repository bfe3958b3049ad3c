import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  allowedSignersLine,
  armorSshSig,
  decodeBase64,
  ed25519Fingerprint,
  generateEd25519KeyPair,
  openSshPublicKeyLine,
  parseAllowedSigners,
  parseOpenSshPrivateKey,
  serializeOpenSshPrivateKey,
  signSshSig,
  utf8,
  verifySshSignature,
  webCryptoSigner,
  type Ed25519Signer,
} from '@shared/signing';
import { keygenEd25519, keygenSign, keygenVerify, sshKeygen, TempDir } from './ssh-keygen-tool';

const NAMESPACE = 'creditback-batch@review-desk';
const IDENTITY = 'ana@finance';
const DATA = utf8('{\n  "format": "review-desk/creditback-batch@1"\n}\n');

let dir: TempDir;
let keygenKey: { privatePath: string; privateText: string; publicLine: string };
let deskSigner: Ed25519Signer;
let deskAllowed: string;

beforeAll(async () => {
  dir = new TempDir();
  keygenKey = keygenEd25519(dir, 'id_ed25519', IDENTITY);
  const pair = await generateEd25519KeyPair();
  deskSigner = webCryptoSigner(pair.privateKey, pair.publicKey);
  deskAllowed = `${allowedSignersLine(IDENTITY, pair.publicKey)}\n`;
});

afterAll(() => dir.remove());

function flipLastByteOfSignature(armored: string): string {
  const body = armored
    .split('\n')
    .filter((l) => l && !l.startsWith('-----'))
    .join('');
  const blob = decodeBase64(body);
  blob[blob.length - 1]! ^= 0x01;
  return armorSshSig(blob);
}

async function deskVerify(data: Uint8Array, signatureText: string, allowed: string, namespace = NAMESPACE) {
  return verifySshSignature({
    data,
    signatureText,
    allowedSigners: parseAllowedSigners(allowed),
    namespace,
    identity: IDENTITY,
  });
}

describe('ssh-keygen accepts what the desk signs', () => {
  it('verifies a desk signature made with a generated key', async () => {
    const signature = await signSshSig(DATA, NAMESPACE, deskSigner);
    const result = keygenVerify(dir, {
      allowedSigners: deskAllowed,
      identity: IDENTITY,
      namespace: NAMESPACE,
      signature,
      data: DATA,
    });
    expect(result.stdout + result.stderr).toContain(`Good "${NAMESPACE}" signature for ${IDENTITY}`);
    expect(result.status).toBe(0);
  });

  it('writes byte-for-byte the signature ssh-keygen writes for the same key (Ed25519 is deterministic)', async () => {
    const imported = await parseOpenSshPrivateKey(keygenKey.privateText);
    const ours = await signSshSig(DATA, NAMESPACE, webCryptoSigner(imported.privateKey, imported.publicKey));
    expect(ours).toBe(keygenSign(dir, keygenKey.privatePath, NAMESPACE, DATA));
  });

  it('signs batches with an imported ssh-keygen key that ssh-keygen verifies against its .pub', async () => {
    const imported = await parseOpenSshPrivateKey(keygenKey.privateText);
    const signature = await signSshSig(
      DATA,
      NAMESPACE,
      webCryptoSigner(imported.privateKey, imported.publicKey),
    );
    const allowed = `${IDENTITY} ${keygenKey.publicLine}\n`;
    const result = keygenVerify(dir, {
      allowedSigners: allowed,
      identity: IDENTITY,
      namespace: NAMESPACE,
      signature,
      data: DATA,
    });
    expect(result.status).toBe(0);
    expect(imported.comment).toBe(IDENTITY);
    expect(openSshPublicKeyLine(imported.publicKey, IDENTITY)).toBe(keygenKey.publicLine);
  });
});

describe('the desk accepts what ssh-keygen signs', () => {
  it('verifies ssh-keygen -Y sign output against the .pub in allowed_signers', async () => {
    const signature = keygenSign(dir, keygenKey.privatePath, NAMESPACE, DATA);
    const result = await deskVerify(DATA, signature, `${IDENTITY} ${keygenKey.publicLine}\n`);
    expect(result.checks.map((c) => [c.name, c.ok])).toEqual([
      ['signature', true],
      ['signer', true],
      ['namespace', true],
    ]);
    expect(result.valid).toBe(true);
  });
});

describe('both reject tampering and wrong trust', () => {
  let signature: string;
  beforeAll(async () => {
    signature = await signSshSig(DATA, NAMESPACE, deskSigner);
  });

  async function bothReject(opts: {
    data?: Uint8Array;
    signature?: string;
    allowed?: string;
    namespace?: string;
  }) {
    const data = opts.data ?? DATA;
    const sig = opts.signature ?? signature;
    const allowed = opts.allowed ?? deskAllowed;
    const namespace = opts.namespace ?? NAMESPACE;
    const keygen = keygenVerify(dir, {
      allowedSigners: allowed,
      identity: IDENTITY,
      namespace,
      signature: sig,
      data,
    });
    const desk = await deskVerify(data, sig, allowed, namespace);
    expect(keygen.status, keygen.stderr).not.toBe(0);
    expect(desk.valid).toBe(false);
    return desk;
  }

  it('the untouched file passes both (control)', async () => {
    expect(
      keygenVerify(dir, {
        allowedSigners: deskAllowed,
        identity: IDENTITY,
        namespace: NAMESPACE,
        signature,
        data: DATA,
      }).status,
    ).toBe(0);
    expect((await deskVerify(DATA, signature, deskAllowed)).valid).toBe(true);
  });

  it('a single flipped byte in the file', async () => {
    const data = new Uint8Array(DATA);
    data[10]! ^= 0x20;
    const desk = await bothReject({ data });
    expect(desk.checks[0]).toMatchObject({ name: 'signature', ok: false });
    expect(desk.checks[0]!.message).toMatch(/does not match the file/);
  });

  it('a single flipped byte in the signature', async () => {
    const desk = await bothReject({ signature: flipLastByteOfSignature(signature) });
    expect(desk.checks[0]!.message).toMatch(/does not match the file/);
  });

  it('a wrong namespace', async () => {
    const desk = await bothReject({ namespace: 'decision-export@review-desk' });
    expect(desk.checks.find((c) => c.name === 'namespace')).toMatchObject({ ok: false });
    expect(desk.checks.find((c) => c.name === 'namespace')!.message).toMatch(
      /namespace "creditback-batch@review-desk", expected "decision-export@review-desk"/,
    );
  });

  it('a signer missing from allowed_signers', async () => {
    const desk = await bothReject({ allowed: `${IDENTITY} ${keygenKey.publicLine}\n` });
    expect(desk.checks.find((c) => c.name === 'signer')!.message).toMatch(/is not in allowed_signers/);
  });

  it('the key listed for another identity', async () => {
    const desk = await bothReject({ allowed: deskAllowed.replace(IDENTITY, 'bob@finance') });
    expect(desk.checks.find((c) => c.name === 'signer')!.message).toMatch(/not for identity "ana@finance"/);
  });

  it('a namespaces option that excludes the namespace', async () => {
    const allowed = deskAllowed.replace(
      `${IDENTITY} `,
      `${IDENTITY} namespaces="decision-export@review-desk" `,
    );
    const desk = await bothReject({ allowed });
    expect(desk.checks.find((c) => c.name === 'namespace')!.message).toMatch(/does not allow key/);
  });
});

describe('keys', () => {
  it('fingerprints equal ssh-keygen -lf', async () => {
    const imported = await parseOpenSshPrivateKey(keygenKey.privateText);
    const printed = sshKeygen(['-lf', `${keygenKey.privatePath}.pub`]).stdout.split(' ')[1];
    expect(await ed25519Fingerprint(imported.publicKey)).toBe(printed);
  });

  it('a desk-made private key file is read by ssh-keygen and signs like the desk', async () => {
    const pair = await generateEd25519KeyPair({ extractable: true, comment: 'desk@finance' });
    const text = await serializeOpenSshPrivateKey(pair);
    const path = dir.file('desk_key', text);
    const derived = sshKeygen(['-y', '-f', path]);
    expect(derived.status).toBe(0);
    expect(derived.stdout.trim()).toBe(openSshPublicKeyLine(pair.publicKey, 'desk@finance'));
    const ours = await signSshSig(DATA, NAMESPACE, webCryptoSigner(pair.privateKey, pair.publicKey));
    expect(keygenSign(dir, path, NAMESPACE, DATA)).toBe(ours);
  });

  it('serializes an ssh-keygen key back to the same file given its check integer', async () => {
    const imported = await parseOpenSshPrivateKey(keygenKey.privateText, { extractable: true });
    const body = keygenKey.privateText
      .split('\n')
      .filter((l) => l && !l.startsWith('-----'))
      .join('');
    const blob = decodeBase64(body);
    // The check integer sits right after the public key in the container; reuse it to compare bytes.
    const sectionStart = 15 + 4 + 4 + 4 + 4 + 4 + 4 + 4 + 51 + 4;
    const checkInt = new DataView(blob.buffer).getUint32(sectionStart);
    expect(await serializeOpenSshPrivateKey(imported, checkInt)).toBe(keygenKey.privateText);
  });
});
