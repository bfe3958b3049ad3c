import { findAllowedSigner, type AllowedSigners } from './allowed-signers';
import { ed25519Fingerprint } from './public-key';
import { checkSshSig, parseSshSig, SshSigFormatError } from './sshsig';

/** One step of a verification, shown to the user as is. */
export interface VerificationCheck {
  name: string;
  ok: boolean;
  message: string;
  /** The check could not apply (e.g. no previous batch given); `ok` stays true. */
  skipped?: boolean;
}

export interface SignatureVerification {
  /** signature, signer, namespace: in the order the spec lists them. */
  checks: VerificationCheck[];
  valid: boolean;
  fingerprint: string | null;
  /** The allowed_signers principal that vouches for the key, when one does. */
  principal: string | null;
}

export interface VerifySignatureInput {
  data: Uint8Array;
  signatureText: string;
  allowedSigners: AllowedSigners;
  namespace: string;
  /** ssh-keygen's -I; null accepts any principal listed with the key (like find-principals). */
  identity: string | null;
  now?: Date;
}

/** What `ssh-keygen -Y verify` decides, split into the three checks the desk shows. */
export async function verifySshSignature(input: VerifySignatureInput): Promise<SignatureVerification> {
  let parsed;
  try {
    parsed = parseSshSig(input.signatureText);
  } catch (error) {
    if (!(error instanceof SshSigFormatError)) throw error;
    return failedEarly(`signature unreadable: ${error.message}`);
  }
  const crypto = await checkSshSig(parsed, input.data);
  const fingerprint = crypto.publicKey ? await ed25519Fingerprint(crypto.publicKey) : null;
  const checks: VerificationCheck[] = [];
  checks.push(
    crypto.ok
      ? {
          name: 'signature',
          ok: true,
          message: `valid Ed25519 signature (${crypto.hash}) by key ${fingerprint}`,
        }
      : { name: 'signature', ok: false, message: crypto.message },
  );

  let principal: string | null = null;
  let namespaceAllowedByFile = true;
  if (!crypto.publicKey) {
    checks.push({
      name: 'signer',
      ok: false,
      message: 'no Ed25519 signing key to look up in allowed_signers',
    });
  } else {
    const found = findAllowedSigner(input.allowedSigners.signers, {
      identity: input.identity,
      namespace: input.namespace,
      publicKey: crypto.publicKey,
      ...(input.now ? { now: input.now } : {}),
    });
    if (found.ok) {
      principal = found.principal;
      checks.push({
        name: 'signer',
        ok: true,
        message: `signed by ${found.principal} (allowed_signers line ${found.signer.line})`,
      });
    } else {
      namespaceAllowedByFile = found.reason !== 'namespace_not_allowed';
      checks.push({ name: 'signer', ok: false, message: signerMessage(found.reason, fingerprint!, input) });
    }
  }

  if (parsed.namespace !== input.namespace) {
    checks.push({
      name: 'namespace',
      ok: false,
      message: `the signature is for namespace "${parsed.namespace}", expected "${input.namespace}": it was made for another kind of file`,
    });
  } else if (!namespaceAllowedByFile) {
    checks.push({
      name: 'namespace',
      ok: false,
      message: `allowed_signers does not allow key ${fingerprint} to sign namespace "${input.namespace}"`,
    });
  } else {
    checks.push({ name: 'namespace', ok: true, message: `namespace "${input.namespace}"` });
  }
  return { checks, valid: checks.every((c) => c.ok), fingerprint, principal };
}

function signerMessage(reason: string, fingerprint: string, input: VerifySignatureInput): string {
  const problems = input.allowedSigners.problems.length
    ? ` (${input.allowedSigners.problems.length} unreadable allowed_signers line(s) skipped: ${input.allowedSigners.problems
        .map((p) => `line ${p.line}: ${p.message}`)
        .join('; ')})`
    : '';
  switch (reason) {
    case 'identity_not_listed':
      return `key ${fingerprint} is in allowed_signers, but not for identity "${input.identity}"${problems}`;
    case 'namespace_not_allowed':
      return `key ${fingerprint} is in allowed_signers, but its namespaces option excludes "${input.namespace}"`;
    case 'expired':
      return `key ${fingerprint} is in allowed_signers, but its valid-before date has passed`;
    case 'not_yet_valid':
      return `key ${fingerprint} is in allowed_signers, but its valid-after date has not come yet`;
    default:
      return input.identity === null
        ? `the signing key ${fingerprint} is not in allowed_signers${problems}`
        : `the signer "${input.identity}" with key ${fingerprint} is not in allowed_signers${problems}`;
  }
}

function failedEarly(message: string): SignatureVerification {
  return {
    checks: [
      { name: 'signature', ok: false, message },
      { name: 'signer', ok: false, message: 'not checked: the signature could not be read' },
      { name: 'namespace', ok: false, message: 'not checked: the signature could not be read' },
    ],
    valid: false,
    fingerprint: null,
    principal: null,
  };
}
