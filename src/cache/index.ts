/**
 * Process-wide caches: one bounded policy (bounded-cache.ts), one registry (clearCaches,
 * cacheStats) and file stamps for keys of anything read from disk. The README's
 * "Caches" table lists each cache, why it exists and its bound.
 */
export { boundedCache, perObjectCache, type BoundedCache, type CacheSpec } from './bounded-cache.js';
export { fileStamp, filesKey } from './file-stamp.js';
export { cacheStats, clearCaches, registerCache, type RegisteredCache } from './registry.js';
