import v8 from 'node:v8';

/**
 * How much later than by default V8 optimises a function with TurboFan in the CLI, as a V8
 * flag. V8 11 (Node 20) counts bytecode run since the last tier-up check (--interrupt-budget,
 * default 66 KB); V8 12 and later (Node 22, 24) count calls instead (TurboFan after 3,000 by
 * default, Maglev, a faster tier, after 400: left as it is). Both raised about 4.4 times.
 */
export function tierUpFlag(v8Version: string = process.versions.v8): string {
  const major = Number(v8Version.split('.')[0]);
  return major >= 12 ? '--invocation-count-for-turbofan=13000' : '--interrupt-budget=300000';
}

/** The flags that set what tierUpFlag sets, in any V8 version. */
const TIER_UP_FLAG = /^--(interrupt-budget|invocation-count-for-turbofan)(=|$)/;

/**
 * Tunes V8's tier-up for the CLI's process, before it loads its code (src/cli/main.ts). A
 * build runs much of its code as closures made anew for each call (a paragraph's wrapping
 * helpers, a slide's painters) whose optimised code V8 drops at each full collection, so by
 * default TurboFan compiles the same functions again and again: in a batch, some 1,500
 * optimisations per 100 briefings in one worker, a third of the batch's CPU on V8's
 * background threads; in a single build, code that runs for a few hundred milliseconds gets
 * optimised and thrown away. Optimising later, only the code that stays hot is optimised.
 * Measured on Node 20 (CPU, interleaved medians): a batch of 100 on 2 workers 12.6 -> 10.9 s,
 * a cold build of both outputs 0.52 -> 0.39 s (RSS 116 -> 109 MB), the 10x briefing 1.52 ->
 * 1.09 s; a batch of 10 on Node 22 2.50 -> 2.13 s, on Node 24 2.30 -> 2.20 s.
 *
 * The flag is process-wide (V8 has no per-isolate setting, and a worker's execArgv takes no
 * V8 flags), so only the CLI, whose process runs nothing else, sets it: in the thread that
 * runs the command (the guarded worker of a single build, src/cli/guarded-run.ts, else the
 * main thread), after that thread has started (a worker started under a changed flag
 * recompiles Node's built-in modules, ~17 ms) and before the code cache is looked up (its
 * name carries V8's flags). A tier-up flag given on node's command line is kept. Returns
 * whether the flag was set.
 */
export function tuneTierUp(execArgv: readonly string[] = process.execArgv): boolean {
  if (execArgv.some((arg) => TIER_UP_FLAG.test(arg.replaceAll('_', '-')))) return false;
  v8.setFlagsFromString(tierUpFlag());
  return true;
}
