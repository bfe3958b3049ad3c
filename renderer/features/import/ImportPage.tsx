import { EmptyState } from '../../components/EmptyState';
import { ImportIcon } from '../../components/icons';
import { PageHeader } from '../../components/PageHeader';

export function ImportPage() {
  return (
    <>
      <PageHeader
        title="Import"
        subtitle="Bring the exported files into the desk. Everything stays on this computer."
      />
      <EmptyState icon={<ImportIcon />} title="No files imported yet">
        <p>
          Each import will be listed here with its file, kind, row counts and problems, and can be undone.
        </p>
        <p>
          Start with the <strong>job log</strong> and the <strong>credit ledger</strong>, then the Stripe{' '}
          <strong>payments</strong> export, the support <strong>requests</strong> and any{' '}
          <strong>outage</strong> reports. CSV files (and Statuspage <code>incidents.json</code>) are read on
          this computer.
        </p>
      </EmptyState>
    </>
  );
}
