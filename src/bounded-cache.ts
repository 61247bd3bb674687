/**
 * A memo for values that depend only on their key, kept for the life of the process
 * and bounded: least recently used out. The per-process caches (chart drawings,
 * compiled templates, Intl formatters, canvas font strings) share it, so a watch
 * session or an API server holds at most `maxEntries` of each. A value whose making
 * throws is not kept.
 */
export function boundedCache<V>(maxEntries: number): (key: string, make: () => V) => V {
  const entries = new Map<string, V>();
  return (key, make) => {
    if (entries.has(key)) {
      const hit = entries.get(key) as V;
      // Move to the back: the map's order is the eviction order.
      entries.delete(key);
      entries.set(key, hit);
      return hit;
    }
    const value = make();
    entries.set(key, value);
    if (entries.size > maxEntries) entries.delete(entries.keys().next().value!);
    return value;
  };
}
