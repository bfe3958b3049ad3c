import type { PublicKeyInfo } from '../../../shared/bridge/desktop-api';
import { allowedSignersLine, parseOpenSshPublicKeyLine } from '../../../shared/signing';
import { KeysCopyLine } from './KeysCopyLine';

/** `<identity> ssh-ed25519 AAAA…`: the line the billing team adds to its allowed_signers file. */
export function allowedSignersLineFor(key: PublicKeyInfo): string {
  const raw = parseOpenSshPublicKeyLine(key.openssh).ed25519;
  if (!raw) throw new Error(`not an Ed25519 key: ${key.openssh}`);
  return allowedSignersLine(key.identity, raw);
}

export function KeysPublicKey({ keyInfo }: { keyInfo: PublicKeyInfo }) {
  return (
    <div className="keys-public">
      <p className="keys-public__meta">
        <span className="badge badge--accent">Active</span> <strong>{keyInfo.identity}</strong>{' '}
        <code data-testid="active-key-fingerprint">{keyInfo.fingerprint}</code>{' '}
        <span className="keys-public__date">since {new Date(keyInfo.createdAt).toLocaleString()}</span>
      </p>
      <KeysCopyLine
        label="OpenSSH public key"
        value={keyInfo.openssh}
        testId="public-key-openssh"
        hint="The .pub line, for ssh-keygen -Y check-novalidate or your own records."
      />
      <KeysCopyLine
        label="allowed_signers line"
        value={allowedSignersLineFor(keyInfo)}
        testId="public-key-allowed-signers"
        hint="Hand this line to the billing team: their allowed_signers file decides whose batches they accept."
      />
    </div>
  );
}
