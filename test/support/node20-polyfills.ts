/**
 * Vitest 5 targets Node 22 and its reporter calls Map.groupBy when it prints a failure; on the
 * Node 20 of our machines that call throws and hides the failure itself. Loaded by
 * vite.config.ts, i.e. in Vitest's own process.
 */
type GroupBy = <K, V>(items: Iterable<V>, key: (item: V, index: number) => K) => Map<K, V[]>;

const mapWithGroupBy = Map as unknown as { groupBy?: GroupBy };
mapWithGroupBy.groupBy ??= <K, V>(items: Iterable<V>, key: (item: V, index: number) => K) => {
  const groups = new Map<K, V[]>();
  let index = 0;
  for (const item of items) {
    const k = key(item, index++);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
};

const objectWithGroupBy = Object as unknown as { groupBy?: unknown };
objectWithGroupBy.groupBy ??= <V>(items: Iterable<V>, key: (item: V, index: number) => PropertyKey) => {
  const groups: Record<PropertyKey, V[]> = {};
  let index = 0;
  for (const item of items) (groups[key(item, index++)] ??= []).push(item);
  return groups;
};

export {};
