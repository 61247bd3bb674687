import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';

const BIN = path.resolve('bin/briefkit.js');

export interface BoundedRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  out: string;
  err: string;
  ms: number;
  /** Set when the test itself stopped the run: the attack was not stopped by briefkit. */
  stoppedBy?: 'time' | 'memory';
  peakMb: number;
}

export interface BoundOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** The test's own clock: past it the process is killed and the run reported as a hang. */
  timeoutMs?: number;
  /** The test's own memory bound (resident set of the process): past it, killed. */
  memoryMb?: number;
}

/**
 * Runs the bundled CLI as users do, in a child process the test watches itself: it is
 * killed past `timeoutMs` or past `memoryMb` of resident memory, so an attack that is
 * not stopped by briefkit fails the test quickly instead of hanging CI or filling the
 * machine's memory.
 */
export function runBounded(args: string[], options: BoundOptions = {}): Promise<BoundedRun> {
  const timeoutMs = options.timeoutMs ?? 30_000;
  const memoryMb = options.memoryMb ?? 1_024;
  const started = performance.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: options.cwd ?? process.cwd(),
      env: { PATH: process.env.PATH, HOME: process.env.HOME, ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    let stoppedBy: BoundedRun['stoppedBy'];
    let peakMb = 0;
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk.slice(0, 1_000_000)));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (err += chunk.slice(0, 1_000_000)));
    const watch = setInterval(() => {
      const mb = residentMb(child.pid);
      peakMb = Math.max(peakMb, mb);
      if (mb > memoryMb) stop('memory');
      else if (performance.now() - started > timeoutMs) stop('time');
    }, 50);
    const stop = (why: 'time' | 'memory') => {
      stoppedBy ??= why;
      child.kill('SIGKILL');
    };
    child.on('close', (code, signal) => {
      clearInterval(watch);
      resolve({
        code,
        signal,
        out,
        err,
        ms: performance.now() - started,
        peakMb,
        ...(stoppedBy && { stoppedBy }),
      });
    });
  });
}

function residentMb(pid: number | undefined): number {
  if (pid === undefined) return 0;
  try {
    // statm: sizes in pages; the second field is the resident set.
    const pages = Number(readFileSync(`/proc/${pid}/statm`, 'utf8').split(' ')[1]);
    return (pages * 4096) / 1024 / 1024;
  } catch {
    return 0;
  }
}

/** The run ended by itself, with this exit code, within the test's bounds. */
export function expectExit(run: BoundedRun, code: number): void {
  if (run.stoppedBy) {
    throw new Error(
      `the run was stopped by the test (${run.stoppedBy}, ${Math.round(run.ms)} ms, ${Math.round(run.peakMb)} MB)\n${run.err.slice(0, 2000)}`,
    );
  }
  if (run.code !== code) {
    throw new Error(`exit ${run.code} (signal ${run.signal}), expected ${code}\n${run.err.slice(0, 4000)}`);
  }
}
