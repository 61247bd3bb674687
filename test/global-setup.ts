import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * Bundles the CLI, the API and the pool worker into dist/, so tests can run bin/briefkit.js,
 * and gives the run a temporary folder of its own: the test workers (and the processes they
 * start) inherit TMPDIR, so whatever a test leaves behind, even a killed build's files, goes
 * with the folder when the run ends.
 */
export default function setup(): () => void {
  execFileSync(process.execPath, ['scripts/bundle.mjs'], { stdio: 'inherit' });
  const previous = process.env.TMPDIR;
  const runDir = mkdtempSync(path.join(tmpdir(), 'briefkit-test-run-'));
  process.env.TMPDIR = runDir;
  return () => {
    if (previous === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previous;
    rmSync(runDir, { recursive: true, force: true });
  };
}
