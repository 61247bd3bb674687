import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The package's root folder: found by walking up to briefkit's own package.json (src/, dist/ or dist/chunks/). */
export const PACKAGE_ROOT: string = (() => {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    try {
      const pkg = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { name?: string };
      if (pkg.name === 'briefkit') return dir;
    } catch {
      // not here; keep walking up
    }
    const parent = path.dirname(dir);
    if (parent === dir) return process.cwd();
    dir = parent;
  }
})();

/** The package version, recorded in manifests and shown by `briefkit --version`. */
export const VERSION: string = (
  JSON.parse(readFileSync(path.join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string }
).version;

/**
 * Whether briefkit runs from its TypeScript sources (tests, tsx) rather than from the
 * bundle `npm run build` writes: the files that build writes next to the bundle
 * (build-id.txt, the precompiled templates, the lazy packages) are then not there to read.
 */
export const FROM_SOURCES: boolean = fileURLToPath(import.meta.url).endsWith('.ts');

/**
 * Which build of briefkit's code this is: a hash of the bundle, written next to it by
 * `npm run build`, or "source" when running from the TypeScript sources (tests, tsx).
 * Manifests record it, so outputs are rebuilt when the code changes within one version
 * (a developer's checkout, a reinstall from a newer commit), not only when VERSION does.
 */
export const BUILD: string = (() => {
  if (FROM_SOURCES) return 'source';
  try {
    return readFileSync(path.join(PACKAGE_ROOT, 'dist', 'build-id.txt'), 'utf8').trim();
  } catch {
    return 'unknown';
  }
})();
