import type { ComponentType } from 'react';
import { AuditPage } from '../features/audit/AuditPage';
import { ExportsPage } from '../features/exports/ExportsPage';
import { ImportPage } from '../features/import/ImportPage';
import { OutagesPage } from '../features/outages/OutagesPage';
import { ReviewPage } from '../features/review/ReviewPage';
import { SettingsPage } from '../features/settings/SettingsPage';
import { NavBar } from './NavBar';
import type { PageId } from './routes';
import { TopBar } from './TopBar';
import { useUiStore } from './ui-store';

const PAGE_COMPONENTS: Record<PageId, ComponentType> = {
  import: ImportPage,
  review: ReviewPage,
  outages: OutagesPage,
  exports: ExportsPage,
  audit: AuditPage,
  settings: SettingsPage,
};

export function App() {
  const page = useUiStore((s) => s.page);
  const Page = PAGE_COMPONENTS[page];
  return (
    <div className="app">
      <TopBar />
      <div className="app__body">
        <NavBar />
        <main className="app__main" id="main" data-page={page}>
          <Page />
        </main>
      </div>
    </div>
  );
}
