import { createHash } from 'node:crypto';
import { boundedCache } from '../cache/index.js';

/**
 * Chart drawings by content, per process. A drawing depends only on the resolved chart,
 * the theme, the locale and the canvas options, and the same inputs give the same result,
 * so watch and the API redraw only charts that changed. Bounded: least recently used out.
 * A cached drawing is shared by every build that asks for it, so it is never modified.
 */
const drawings = boundedCache<unknown>({ name: 'chart drawings', maxEntries: 64 });

export function drawingKey(...parts: unknown[]): string {
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex');
}

export function cachedDrawing<T>(key: string, draw: () => T): T {
  return drawings.get(key, draw) as T;
}
