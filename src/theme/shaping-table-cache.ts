import { createHash } from 'node:crypto';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { threadId } from 'node:worker_threads';
import {
  buildShapingTable,
  SHAPING_TABLE_VERSION,
  type ShapingTable,
  type TableFont,
} from './shaping-table.js';
import { fitsFont } from './simple-shaper.js';
import { readBounded } from '../read-bounded.js';

/** A shaping table of a large font is a few megabytes; nothing larger is read. */
const CACHE_ENTRY_BYTES = 64 * 1024 * 1024;

/** What a cache file holds: the table, or null when the font's lookups are beyond it. */
interface CacheEntry {
  version: number;
  table: ShapingTable | null;
}

/**
 * The shaping table of a bundled font file, read from the cache in the node_modules
 * that holds the font (node_modules/.cache/briefkit/shaping/, keyed by the file's SHA-256
 * and the table version), or built from a fresh parse of `bytes` and written there.
 * `npm run build` fills the cache; building a table takes 0.3–0.6 s a face, once.
 * A fresh parse, so that building does not touch the glyph cache of the font the
 * renderers use (the first code point a glyph is asked for ends up in the PDF's text map).
 * The cache is an optimisation only: a missing, unreadable, stale or unwritable file
 * means the table is built in memory, never an error.
 */
export async function loadShapingTable(
  file: string,
  bytes: Uint8Array,
  numGlyphs: number,
): Promise<ShapingTable | undefined> {
  const cacheFile = cachePath(file, bytes);
  if (cacheFile) {
    const cached = await readEntry(cacheFile, numGlyphs);
    if (cached) return cached.table ?? undefined;
  }
  const fontkit = await import('fontkit');
  const table = buildShapingTable(fontkit.create(bytes) as unknown as TableFont);
  if (cacheFile) await writeCacheFile(cacheFile, { version: SHAPING_TABLE_VERSION, table: table ?? null });
  return table;
}

function cachePath(file: string, bytes: Uint8Array): string | undefined {
  return fontCacheFile(file, bytes, 'shaping', SHAPING_TABLE_VERSION);
}

/**
 * Where a table derived from a font file is kept: node_modules/.cache/briefkit/<folder>/ of
 * the node_modules that holds the font, named by the table's version and the file's SHA-256;
 * undefined for a font outside node_modules (a theme's own font is not cached).
 */
export function fontCacheFile(
  file: string,
  bytes: Uint8Array,
  folder: string,
  version: number,
): string | undefined {
  const parts = path.resolve(file).split(path.sep);
  const nodeModules = parts.lastIndexOf('node_modules');
  if (nodeModules === -1) return undefined;
  const hash = createHash('sha256').update(bytes).digest('hex').slice(0, 32);
  const dir = path.join(
    parts.slice(0, nodeModules + 1).join(path.sep) || path.sep,
    '.cache',
    'briefkit',
    folder,
  );
  return path.join(dir, `v${version}-${hash}.json`);
}

async function readEntry(file: string, numGlyphs: number): Promise<CacheEntry | undefined> {
  const entry = await readCacheFile<CacheEntry>(file);
  try {
    const valid =
      entry?.version === SHAPING_TABLE_VERSION &&
      (entry.table === null ||
        (entry.table.version === SHAPING_TABLE_VERSION && fitsFont(entry.table, numGlyphs)));
    return valid ? entry : undefined;
  } catch {
    return undefined;
  }
}

/** A cache file's JSON, or undefined when it is missing, unreadable or not JSON. */
export async function readCacheFile<T>(file: string): Promise<T | undefined> {
  try {
    // A cache file is read like any input: a regular file within a bound (a FIFO or a
    // device planted in node_modules/.cache would otherwise hang or exhaust the build).
    const read = await readBounded(file, CACHE_ENTRY_BYTES);
    if (!read.ok) return undefined;
    return JSON.parse(read.bytes.toString('utf8')) as T;
  } catch {
    return undefined;
  }
}

/** Written whole or not at all (a temporary file renamed), so parallel builds never read half a table. */
export async function writeCacheFile(file: string, entry: unknown): Promise<void> {
  const temporary = `${file}.${process.pid}-${threadId}.tmp`;
  try {
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(temporary, JSON.stringify(entry));
    await rename(temporary, file);
  } catch {
    // A read-only node_modules: the table is rebuilt in memory by each process.
  }
}
