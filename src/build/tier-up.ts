import v8 from 'node:v8';

/**
 * V8 optimises a function (TurboFan) once it has run this much bytecode since its last
 * tier-up check; V8's own default is about a quarter of it (66 KB on Node 20).
 */
export const BATCH_INTERRUPT_BUDGET = 300_000;

/**
 * Tunes V8's tier-up for a batch, in a process the batch owns (the CLI): each pool worker
 * runs the same code for dozens of briefings, and much of it is closures made anew for each
 * call (a paragraph's wrapping helpers, a slide's painters) whose optimised code V8 drops
 * at each full collection, so with the default budget TurboFan compiles the same functions
 * again and again: some 1,500 optimisations per 100 briefings in one worker, a third of the
 * batch's CPU on V8's background threads. With a larger budget only the code that stays hot
 * is optimised: a batch of 100 used about a fifth less CPU and its workers ran no slower.
 *
 * The flag is process-wide (V8 has no per-isolate setting, and a worker's execArgv takes no
 * V8 flags), which is why only a process that runs nothing else sets it, before the pool's
 * workers start. A budget given on the command line (node --interrupt-budget=...) is kept.
 * Returns whether the budget was set.
 */
export function tuneTierUpForBatch(execArgv: readonly string[] = process.execArgv): boolean {
  if (execArgv.some((arg) => /^--interrupt[-_]budget(=|$)/.test(arg))) return false;
  v8.setFlagsFromString(`--interrupt-budget=${BATCH_INTERRUPT_BUDGET}`);
  return true;
}
