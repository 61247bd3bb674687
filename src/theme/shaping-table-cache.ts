import { createHash } from 'node:crypto';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { threadId } from 'node:worker_threads';
import { compileTable, decodeTable, encodeTable, type CompiledTable } from './compiled-shaping-table.js';
import { buildShapingTable, SHAPING_TABLE_VERSION, type TableFont } from './shaping-table.js';
import { readBounded } from '../read-bounded.js';
import { diskCacheFolder } from '../cache/disk-cache-folder.js';

/** A shaping table of a large font is a few megabytes; nothing larger is read. */
const CACHE_ENTRY_BYTES = 64 * 1024 * 1024;

/**
 * The shaping table of a bundled font file, compiled, read from the cache in the
 * node_modules that holds the font (node_modules/.cache/briefkit/shaping/, keyed by the
 * file's SHA-256 and the table version; theme/compiled-shaping-table.ts describes the
 * file), or built from a fresh parse of `bytes` and written there; undefined when the
 * font's lookups are beyond a table. `npm run build` fills the cache; building a table
 * takes 0.3–0.6 s a face, once. A fresh parse, so that building does not touch the glyph
 * cache of the font the renderers use (the first code point a glyph is asked for ends up
 * in the PDF's text map). The cache is an optimisation only: a missing, unreadable,
 * damaged, stale or unwritable file means the table is built in memory, never an error.
 */
export async function loadShapingTable(
  file: string,
  bytes: Uint8Array,
  numGlyphs: number,
): Promise<CompiledTable | undefined> {
  const cacheFile = fontCacheFile(file, bytes, 'shaping', SHAPING_TABLE_VERSION, 'bin');
  if (cacheFile) {
    const bytes = await readCacheBytes(cacheFile);
    const cached = bytes ? decodeTable(bytes, numGlyphs) : undefined;
    if (cached) return cached.table ?? undefined;
  }
  const fontkit = await import('fontkit');
  const built = buildShapingTable(fontkit.create(bytes) as unknown as TableFont);
  const table = built ? compileTable(built, numGlyphs) : undefined;
  if (cacheFile) await writeCacheBytes(cacheFile, encodeTable(table ?? null, numGlyphs));
  return table;
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
  extension = 'json',
): string | undefined {
  const dir = diskCacheFolder(file, folder);
  if (dir === undefined) return undefined;
  const hash = createHash('sha256').update(bytes).digest('hex').slice(0, 32);
  return path.join(dir, `v${version}-${hash}.${extension}`);
}

/** A cache file's JSON, or undefined when it is missing, unreadable or not JSON. */
export async function readCacheFile<T>(file: string): Promise<T | undefined> {
  const bytes = await readCacheBytes(file);
  if (!bytes) return undefined;
  try {
    return JSON.parse(bytes.toString('utf8')) as T;
  } catch {
    return undefined;
  }
}

/** A cache file's bytes, or undefined when it is missing or unreadable. */
async function readCacheBytes(file: string): Promise<Buffer | undefined> {
  // A cache file is read like any input: a regular file within a bound (a FIFO or a
  // device planted in node_modules/.cache would otherwise hang or exhaust the build).
  const read = await readBounded(file, CACHE_ENTRY_BYTES).catch(() => undefined);
  return read?.ok ? read.bytes : undefined;
}

/** A cache file of JSON, written as writeCacheBytes writes. */
export async function writeCacheFile(file: string, entry: unknown): Promise<void> {
  await writeCacheBytes(file, JSON.stringify(entry));
}

/** Written whole or not at all (a temporary file renamed), so parallel builds never read half a table. */
async function writeCacheBytes(file: string, contents: string | Uint8Array): Promise<void> {
  const temporary = `${file}.${process.pid}-${threadId}.tmp`;
  try {
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(temporary, contents);
    await rename(temporary, file);
  } catch {
    // A read-only node_modules: the table is rebuilt in memory by each process.
  }
}
