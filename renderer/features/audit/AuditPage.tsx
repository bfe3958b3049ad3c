import { EmptyState } from '../../components/EmptyState';
import { AuditIcon } from '../../components/icons';
import { PageHeader } from '../../components/PageHeader';

export function AuditPage() {
  return (
    <>
      <PageHeader
        title="Audit"
        subtitle="Every import, decision, approval, export and settings change, hash-chained."
      />
      <EmptyState icon={<AuditIcon />} title="The audit log is empty">
        <p>
          Each action taken in the desk will be recorded here with who did it, when, and what changed. The
          chain of hashes shows whether any entry was altered afterwards.
        </p>
        <p>
          Entries appear as soon as you import a file. Exported batches and decision files can be verified
          here.
        </p>
      </EmptyState>
    </>
  );
}
