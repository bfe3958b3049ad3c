import './exports.css';
import { EmptyState } from '../../components/EmptyState';
import { ExportIcon } from '../../components/icons';
import { PageHeader } from '../../components/PageHeader';
import { useUiStore } from '../../app/ui-store';
import { useExportBatches, useExportPlan } from '../../data/exports';
import { ExportsBatchList } from './ExportsBatchList';
import { ExportsDecisionExport } from './ExportsDecisionExport';
import { ExportsNextBatch } from './ExportsNextBatch';
import { ExportsNotExportable } from './ExportsNotExportable';
import { useSigner } from './use-signer';

export function ExportsPage() {
  const goTo = useUiStore((s) => s.goTo);
  const signer = useSigner();
  const live = useExportPlan(signer?.ready ? signer.signer : null);
  const plan = live?.plan;
  const batches = useExportBatches();
  const nothing =
    plan !== undefined &&
    batches !== undefined &&
    plan.items.length === 0 &&
    plan.blocked.length + plan.alreadyExported.length + plan.invalid.length + plan.deferred.length === 0 &&
    batches.length === 0;

  return (
    <>
      <PageHeader
        title="Exports"
        subtitle="Signed credit-back batches for the billing system, and what it applied."
      />
      {nothing ? (
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
            Approved credit-backs and re-runs that have not been exported will be listed here with their
            totals, ready to leave the desk as a signed batch file that anyone can check with{' '}
            <code>ssh-keygen</code>.
          </p>
          <p>Decide requests on the Review page, and set up your signing key in Settings.</p>
          {signer && !signer.ready ? <p className="exports-blocker">{signer.reason}</p> : null}
        </EmptyState>
      ) : (
        <div className="stack">
          {live ? <ExportsNextBatch live={live} signer={signer} /> : <p aria-busy="true">Loading…</p>}
          {plan ? <ExportsNotExportable plan={plan} /> : null}
          <ExportsBatchList />
        </div>
      )}
      <div className="stack exports-section">
        <ExportsDecisionExport signer={signer} />
      </div>
    </>
  );
}
