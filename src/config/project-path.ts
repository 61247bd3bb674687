import path from 'node:path';
import { resolveInside, resolveInsideReal, type ResolveInsideOptions } from '../briefing/paths.js';

/**
 * A path written in a config or theme file: relative to that file's folder, and it
 * must lead inside the project folder (symbolic links followed), so a shared config
 * or theme can never make a build read, or embed in a PDF, a file from elsewhere.
 * Messages quote the path relative to the project, which is where the reader looks.
 */
export async function resolveProjectPath(
  projectRoot: string,
  baseDir: string,
  written: unknown,
  options: ResolveInsideOptions,
): Promise<string> {
  // URLs, NUL bytes and empty values are judged as written (resolveInside explains each).
  if (typeof written !== 'string' || written.trim() === '' || written.includes('\0') || isUrl(written)) {
    return resolveInside(projectRoot, written, options);
  }
  // An absolute path is quoted as written; a relative one as seen from the project folder.
  if (path.isAbsolute(written)) return resolveInsideReal(projectRoot, written, options);
  const absolute = path.resolve(baseDir, written);
  const fromRoot = path.relative(path.resolve(projectRoot), absolute) || '.';
  return resolveInsideReal(projectRoot, path.isAbsolute(fromRoot) ? absolute : fromRoot, options);
}

function isUrl(value: string): boolean {
  return /^[a-z][a-z0-9+.-]+:/i.test(value) && !/^[a-z]:[\\/]/i.test(value);
}
