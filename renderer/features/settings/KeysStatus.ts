import { useEffect, useSyncExternalStore } from 'react';
import type { KeyStatus } from '../../../shared/bridge/desktop-api';
import { desktop } from '../../bridge';

/**
 * The host's key status, shared by Settings and Exports. It lives in the host (main process or
 * IndexedDB keyring), not in Dexie, so it is fetched and re-fetched after each change.
 */
let current: KeyStatus | undefined;
let failure: string | null = null;
const listeners = new Set<() => void>();

function publish() {
  for (const listener of listeners) listener();
}

export async function refreshKeyStatus(): Promise<KeyStatus | undefined> {
  try {
    current = await desktop.signing.status();
    failure = null;
  } catch (error) {
    failure = (error as Error).message;
  }
  publish();
  return current;
}

/** Records the status a signing call returned, without asking the host again. */
export function setKeyStatus(status: KeyStatus): void {
  current = status;
  failure = null;
  publish();
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** undefined while loading; `error` when the host could not tell. */
export function useKeyStatus(): { status: KeyStatus | undefined; error: string | null } {
  const status = useSyncExternalStore(subscribe, () => current);
  const error = useSyncExternalStore(subscribe, () => failure);
  useEffect(() => {
    void refreshKeyStatus();
  }, []);
  return { status, error };
}
