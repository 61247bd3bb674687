import path from 'node:path';

/**
 * A path for people: relative to the working folder when it is inside it, else absolute.
 * Every stage names files in its messages this way, so it sits beside errors.ts rather
 * than in one stage that the others would then have to import.
 */
export function displayPath(file: string, cwd = process.cwd()): string {
  const absolute = path.resolve(cwd, file);
  const relative = path.relative(cwd, absolute);
  const shown =
    relative === '' || relative.startsWith('..') || path.isAbsolute(relative) ? absolute : relative;
  return shown.split(path.sep).join('/');
}
