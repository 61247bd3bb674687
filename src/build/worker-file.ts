import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { fail } from '../errors.js';
import { PACKAGE_ROOT } from '../version.js';

export interface WorkerFile {
  filename: string;
  execArgv?: string[];
}

/**
 * Where the pool's worker lives. A worker thread loads a file by name, so it cannot
 * borrow the parent's bundle or transpiler: the published package runs the bundled
 * dist/build-worker.js; running from source (vitest, tsx) runs a shim that loads
 * build-worker.ts through tsx, so tests exercise the code they import, not a stale bundle.
 */
export function resolveWorkerFile(): WorkerFile {
  const here = fileURLToPath(import.meta.url);
  if (here.endsWith('.ts')) {
    // No inherited flags: the shim registers tsx itself (see build-worker-source.mjs).
    return { filename: path.join(path.dirname(here), 'build-worker-source.mjs'), execArgv: [] };
  }
  const filename = path.join(PACKAGE_ROOT, 'dist', 'build-worker.js');
  if (!existsSync(filename)) {
    fail('INTERNAL_ERROR', {
      file: filename,
      message: 'the build worker is missing',
      expected: 'a complete install (npm run build)',
    });
  }
  return { filename };
}
