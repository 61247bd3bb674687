/** Every process-wide cache, by name: what clearCaches() empties and cacheStats() lists. */
export interface RegisteredCache {
  name: string;
  /** The bound, in words ("256 entries", "2,048 entries or 16 MB"). */
  bound: string;
  /** Entries held now; undefined for caches kept per object (they cannot be counted). */
  size: () => number | undefined;
  clear: () => void;
}

const caches = new Map<string, RegisteredCache>();

export function registerCache(cache: RegisteredCache): void {
  if (caches.has(cache.name)) throw new Error(`two process-wide caches are named "${cache.name}"`);
  caches.set(cache.name, cache);
}

/**
 * Empties every process-wide cache: for tests that must see a cold process, and for a
 * long-running host that wants its memory back. Outputs are the same bytes either way.
 */
export function clearCaches(): void {
  for (const cache of caches.values()) cache.clear();
}

/** Each cache's name, bound and current size, for tests and the README's table. */
export function cacheStats(): { name: string; bound: string; size: number | undefined }[] {
  return [...caches.values()].map((c) => ({ name: c.name, bound: c.bound, size: c.size() }));
}
