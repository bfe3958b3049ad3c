import { PageHeader } from '../../components/PageHeader';
import { IdentityForm } from './IdentityForm';
import { KeysPanel } from './KeysPanel';
import { PolicySettingsPanel } from './PolicySettingsPanel';

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
        <PolicySettingsPanel />
      </div>
    </>
  );
}
