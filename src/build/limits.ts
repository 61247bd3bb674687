import { getHeapStatistics } from 'node:v8';
import { DATA_LIMITS } from '../briefing/limits.js';
import { BriefkitError } from '../errors.js';

export { DATA_LIMITS, type DataLimits } from '../briefing/limits.js';

/**
 * How long a build may take and how much memory it may hold. A briefing within
 * DATA_LIMITS builds in well under these on a 2-core laptop (the largest cases in
 * test/hostile take about 10 s and 700 MB), so they only stop what the data limits
 * could not foresee; they are checked as each stage starts. Environment variables
 * BRIEFKIT_TIME_LIMIT (seconds) and BRIEFKIT_MEMORY_BUDGET (MB) change them.
 */
export interface BuildLimits {
  timeLimitMs: number;
  memoryBudgetMb: number;
}

export const DEFAULT_BUILD_LIMITS: BuildLimits = {
  timeLimitMs: 120_000,
  // Below the default V8 heap limit on a 4 GB machine, so the budget stops a build before V8 aborts.
  memoryBudgetMb: 1_536,
};

/** Defaults < environment < explicit options. */
export function resolveBuildLimits(
  options: Partial<BuildLimits> = {},
  env: NodeJS.ProcessEnv = process.env,
): BuildLimits {
  const fromEnv = (name: string, scale: number): number | undefined => {
    const value = env[name];
    if (value === undefined || value === '') return undefined;
    const n = Number(value);
    if (!Number.isFinite(n) || n <= 0) {
      throw new BriefkitError('USAGE_ERROR', {
        message: `${name}="${value}" is not a positive number`,
        expected: name === 'BRIEFKIT_TIME_LIMIT' ? 'seconds, such as 120' : 'megabytes, such as 1536',
      });
    }
    return n * scale;
  };
  return {
    timeLimitMs:
      options.timeLimitMs ?? fromEnv('BRIEFKIT_TIME_LIMIT', 1000) ?? DEFAULT_BUILD_LIMITS.timeLimitMs,
    memoryBudgetMb:
      options.memoryBudgetMb ?? fromEnv('BRIEFKIT_MEMORY_BUDGET', 1) ?? DEFAULT_BUILD_LIMITS.memoryBudgetMb,
  };
}

export interface BuildBudget {
  /** Throws LIMIT_EXCEEDED when the build is over its time or memory; call as a stage starts. */
  check(stage: string): void;
}

/** A budget for one build of `file`, counted from `started` (by default, now). */
export function createBudget(
  file: string,
  limits: BuildLimits,
  now = () => performance.now(),
  started = now(),
): BuildBudget {
  return {
    check(stage) {
      const elapsed = now() - started;
      if (elapsed > limits.timeLimitMs) {
        throw new BriefkitError('LIMIT_EXCEEDED', {
          file,
          message: `the build took ${seconds(elapsed)} s, over its time limit of ${seconds(limits.timeLimitMs)} s (stopped before: ${stage})`,
          expected: `a briefing within the documented limits, or a longer limit (BRIEFKIT_TIME_LIMIT=${Math.ceil((elapsed * 2) / 1000)})`,
        });
      }
      const heapMb = getHeapStatistics().used_heap_size / 1024 / 1024;
      if (heapMb > limits.memoryBudgetMb) {
        throw new BriefkitError('LIMIT_EXCEEDED', {
          file,
          message: `the build holds ${Math.round(heapMb)} MB, over its memory budget of ${limits.memoryBudgetMb} MB (stopped before: ${stage})`,
          expected: `a briefing within the documented limits (at most ${DATA_LIMITS.values.toLocaleString('en')} values, ${DATA_LIMITS.charts} charts), or a larger BRIEFKIT_MEMORY_BUDGET`,
        });
      }
    },
  };
}

function seconds(ms: number): string {
  return (ms / 1000).toFixed(ms < 10_000 ? 1 : 0);
}
