import { writeSync } from 'node:fs';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import type { BuildLimits } from './limits.js';

/** How far past the budget the watchdog lets a build run before it stops the process. */
const GRACE_MS = 10_000;
const GRACE_MB = 512;
/** How often the clock and the process's memory are read. */
const CHECK_MS = 100;

export interface Watchdog {
  stop(): Promise<void>;
}

/** One build's hard limits, as the thread that enforces them reads them. */
export interface Watch {
  deadline: number;
  budgetBytes: number;
  limitSeconds: number;
  budgetMb: number;
  what: string;
}

/** What a guarded worker sends its guard (guardWorker) when a build starts and ends. */
type WatchMessage =
  { briefkitWatchdog: 'start'; id: number; watch: Watch } | { briefkitWatchdog: 'stop'; id: number };

/** workerData of a worker that guardWorker guards: its builds need no thread of their own. */
export const GUARDED_WORKER = 'briefkitGuardedWorker';

let lastId = 0;

/**
 * A hard stop behind the budget's checks. The budget is checked as each stage starts;
 * a stage busy in synchronous work (laying out pages) cannot check itself, so another thread
 * watches the clock and the process's memory and, past the limit plus a grace, prints why
 * and kills the process. Outputs are renamed into place only when complete, so a killed
 * build leaves the previous ones untouched.
 *
 * The CLI runs `build` and `validate` in a worker thread whose main thread is that other
 * thread (guardWorker, src/cli/guarded-run.ts): the build only tells it what to watch. Anywhere
 * else (watch, the tests) a tiny thread of its own does the watching.
 */
export function startWatchdog(limits: BuildLimits, what: string, graceMs = GRACE_MS): Watchdog {
  const watch: Watch = {
    deadline: Date.now() + limits.timeLimitMs + graceMs,
    budgetBytes: (limits.memoryBudgetMb + GRACE_MB) * 1024 * 1024,
    limitSeconds: limits.timeLimitMs / 1000,
    budgetMb: limits.memoryBudgetMb,
    what,
  };
  const guard = guardingThread();
  if (guard) {
    const id = ++lastId;
    guard.postMessage({ briefkitWatchdog: 'start', id, watch } satisfies WatchMessage);
    return {
      stop: async () => guard.postMessage({ briefkitWatchdog: 'stop', id } satisfies WatchMessage),
    };
  }
  const worker = new Worker(WATCHDOG_SOURCE, {
    eval: true,
    // Plain CommonJS needs no loader; an inherited one (tsx under tests) would wait on the busy main thread.
    execArgv: [],
    workerData: watch,
  });
  // The watchdog never keeps the process alive on its own.
  worker.unref();
  return {
    async stop() {
      await worker.terminate();
    },
  };
}

function guardingThread(): typeof parentPort {
  const data = workerData as Record<string, unknown> | null | undefined;
  return !isMainThread && data?.[GUARDED_WORKER] === true ? parentPort : null;
}

/** Why a build must stop now, or undefined (the thread's source below says the same). */
function overLimit(watch: Watch, now: number, rss: number): string | undefined {
  if (now > watch.deadline)
    return `it ran past its time limit of ${watch.limitSeconds} s (BRIEFKIT_TIME_LIMIT)`;
  if (rss > watch.budgetBytes)
    return `it used more memory than its budget of ${watch.budgetMb} MB (BRIEFKIT_MEMORY_BUDGET)`;
  return undefined;
}

/** Prints why and kills the process at once, as the thread watchdog does. */
function stopProcess(watch: Watch, why: string): void {
  writeSync(2, `error: ${watch.what}: stopped the build because ${why}; previous outputs are untouched\n`);
  process.kill(process.pid, 'SIGKILL');
}

/**
 * Guards the builds of `worker` from this thread: the worker says when each build starts and
 * ends (startWatchdog above); while one runs, this thread reads the clock and the process's
 * memory every 100 ms and stops the process past the limits, however busy the worker is.
 */
export function guardWorker(worker: Worker): void {
  const watches = new Map<number, Watch>();
  let timer: NodeJS.Timeout | undefined;
  const check = (): void => {
    const now = Date.now();
    const rss = process.memoryUsage.rss();
    for (const watch of watches.values()) {
      const why = overLimit(watch, now, rss);
      if (why) stopProcess(watch, why);
    }
  };
  worker.on('message', (message: WatchMessage) => {
    if (message?.briefkitWatchdog === 'start') watches.set(message.id, message.watch);
    else if (message?.briefkitWatchdog === 'stop') watches.delete(message.id);
    else return;
    if (watches.size > 0 && !timer) timer = setInterval(check, CHECK_MS).unref();
    if (watches.size === 0 && timer) {
      clearInterval(timer);
      timer = undefined;
    }
  });
  worker.once('exit', () => clearInterval(timer));
}

const WATCHDOG_SOURCE = `
const { workerData } = require('node:worker_threads');
const { writeSync } = require('node:fs');
const { deadline, budgetBytes, limitSeconds, budgetMb, what } = workerData;
setInterval(() => {
  let why;
  if (Date.now() > deadline) why = 'it ran past its time limit of ' + limitSeconds + ' s (BRIEFKIT_TIME_LIMIT)';
  else if (process.memoryUsage.rss() > budgetBytes) why = 'it used more memory than its budget of ' + budgetMb + ' MB (BRIEFKIT_MEMORY_BUDGET)';
  if (!why) return;
  writeSync(2, 'error: ' + what + ': stopped the build because ' + why + '; previous outputs are untouched\\n');
  process.kill(process.pid, 'SIGKILL');
}, ${CHECK_MS});
`;
