import { signSshSig } from '../signing/sshsig';
import type { Ed25519Signer } from '../signing/signer';
import { utf8 } from '../signing/bytes';
import {
  BATCH_NAMESPACE,
  batchFileName,
  serializeBatch,
  signatureFileName,
  type CreditbackBatch,
} from './batch-format';

/**
 * Produces an armored SSHSIG for `data` in `namespace`. The desktop app passes its IPC call
 * (the key stays in the main process); elsewhere `sshSigSigner` wraps a local key.
 */
export type ArmoredSigner = (namespace: string, data: Uint8Array) => Promise<string>;

export function sshSigSigner(signer: Ed25519Signer): ArmoredSigner {
  return (namespace, data) => signSshSig(data, namespace, signer);
}

export interface SignedFile {
  fileName: string;
  /** UTF-8 bytes, exactly as signed. */
  bytes: Uint8Array;
  signatureFileName: string;
  signature: string;
}

export async function signBatch(batch: CreditbackBatch, sign: ArmoredSigner): Promise<SignedFile> {
  const fileName = batchFileName(batch.batch_id);
  const bytes = utf8(serializeBatch(batch));
  return {
    fileName,
    bytes,
    signatureFileName: signatureFileName(fileName),
    signature: await sign(BATCH_NAMESPACE, bytes),
  };
}
