import { realpath } from 'node:fs/promises';
import path from 'node:path';
import { BriefkitError, type ErrorCode, type Problem } from '../errors.js';

export interface ResolveInsideOptions {
  /** What the path names, for the message: "logo", "font", "templates folder". */
  what?: string;
  /** Where the path was written (file, line, column, data path), so the error points at it. */
  at?: Omit<Problem, 'message' | 'expected'>;
  /** Default CONFIG_ERROR: paths come from a config or a theme. */
  code?: ErrorCode;
}

/**
 * Resolves a path written in a briefing, config or theme against the project folder,
 * and refuses anything that leaves it: `../secrets`, `/etc/passwd`, `C:\\…` on Windows,
 * a `file:` URL, a NUL byte. A project can then be built from untrusted files without
 * them reading (and embedding in a PDF) whatever else the machine holds.
 * This check is lexical; `resolveInsideReal` also follows symbolic links.
 */
export function resolveInside(root: string, p: unknown, options: ResolveInsideOptions = {}): string {
  const what = options.what ?? 'path';
  const refuse = (message: string): never => {
    throw new BriefkitError(options.code ?? 'CONFIG_ERROR', {
      ...options.at,
      message,
      expected: `a ${what} inside the project folder, written relative to it`,
    });
  };
  if (typeof p !== 'string') return refuse(`the ${what} is not a path but ${typeof p}`);
  if (p.trim() === '') return refuse(`the ${what} is empty`);
  if (p.includes('\0')) return refuse(`the ${what} contains a NUL character`);
  if (/^[a-z][a-z0-9+.-]+:/i.test(p) && !/^[a-z]:[\\/]/i.test(p)) {
    return refuse(`the ${what} "${p}" is a URL, not a file path`);
  }
  const base = path.resolve(root);
  const resolved = path.resolve(base, p);
  if (!isInside(base, resolved)) return refuse(`the ${what} "${p}" is outside the project folder`);
  return resolved;
}

/**
 * Like resolveInside, then follows symbolic links: a link inside the project that
 * points outside it is refused too. A path that does not exist yet (an output folder
 * to create) is judged by its deepest existing ancestor, links followed, plus the
 * rest: `out: linkout/sub` with `linkout -> /outside` leads outside.
 */
export async function resolveInsideReal(
  root: string,
  p: unknown,
  options: ResolveInsideOptions = {},
): Promise<string> {
  const resolved = resolveInside(root, p, options);
  const realRoot = await realpath(root).catch(() => path.resolve(root));
  const real = await realPathOfNearest(resolved);
  if (!isInside(realRoot, real)) {
    const what = options.what ?? 'path';
    throw new BriefkitError(options.code ?? 'CONFIG_ERROR', {
      ...options.at,
      message: `the ${what} "${String(p)}" is a link to a file outside the project folder`,
      expected: `a ${what} inside the project folder`,
    });
  }
  return resolved;
}

/** The real path of `file`, or of its deepest existing ancestor with the missing rest appended. */
export async function realPathOfNearest(file: string): Promise<string> {
  const missing: string[] = [];
  let current = path.resolve(file);
  for (;;) {
    const real = await realpath(current).catch(() => undefined);
    if (real !== undefined) return path.join(real, ...missing.reverse());
    const parent = path.dirname(current);
    if (parent === current) return path.resolve(file);
    missing.push(path.basename(current));
    current = parent;
  }
}

export function isInside(root: string, target: string): boolean {
  const relative = path.relative(root, target);
  return (
    relative === '' ||
    (!relative.startsWith(`..${path.sep}`) && relative !== '..' && !path.isAbsolute(relative))
  );
}
