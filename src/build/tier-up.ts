import v8 from 'node:v8';

/**
 * How much later than by default V8 optimises a function with TurboFan in a batch, as a V8
 * flag. V8 11 (Node 20) counts bytecode run since the last tier-up check (--interrupt-budget,
 * default 66 KB); V8 12 and later (Node 22, 24) count calls instead (TurboFan after 3,000 by
 * default, Maglev, a faster tier, after 400: left as it is). Both raised about 4.4 times.
 */
export function batchTierUpFlag(v8Version: string = process.versions.v8): string {
  const major = Number(v8Version.split('.')[0]);
  return major >= 12 ? '--invocation-count-for-turbofan=13000' : '--interrupt-budget=300000';
}

/** The flags that set what batchTierUpFlag sets, in any V8 version. */
const TIER_UP_FLAG = /^--(interrupt-budget|invocation-count-for-turbofan)(=|$)/;

/**
 * Tunes V8's tier-up for a batch, in a process the batch owns (the CLI): each pool worker
 * runs the same code for dozens of briefings, and much of it is closures made anew for each
 * call (a paragraph's wrapping helpers, a slide's painters) whose optimised code V8 drops
 * at each full collection, so by default TurboFan compiles the same functions again and
 * again: some 1,500 optimisations per 100 briefings in one worker, a third of the batch's CPU
 * on V8's background threads. Optimising later, only the code that stays hot is optimised:
 * a batch used a sixth to a fifth less CPU (Node 20 and 22) and its workers ran no slower.
 *
 * The flag is process-wide (V8 has no per-isolate setting, and a worker's execArgv takes no
 * V8 flags), which is why only a process that runs nothing else sets it, before the pool's
 * workers start. A tier-up flag given on node's command line is kept. Returns whether the
 * flag was set.
 */
export function tuneTierUpForBatch(execArgv: readonly string[] = process.execArgv): boolean {
  if (execArgv.some((arg) => TIER_UP_FLAG.test(arg.replaceAll('_', '-')))) return false;
  v8.setFlagsFromString(batchTierUpFlag());
  return true;
}
