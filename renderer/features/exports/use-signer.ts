import type { BatchSigner } from '../../../shared/export';
import { useReviewerIdentity } from '../../data/reviewer';
import { useKeyStatus } from '../settings/KeysStatus';

export type SignerState =
  | { ready: true; signer: BatchSigner; identity: string }
  | { ready: false; reason: string; identity: string | null };

/** Who signs: the reviewer, with an active key registered under the same identity. */
export function useSigner(): SignerState | undefined {
  const identity = useReviewerIdentity();
  const { status, error } = useKeyStatus();
  if (identity === undefined) return undefined;
  if (identity === null)
    return { ready: false, identity, reason: 'Set your reviewer identity in Settings first.' };
  if (error) return { ready: false, identity, reason: `The signing key could not be read: ${error}` };
  if (status === undefined) return undefined;
  const active = status.keys.find((k) => k.active);
  if (!active)
    return { ready: false, identity, reason: 'Generate or import a signing key in Settings → Keys first.' };
  if (active.identity !== identity) {
    return {
      ready: false,
      identity,
      reason: `Your active key is registered as ${active.identity}, not ${identity}: set up a key for ${identity} in Settings → Keys.`,
    };
  }
  return { ready: true, identity, signer: { identity: active.identity, key: active.fingerprint } };
}
