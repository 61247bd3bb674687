import { BriefkitError } from '../errors.js';
import type { BuildLimits } from './limits.js';

/**
 * The hard stops of a build in a pool worker, the same as a single build's watchdog
 * gives: the budget is checked as each stage starts, but a stage busy in synchronous
 * work cannot check itself. So each worker's V8 heap is capped (`resourceLimits`: a
 * worker past it is ended, not the process), and a task still running past its time
 * limit plus a grace is aborted, which terminates its worker; the pool starts a fresh
 * one for the next briefing, and the batch carries on.
 */
export const HEAP_GRACE_MB = 512;

/** How long past its limit a build may run before it is stopped: up to 10 s, never more than the limit again. */
export function graceMs(limits: BuildLimits): number {
  return Math.min(10_000, limits.timeLimitMs);
}

export function workerResourceLimits(limits: BuildLimits): { maxOldGenerationSizeMb: number } {
  return { maxOldGenerationSizeMb: limits.memoryBudgetMb + HEAP_GRACE_MB };
}

/**
 * A time limit that starts when the task does (its first step), not when it is
 * queued: a batch of many briefings on two threads waits its turn.
 */
export function taskDeadline(limits: BuildLimits): {
  signal: AbortSignal;
  started: () => void;
  done: () => void;
} {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  return {
    signal: controller.signal,
    started() {
      timer ??= setTimeout(
        () => controller.abort(new Error('time limit')),
        limits.timeLimitMs + graceMs(limits),
      );
    },
    done() {
      clearTimeout(timer);
    },
  };
}

/** What stopped a worker, said as a located limit error; undefined when it was something else. */
export function stoppedWorkerError(
  file: string,
  error: unknown,
  aborted: boolean,
  limits: BuildLimits,
): BriefkitError | undefined {
  if (aborted) {
    return new BriefkitError('LIMIT_EXCEEDED', {
      file,
      message: `stopped the build: it ran past its time limit of ${limits.timeLimitMs / 1000} s`,
      expected: 'a briefing within the documented limits, or a longer BRIEFKIT_TIME_LIMIT',
    });
  }
  const code = (error as { code?: string } | undefined)?.code;
  if (code === 'ERR_WORKER_OUT_OF_MEMORY' || /out of memory|heap/i.test(String(error))) {
    return new BriefkitError('LIMIT_EXCEEDED', {
      file,
      message: `stopped the build: it used more memory than its budget of ${limits.memoryBudgetMb} MB`,
      expected: 'a briefing within the documented limits, or a larger BRIEFKIT_MEMORY_BUDGET',
    });
  }
  return undefined;
}
