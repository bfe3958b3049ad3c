import { EmptyState } from '../../components/EmptyState';
import { OutageIcon } from '../../components/icons';
import { PageHeader } from '../../components/PageHeader';
import { useUiStore } from '../../app/ui-store';

export function OutagesPage() {
  const goTo = useUiStore((s) => s.goTo);
  return (
    <>
      <PageHeader
        title="Outages"
        subtitle="Failed generations against incident windows, for support leads."
      />
      <EmptyState
        icon={<OutageIcon />}
        title="No outages or failures yet"
        action={
          <button type="button" className="button button--primary" onClick={() => goTo('import')}>
            Go to Import
          </button>
        }
      >
        <p>
          A chart of job failures per hour will appear here, with incident windows drawn over it, and each
          incident’s affected jobs, accounts and credits at stake.
        </p>
        <p>Import a job log and an outage report (CSV or Statuspage incidents.json) first.</p>
      </EmptyState>
    </>
  );
}
