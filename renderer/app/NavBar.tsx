import type { ReactNode } from 'react';
import { AuditIcon, ExportIcon, ImportIcon, OutageIcon, ReviewIcon, SettingsIcon } from '../components/icons';
import { PAGES, type PageId } from './routes';
import { useUiStore } from './ui-store';

const ICONS: Record<PageId, ReactNode> = {
  import: <ImportIcon />,
  review: <ReviewIcon />,
  outages: <OutageIcon />,
  exports: <ExportIcon />,
  audit: <AuditIcon />,
  settings: <SettingsIcon />,
};

export function NavBar() {
  const page = useUiStore((s) => s.page);
  const goTo = useUiStore((s) => s.goTo);
  return (
    <nav className="nav" aria-label="Pages">
      <ul>
        {PAGES.map((p) => (
          <li key={p.id}>
            <a
              href={`#/${p.id}`}
              className={p.id === page ? 'nav__link nav__link--active' : 'nav__link'}
              aria-current={p.id === page ? 'page' : undefined}
              title={p.hint}
              onClick={(event) => {
                event.preventDefault();
                goTo(p.id);
              }}
            >
              <span className="nav__icon" aria-hidden="true">
                {ICONS[p.id]}
              </span>
              {p.label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
