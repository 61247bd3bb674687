import { statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { parentPort, workerData, Worker } from 'node:worker_threads';
import { GUARDED_WORKER, guardWorker } from '../build/watchdog.js';
import { readLeniently } from './cli-options.js';
import type { CliIo } from './io.js';

/**
 * The V8 heap's young generation of a guarded command, in MB. Node's default lets it grow to
 * 48 MB (16 MB semi-spaces), which a cold build fills with short-lived objects before they are
 * collected: ~20 MB more peak memory for a few milliseconds saved. Set through the worker's
 * resourceLimits, since V8's flags cannot be changed once a process runs.
 */
const YOUNG_GENERATION_MB = 6;

/** What the guarded worker gets from the main thread. */
interface GuardedData {
  [GUARDED_WORKER]: true;
  argv: string[];
  /** stderr's terminal, when it is one: the live progress display draws there through the main thread. */
  terminal?: { columns: Int32Array; stdoutIsTerminal: boolean };
  /** Set to 1 by the main thread once it holds canvas too (holdNativeAddons). */
  held: Int32Array;
}

/**
 * Packages whose native library must not be unloaded when the worker ends: canvas (and
 * chartjs-node-canvas, which loads it) crashes the process if the last thread that loaded
 * it exits while the process goes on ending. The main thread loads it too (as the pool does).
 */
const NATIVE = new Set(['canvas', 'chartjs-node-canvas']);

/**
 * Whether a command runs in a guarded worker (runGuarded): `build` of one briefing file and
 * `validate`, the commands that build or check a briefing once and end. A batch runs on the pool
 * (whose workers have limits of their own), and `watch`, `preview` and `init` stay in the main
 * thread, where Ctrl+C reaches them. Read leniently: a mistake in the command line is reported
 * by the CLI itself, in whichever thread it runs.
 */
export function runsGuarded(argv: readonly string[]): boolean {
  try {
    const { values, positionals } = readLeniently(argv);
    if (values.help || values.version) return false;
    if (positionals[0] === 'validate') return true;
    return positionals[0] === 'build' && positionals.length === 2 && isFile(positionals[1]!);
  } catch {
    return false;
  }
}

function isFile(file: string): boolean {
  return statSync(file, { throwIfNoEntry: false })?.isFile() ?? false;
}

/**
 * Runs the command in a worker thread started from `entry` (the executable's entry, which
 * calls runInGuardedWorker there), while this thread guards it: it stops the process when a
 * build runs past its time limit or memory budget (guardWorker), which is what the build's own
 * watchdog thread did before, so that thread is no longer started. The worker's heap gets a
 * small young generation (YOUNG_GENERATION_MB), which keeps a cold build's peak memory down.
 * Its output reaches stdout and stderr through this thread, in order; the exit code is the
 * command's. Signals reach this thread only: Ctrl+C ends the process as before.
 */
export function runGuarded(entry: string, argv: readonly string[]): Promise<number> {
  const terminal = process.stderr.isTTY ? terminalShared() : undefined;
  const held = new Int32Array(new SharedArrayBuffer(4));
  const data: GuardedData = { [GUARDED_WORKER]: true, argv: [...argv], held, ...(terminal && { terminal }) };
  const worker = new Worker(entry, {
    workerData: data,
    resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB },
  });
  guardWorker(worker);
  holdNativeAddons(worker, entry, held);
  return new Promise((resolve) => {
    let failed: number | undefined;
    worker.on('error', (error: Error & { code?: string }) => {
      // runCli reports every error of a command; this is one that escaped it (a bug), or V8's heap limit.
      const what =
        error.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? 'the build ran out of memory (its V8 heap limit)'
          : (error.stack ?? String(error));
      process.stderr.write(`internal error (please report it): ${what}\n`);
      failed = 3;
    });
    worker.on('exit', (code) => resolve(failed ?? code));
  });
}

/** Loads canvas in this thread when the worker does (see NATIVE), then tells it so. */
function holdNativeAddons(worker: Worker, entry: string, held: Int32Array): void {
  worker.on('message', (message: { briefkitHold?: string }) => {
    if (message?.briefkitHold === undefined) return;
    try {
      createRequire(entry)('canvas');
    } catch {
      // Not installed: the worker cannot load it either, and says so.
    }
    Atomics.store(held, 0, 1);
    Atomics.notify(held, 0);
  });
}

/** The terminal's width, shared with the worker and kept current as the window is resized. */
function terminalShared(): GuardedData['terminal'] {
  const columns = new Int32Array(new SharedArrayBuffer(4));
  const update = (): void => {
    Atomics.store(columns, 0, process.stderr.columns || 80);
  };
  update();
  process.stderr.on('resize', update);
  return { columns, stdoutIsTerminal: process.stdout.isTTY === true };
}

/** What the guarded worker runs: the command's arguments, its output, and what it must do at the end. */
export interface GuardedCommand {
  argv: string[];
  io: CliIo;
  /** Hears of the packages the CLI's bundle requires. */
  onRequire: (id: string) => void;
  /** Waits, if the command loaded canvas, until the main thread holds it too. */
  settle: () => void;
}

/** In the guarded worker: the command; undefined in any other thread. */
export function guardedCommand(): GuardedCommand | undefined {
  const data = workerData as GuardedData | undefined;
  if (data?.[GUARDED_WORKER] !== true) return undefined;
  const terminal = data.terminal;
  let asked = false;
  return {
    argv: data.argv,
    io: {
      out: (line) => process.stdout.write(`${line}\n`),
      err: (line) => process.stderr.write(`${line}\n`),
      ...(terminal && {
        terminal: {
          write: (text: string) => process.stderr.write(text),
          columns: () => Atomics.load(terminal.columns, 0) || 80,
          stdoutIsTerminal: terminal.stdoutIsTerminal,
        },
      }),
    },
    onRequire: (id) => {
      if (asked || !NATIVE.has(id)) return;
      asked = true;
      parentPort?.postMessage({ briefkitHold: id });
    },
    // The main thread is idle and answers within milliseconds; long before, as a rule.
    settle: () => {
      if (asked) Atomics.wait(data.held, 0, 0, 10_000);
    },
  };
}
