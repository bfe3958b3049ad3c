import { useLiveQuery } from 'dexie-react-hooks';
import { EmptyState } from '../../components/EmptyState';
import { AuditIcon } from '../../components/icons';
import { PageHeader } from '../../components/PageHeader';
import { db } from '../../data/db';
import { AuditLogTable } from './AuditLogTable';
import { VerifyExportPanel } from './VerifyExportPanel';

export function AuditPage() {
  const count = useLiveQuery(() => db.audit.count(), []);
  return (
    <>
      <PageHeader
        title="Audit"
        subtitle="Every import, decision, approval, export and settings change, hash-chained."
      />
      <div className="stack">
        {count === undefined ? (
          <p className="muted" role="status">
            Loading the audit log…
          </p>
        ) : count === 0 ? (
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
        ) : (
          <AuditLogTable />
        )}
        <VerifyExportPanel />
      </div>
    </>
  );
}
