import path from 'node:path';

/**
 * Where briefkit keeps what it derives from an installed file (a font's shaping table and
 * metrics, the CLI's compiled code): node_modules/.cache/briefkit/<folder>/ of the
 * node_modules that holds `file`, the folder build tools share for such caches; undefined
 * for a file outside node_modules. Imports nothing else: the executable's entry uses it
 * before the CLI's bundle is loaded.
 */
export function diskCacheFolder(file: string, folder: string): string | undefined {
  const parts = path.resolve(file).split(path.sep);
  const nodeModules = parts.lastIndexOf('node_modules');
  if (nodeModules === -1) return undefined;
  return path.join(parts.slice(0, nodeModules + 1).join(path.sep) || path.sep, '.cache', 'briefkit', folder);
}
