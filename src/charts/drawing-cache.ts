import { createHash } from 'node:crypto';

/**
 * Chart drawings by content, per process. A drawing depends only on the resolved chart,
 * the theme, the locale and the canvas options, and the same inputs give the same result,
 * so watch and the API redraw only charts that changed. Bounded: least recently used out.
 * A cached drawing is shared by every build that asks for it, so it is never modified.
 */
const MAX_ENTRIES = 64;
const drawings = new Map<string, unknown>();

export function drawingKey(...parts: unknown[]): string {
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex');
}

export function cachedDrawing<T>(key: string, draw: () => T): T {
  const hit = drawings.get(key);
  if (hit !== undefined) {
    // Move to the back: the map's order is the eviction order.
    drawings.delete(key);
    drawings.set(key, hit);
    return hit as T;
  }
  const value = draw();
  drawings.set(key, value);
  if (drawings.size > MAX_ENTRIES) drawings.delete(drawings.keys().next().value!);
  return value;
}
