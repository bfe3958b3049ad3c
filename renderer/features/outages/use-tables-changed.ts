import Dexie from 'dexie';
import { useEffect, useState } from 'react';

/**
 * A number that grows whenever one of the tables changes, here or in another tab: the incident's
 * standing (requests, decisions, exports) is computed in the worker, outside useLiveQuery.
 */
export function useTablesChanged(tables: readonly string[], delayMs = 250): number {
  const [version, setVersion] = useState(0);
  const key = tables.join(',');
  useEffect(() => {
    const names = key.split(',');
    let timer: ReturnType<typeof setTimeout> | null = null;
    const listener = (parts: Record<string, unknown>) => {
      const touched = Object.keys(parts).some((part) => names.some((name) => part.includes(`/${name}/`)));
      if (!touched) return;
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => setVersion((v) => v + 1), delayMs);
    };
    Dexie.on('storagemutated', listener);
    return () => {
      if (timer) clearTimeout(timer);
      Dexie.on('storagemutated').unsubscribe(listener);
    };
  }, [key, delayMs]);
  return version;
}
