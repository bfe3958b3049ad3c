import {
  allowedSignersLine,
  ed25519Fingerprint,
  generateEd25519KeyPair,
  webCryptoSigner,
} from '@shared/signing';
import type { ExportableDecision } from '@shared/export/build-batch';
import { sshSigSigner, type ArmoredSigner } from '@shared/export/signed-files';

export const SETTINGS_SHA = 'a'.repeat(64);
export const CREATED_AT = new Date('2026-11-25T21:40:00.000Z');

export function decision(overrides: Partial<ExportableDecision> = {}): ExportableDecision {
  return {
    requestId: 'REQ-1042',
    outcome: 'credit_back',
    accountEmail: 'User@Example.com',
    jobId: 'job_8f2',
    credits: 40,
    decidedBy: 'ana@finance',
    approvedBy: null,
    decidedAt: '2026-11-25T20:11:09Z',
    rule: 9,
    reason: 'platform_failure',
    fourEyes: false,
    ...overrides,
  };
}

export interface TestReviewer {
  identity: string;
  fingerprint: string;
  allowedSigners: string;
  sign: ArmoredSigner;
}

export async function reviewer(identity = 'ana@finance'): Promise<TestReviewer> {
  const pair = await generateEd25519KeyPair();
  return {
    identity,
    fingerprint: await ed25519Fingerprint(pair.publicKey),
    allowedSigners: `${allowedSignersLine(identity, pair.publicKey)}\n`,
    sign: sshSigSigner(webCryptoSigner(pair.privateKey, pair.publicKey)),
  };
}
