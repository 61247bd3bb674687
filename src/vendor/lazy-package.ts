import { createRequire } from 'node:module';
import path from 'node:path';
import { FROM_SOURCES, PACKAGE_ROOT } from '../version.js';

/**
 * Packages a build needs only now and then, loaded synchronously on first use rather than
 * compiled by every cold start: the yaml library (the fast reader, briefing/fast-yaml.ts,
 * reads most briefings without it) and Handlebars' parser and compiler (the built-in
 * templates are compiled at bundle time; the runtime that runs them is bundled).
 * In the bundle each is one CommonJS file that `npm run build` writes to dist/lazy/
 * (scripts/bundle.mjs), loaded in a few milliseconds; from the TypeScript sources (tests,
 * tsx), or should that file be missing, the installed package itself.
 */
export type LazyPackage = 'yaml' | 'handlebars';

const requireHere = createRequire(import.meta.url);

/** The package's exports; Node's module cache makes every call after the first a lookup. */
export function lazyPackage<T>(name: LazyPackage): T {
  return (FROM_SOURCES ? requireHere(name) : requireBundled(name)) as T;
}

function requireBundled(name: LazyPackage): unknown {
  try {
    return requireHere(path.join(PACKAGE_ROOT, 'dist', 'lazy', `${name}.cjs`));
  } catch (error) {
    if ((error as { code?: string }).code !== 'MODULE_NOT_FOUND') throw error;
    return requireHere(name);
  }
}
