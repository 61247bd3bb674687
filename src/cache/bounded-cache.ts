import { registerCache } from './registry.js';

/**
 * The one policy for what a process keeps between builds (watch, the API, each pool
 * worker): a named cache of values that depend only on their key, least recently used
 * out once it holds `maxEntries` values or, with `weigh`, `maxWeight` in all (bytes, say).
 * A value whose making throws is not kept, and a promise that rejects is dropped, so a
 * fixed file is read again on the next build. Keys of anything read from disk carry the
 * file's stamp (see file-stamp.ts), so an edited file is a new key.
 */
export interface CacheSpec<V> {
  /** Unique; names the cache in cacheStats() and the README's table. */
  name: string;
  maxEntries: number;
  /** A second bound on the sum of weigh(value) over the entries. */
  maxWeight?: number;
  weigh?: (value: V) => number;
}

export interface BoundedCache<V> {
  /** The value for `key`, made by `make` and kept when there is none. */
  get(key: string, make: () => V): V;
  /** The value for `key` if kept (and now the most recently used). */
  peek(key: string): V | undefined;
  readonly size: number;
  readonly weight: number;
  clear(): void;
}

export function boundedCache<V>(spec: CacheSpec<V>): BoundedCache<V> {
  const cache = lruCache(spec);
  registerCache({
    name: spec.name,
    bound: describeBound(spec),
    size: () => cache.size,
    clear: () => cache.clear(),
  });
  return cache;
}

function lruCache<V>(spec: CacheSpec<V>): BoundedCache<V> {
  const entries = new Map<string, V>();
  const weigh = spec.weigh ?? (() => 0);
  let weight = 0;
  const remove = (key: string): void => {
    if (!entries.has(key)) return;
    weight -= weigh(entries.get(key) as V);
    entries.delete(key);
  };
  const cache: BoundedCache<V> = {
    get(key, make) {
      if (entries.has(key)) return cache.peek(key) as V;
      const value = make();
      entries.set(key, value);
      weight += weigh(value);
      while (entries.size > spec.maxEntries || (spec.maxWeight !== undefined && weight > spec.maxWeight)) {
        // The map's order is the eviction order; a single value heavier than the bound is not kept.
        remove(entries.keys().next().value!);
      }
      if (isPromise(value)) {
        value.catch(() => {
          if (entries.get(key) === value) remove(key);
        });
      }
      return value;
    },
    peek(key) {
      if (!entries.has(key)) return undefined;
      const hit = entries.get(key) as V;
      // Move to the back: most recently used.
      entries.delete(key);
      entries.set(key, hit);
      return hit;
    },
    get size() {
      return entries.size;
    },
    get weight() {
      return weight;
    },
    clear() {
      entries.clear();
      weight = 0;
    },
  };
  return cache;
}

/**
 * Caches of values derived from one object (a parsed font), each bounded by the spec and
 * dropped with its object: the objects themselves are bounded by the cache that holds
 * them, so an edited font's derived values go when its parsed font does.
 */
export function perObjectCache<V>(spec: CacheSpec<V>): (owner: object) => BoundedCache<V> {
  let caches = new WeakMap<object, BoundedCache<V>>();
  registerCache({
    name: spec.name,
    bound: `${describeBound(spec)} per font`,
    size: () => undefined,
    clear: () => (caches = new WeakMap()),
  });
  return (owner) => {
    let cache = caches.get(owner);
    if (!cache) caches.set(owner, (cache = lruCache(spec)));
    return cache;
  };
}

function describeBound(spec: Pick<CacheSpec<never>, 'maxEntries' | 'maxWeight'>): string {
  const entries = `${spec.maxEntries.toLocaleString('en')} entries`;
  if (spec.maxWeight === undefined) return entries;
  return `${entries} or ${(spec.maxWeight / 1024 / 1024).toLocaleString('en')} MB`;
}

function isPromise(value: unknown): value is Promise<unknown> {
  return value instanceof Promise;
}
