import { PageHeader } from '../../components/PageHeader';
import { IdentityForm } from './IdentityForm';
import { KeysPanel } from './KeysPanel';

export function SettingsPage() {
  return (
    <>
      <PageHeader
        title="Settings"
        subtitle="Who you are in the audit log, your signing key, and the policy settings."
      />
      <div className="stack">
        <IdentityForm />
        <KeysPanel />
      </div>
    </>
  );
}
