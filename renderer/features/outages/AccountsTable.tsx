import { useState } from 'react';
import { accountAt, type AccountTable } from '../../../shared/outages';
import { count } from './format';

const FIRST = 50;

export function AccountsTable({ accounts }: { accounts: AccountTable }) {
  const [all, setAll] = useState(false);
  const shown = Array.from({ length: all ? accounts.length : Math.min(FIRST, accounts.length) }, (_, i) =>
    accountAt(accounts, i),
  );
  return (
    <section className="card" aria-labelledby="accounts-title">
      <h2 className="card__title" id="accounts-title">
        Accounts affected ({count(accounts.length)})
      </h2>
      <div className="table-scroll outages-accounts">
        <table className="table" data-testid="affected-accounts">
          <thead>
            <tr>
              <th scope="col">Account</th>
              <th scope="col" className="num">
                Jobs
              </th>
              <th scope="col" className="num">
                Credits at stake
              </th>
              <th scope="col" className="num">
                Requested
              </th>
              <th scope="col" className="num">
                Restored
              </th>
              <th scope="col" className="num">
                Unrequested credits
              </th>
            </tr>
          </thead>
          <tbody>
            {shown.map((a) => (
              <tr key={a.accountEmail}>
                <td>{a.accountEmail}</td>
                <td className="num">{count(a.jobs)}</td>
                <td className="num">{count(a.creditsAtStake)}</td>
                <td className="num">{count(a.requested)}</td>
                <td className="num">{count(a.restored)}</td>
                <td className="num">{count(a.eligibleCredits)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {accounts.length > FIRST ? (
        <button type="button" className="link-button" onClick={() => setAll(!all)}>
          {all ? `Show the first ${FIRST}` : `Show all ${count(accounts.length)} accounts`}
        </button>
      ) : null}
    </section>
  );
}
