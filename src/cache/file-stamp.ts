import { stat } from 'node:fs/promises';

/**
 * What identifies one state of a file without reading it: size, modification time and
 * inode. Caches of anything read from disk key on the path and this stamp, so an edited
 * or replaced file (an editor's save-by-rename gives a new inode) is read again, and
 * `watch` or an API server never builds with a font, theme or logo that has changed.
 */
export async function fileStamp(file: string): Promise<string> {
  const info = await stat(file);
  return `${info.size}:${info.mtimeMs}:${info.ino}`;
}

/** A cache key for files read from disk: each path with its stamp. Missing files key as "missing". */
export async function filesKey(files: readonly string[]): Promise<string> {
  const stamps = await Promise.all(files.map((file) => fileStamp(file).catch(() => 'missing')));
  return files.map((file, i) => `${file}\0${stamps[i]}`).join('\n');
}
