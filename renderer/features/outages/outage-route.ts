import { useSyncExternalStore } from 'react';

/** `#/outages/<incident id>` opens an incident; the id is URI-encoded so any Statuspage id fits. */
export function incidentFromHash(hash: string): string | null {
  const match = /^#\/?outages\/(.+)$/.exec(hash);
  if (!match?.[1]) return null;
  try {
    return decodeURIComponent(match[1]);
  } catch {
    return null;
  }
}

export function incidentHash(incidentId: string | null): string {
  return incidentId === null ? '#/outages' : `#/outages/${encodeURIComponent(incidentId)}`;
}

export function useIncidentRoute(): string | null {
  return useSyncExternalStore(
    (listener) => {
      window.addEventListener('hashchange', listener);
      return () => window.removeEventListener('hashchange', listener);
    },
    () => incidentFromHash(window.location.hash),
  );
}

export function openIncident(incidentId: string | null): void {
  window.location.hash = incidentHash(incidentId);
}
