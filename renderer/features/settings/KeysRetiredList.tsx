import type { PublicKeyInfo } from '../../../shared/bridge/desktop-api';
import { allowedSignersLineFor } from './KeysPublicKey';

/** Keys replaced by a newer one: still listed, since files they signed must keep verifying. */
export function KeysRetiredList({ keys }: { keys: PublicKeyInfo[] }) {
  if (keys.length === 0) return null;
  return (
    <details className="keys-retired">
      <summary>
        {keys.length} retired key{keys.length === 1 ? '' : 's'}, kept for verifying older files
      </summary>
      <table className="table" aria-label="Retired keys">
        <thead>
          <tr>
            <th scope="col">Identity</th>
            <th scope="col">Fingerprint</th>
            <th scope="col">Created</th>
            <th scope="col">allowed_signers line</th>
          </tr>
        </thead>
        <tbody>
          {keys.map((key) => (
            <tr key={key.fingerprint}>
              <td>{key.identity}</td>
              <td>
                <code>{key.fingerprint}</code>
              </td>
              <td>{new Date(key.createdAt).toLocaleString()}</td>
              <td>
                <code className="keys-retired__line">{allowedSignersLineFor(key)}</code>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
