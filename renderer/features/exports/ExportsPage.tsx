import { EmptyState } from '../../components/EmptyState';
import { ExportIcon } from '../../components/icons';
import { PageHeader } from '../../components/PageHeader';
import { useUiStore } from '../../app/ui-store';

export function ExportsPage() {
  const goTo = useUiStore((s) => s.goTo);
  return (
    <>
      <PageHeader
        title="Exports"
        subtitle="Signed credit-back batches for the billing system, and what it applied."
      />
      <EmptyState
        icon={<ExportIcon />}
        title="Nothing to export yet"
        action={
          <button type="button" className="button button--primary" onClick={() => goTo('review')}>
            Go to Review
          </button>
        }
      >
        <p>
          Approved credit-backs and re-runs that have not been exported will be listed here with their totals,
          ready to leave the desk as a signed batch file that anyone can check with <code>ssh-keygen</code>.
        </p>
        <p>Decide requests on the Review page, and set up your signing key in Settings.</p>
      </EmptyState>
    </>
  );
}
