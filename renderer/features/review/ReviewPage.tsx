import { EmptyState } from '../../components/EmptyState';
import { ReviewIcon } from '../../components/icons';
import { PageHeader } from '../../components/PageHeader';
import { useUiStore } from '../../app/ui-store';

export function ReviewPage() {
  const goTo = useUiStore((s) => s.goTo);
  return (
    <>
      <PageHeader
        title="Review"
        subtitle="Credit-back requests, each with the policy’s suggested outcome and its evidence."
      />
      <EmptyState
        icon={<ReviewIcon />}
        title="No requests to review"
        action={
          <button type="button" className="button button--primary" onClick={() => goTo('import')}>
            Go to Import
          </button>
        }
      >
        <p>
          The review queue lists every support request matched to the generation it is about, with the outcome
          the billing policy suggests: credit-back, re-run, denial or a question for the customer.
        </p>
        <p>Import a support requests file together with the job log and the credit ledger to fill it.</p>
      </EmptyState>
    </>
  );
}
