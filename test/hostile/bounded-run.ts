import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { runCli } from '../../src/cli/run-cli.js';
import { SLOW } from '../helpers/slow.js';

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

/**
 * The CLI on a hostile input whose handling, not its resource use, is what the test checks
 * (a located message, nothing written outside the project): run in this process with
 * `cwd` as the working folder and only PATH, HOME and `env` as the environment, which
 * costs a fraction of a new process. With SLOW=1 (CI) it is the bundled CLI in a bounded
 * child process instead (runBounded), as users run it. Attacks on time and memory use
 * runBounded always: in this process they would stall or swell the test worker.
 */
export async function runHostile(args: string[], options: BoundOptions = {}): Promise<BoundedRun> {
  if (SLOW) return runBounded(args, options);
  const out: string[] = [];
  const err: string[] = [];
  const home = process.cwd();
  const started = performance.now();
  let code: number;
  // Test files run one at a time in a worker and their tests one after another, so the
  // working folder is this run's alone until it is put back.
  process.chdir(options.cwd ?? home);
  try {
    code = await runCli(args, {
      out: (line) => out.push(`${line}\n`),
      err: (line) => err.push(`${line}\n`),
      env: { PATH: process.env.PATH, HOME: process.env.HOME, ...options.env },
    });
  } finally {
    process.chdir(home);
  }
  const ms = performance.now() - started;
  const late = ms > (options.timeoutMs ?? 30_000);
  return {
    code,
    signal: null,
    out: out.join(''),
    err: err.join(''),
    ms,
    peakMb: 0,
    ...(late && { stoppedBy: 'time' }),
  };
}
