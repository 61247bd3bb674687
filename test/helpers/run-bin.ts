import { spawnSync } from 'node:child_process';
import path from 'node:path';

const BIN = path.resolve('bin/briefkit.js');

/** Runs the bundled CLI (dist/, built by the global setup) in a fresh process, as users do. */
export function runBin(
  args: string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv } = {},
): { code: number; out: string; err: string } {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? process.cwd(),
    // No CI variable and no terminal: the plain log, whatever runs the tests.
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...options.env },
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { code: result.status ?? -1, out: result.stdout, err: result.stderr };
}
