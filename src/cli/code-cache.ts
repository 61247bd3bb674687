import { createHash } from 'node:crypto';
import {
  closeSync,
  lstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import v8 from 'node:v8';
import { threadId } from 'node:worker_threads';
import { readBoundedSync } from '../read-bounded.js';
import { diskCacheFolder } from '../cache/disk-cache-folder.js';
import { readLeniently } from './cli-options.js';

/**
 * Where V8's compiled code of the bundled CLI is kept between runs, and under which name.
 * Node 20 has no compile cache of its own, and Node 22's (module.enableCompileCache) keeps
 * only what was compiled before the code ran; this one is written after a command, so it
 * holds every function the command compiled (the renderers, the charts, the shaping) and
 * the next run deserialises them instead of compiling them again.
 *
 * V8 accepts a cache only for a source of the same length, the same V8 version and the same
 * flags; the file name adds a hash of the source itself, Node's version and the architecture,
 * so an edited bundle of the same length never runs stale code. Cache files are written whole
 * or not at all (a temporary file renamed) and read like any other input (a regular file,
 * bounded). A missing, unreadable or rejected cache only costs the compile time it would have
 * saved; an unwritable folder is never an error.
 */

/** The cache of the whole CLI holds a few megabytes; nothing larger is read. */
const MAX_CACHE_BYTES = 64 * 1024 * 1024;

/**
 * How many caches of a bundle a folder keeps, the most recently written: one per Node version
 * and build in use (two checkouts, or Node 20 and 22, sharing one node_modules do not evict
 * each other's), while each `npm run build` no longer leaves a few megabytes behind for ever.
 */
const KEPT_CACHES = 6;

export interface CodeCacheLocation {
  /** Where the cache is kept: node_modules/.cache/briefkit/code/ (see codeCacheLocation). */
  folder: string;
  /** The cache file's name for this bundle, Node and machine. */
  name: string;
  /** Names of this bundle's cache files start with this. */
  prefix: string;
}

/**
 * Which code a command needs, so which cache it reads and writes. V8 deserialises all of a
 * cache when it takes it, so a run that builds only the deck does not load the PDF's code:
 * each kind has its own cache (a deck-only build of the example: 1.5 MB instead of 2.6 MB).
 * Any cache is correct for any command; a mismatch (formats set in briefkit.config.yaml
 * rather than on the command line) only costs speed.
 */
export type CodeCacheKind = 'all' | 'pdf' | 'pptx' | 'validate';

/** The kind of cache a command line needs, read as the CLI reads it (leniently: it reports mistakes itself). */
export function codeCacheKind(argv: readonly string[]): CodeCacheKind {
  const { values, positionals } = readLeniently(argv);
  if (positionals[0] === 'validate') return 'validate';
  if (positionals[0] !== 'build') return 'all';
  return values.format === 'pdf' || values.format === 'pptx' ? values.format : 'all';
}

/**
 * The cache of `bundle` (whose bytes are `source`) in node_modules/.cache/briefkit/code/ of the
 * node_modules that holds briefkit, or of briefkit's own checkout, like the fonts' shaping
 * tables. When that folder cannot be written (a global install, a read-only image), the cache
 * goes to a folder of the user's own in the system's temporary folder (privateTempFolder).
 */
export function codeCacheLocation(
  bundle: string,
  source: Uint8Array,
  kind: CodeCacheKind = 'all',
): CodeCacheLocation {
  const code = createHash('sha256').update(source).digest('hex').slice(0, 16);
  const runtime = createHash('sha256')
    .update(`${process.version} ${process.arch} ${process.platform} ${v8.cachedDataVersionTag()}`)
    .digest('hex')
    .slice(0, 8);
  const base = path.basename(bundle, path.extname(bundle));
  const prefix = kind === 'all' ? `${base}-` : `${base}.${kind}-`;
  return { folder: nodeModulesFolder(bundle), name: `${prefix}${code}-${runtime}.bin`, prefix };
}

function nodeModulesFolder(bundle: string): string {
  // Installed: <project>/node_modules/briefkit/dist/x.cjs; a checkout (<repo>/dist/x.cjs) is
  // cached in <repo>/node_modules, as if briefkit were installed there.
  const checkout = path.join(path.dirname(path.dirname(path.resolve(bundle))), 'node_modules', 'briefkit');
  return diskCacheFolder(bundle, 'code') ?? diskCacheFolder(checkout, 'code')!;
}

/**
 * The fallback folder: one only this user owns and no one else can write to, since a code
 * cache is code. A folder someone else made, or that others can write to, is not used.
 */
function privateTempFolder(create: boolean): string | undefined {
  const uid = process.getuid?.();
  const dir = path.join(os.tmpdir(), `briefkit-code-cache-${uid ?? 'user'}`);
  try {
    if (create) mkdirSync(dir, { recursive: true, mode: 0o700 });
    const info = lstatSync(dir);
    if (!info.isDirectory()) return undefined;
    if (uid !== undefined && (info.uid !== uid || (info.mode & 0o022) !== 0)) return undefined;
    return dir;
  } catch {
    return undefined;
  }
}

/** The cache's bytes, or undefined when there is none (or not a regular file, or too large). */
export function readCodeCache(location: CodeCacheLocation): Buffer | undefined {
  const cached = readBoundedSync(path.join(location.folder, location.name), MAX_CACHE_BYTES);
  if (cached) return cached;
  const fallback = privateTempFolder(false);
  return fallback ? readBoundedSync(path.join(fallback, location.name), MAX_CACHE_BYTES) : undefined;
}

/**
 * Writes the cache whole or not at all (a temporary file renamed, so parallel runs never read
 * half a cache) and removes the oldest caches of the bundle past KEPT_CACHES. `data` is only called once a folder has
 * taken the temporary file: where nothing can be written (a read-only install), no run pays for
 * serialising the code. Never throws.
 */
export function writeCodeCache(location: CodeCacheLocation, data: () => Uint8Array): boolean {
  // The temporary folder is made only if node_modules/.cache took nothing.
  for (const folderOf of [() => location.folder, () => privateTempFolder(true)]) {
    const folder = folderOf();
    if (folder === undefined) continue;
    const file = path.join(folder, location.name);
    const temporary = `${file}.${process.pid}-${threadId}.tmp`;
    let fd: number | undefined;
    try {
      mkdirSync(folder, { recursive: true });
      fd = openSync(temporary, 'wx', 0o644);
    } catch {
      continue;
    }
    try {
      writeAll(fd, data());
      closeSync(fd);
      fd = undefined;
      renameSync(temporary, file);
      removeStaleCaches(folder, location);
      return true;
    } catch {
      if (fd !== undefined) closeSync(fd);
      rmSync(temporary, { force: true });
      return false;
    }
  }
  return false;
}

function writeAll(fd: number, bytes: Uint8Array): void {
  for (let written = 0; written < bytes.length;)
    written += writeSync(fd, bytes, written, bytes.length - written);
}

function removeStaleCaches(folder: string, location: CodeCacheLocation): void {
  try {
    const caches = readdirSync(folder)
      .filter((name) => name.startsWith(location.prefix) && name.endsWith('.bin') && name !== location.name)
      .map((name) => ({ name, used: statSync(path.join(folder, name)).mtimeMs }))
      .sort((a, b) => b.used - a.used);
    for (const { name } of caches.slice(KEPT_CACHES - 1)) rmSync(path.join(folder, name), { force: true });
  } catch {
    // Another process removed one first, or the folder cannot be listed: nothing is lost.
  }
}
