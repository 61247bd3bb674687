import { Worker } from 'node:worker_threads';
import type { BuildLimits } from './limits.js';

/** How far past the budget the watchdog lets a build run before it stops the process. */
const GRACE_MS = 10_000;
const GRACE_MB = 512;

export interface Watchdog {
  stop(): Promise<void>;
}

/**
 * A hard stop behind the budget's checks. The budget is checked as each stage starts;
 * a stage busy in synchronous work (laying out pages) cannot check itself. This tiny
 * thread watches the clock and the process's memory and, past the limit plus a grace,
 * prints why and kills the process. Outputs are renamed into place only when complete,
 * so a killed build leaves the previous ones untouched.
 */
export function startWatchdog(limits: BuildLimits, what: string, graceMs = GRACE_MS): Watchdog {
  const worker = new Worker(WATCHDOG_SOURCE, {
    eval: true,
    // Plain CommonJS needs no loader; an inherited one (tsx under tests) would wait on the busy main thread.
    execArgv: [],
    workerData: {
      deadline: Date.now() + limits.timeLimitMs + graceMs,
      budgetBytes: (limits.memoryBudgetMb + GRACE_MB) * 1024 * 1024,
      limitSeconds: limits.timeLimitMs / 1000,
      budgetMb: limits.memoryBudgetMb,
      what,
    },
  });
  // The watchdog never keeps the process alive on its own.
  worker.unref();
  return {
    async stop() {
      await worker.terminate();
    },
  };
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
}, 100);
`;
