import type { Problem } from '../../errors.js';

/**
 * Problems in reading order: by file, then line, then column. Each check finds its own
 * kind of problem in one pass, so unsorted they jump back and forth through a file.
 * Problems without a file (a bad flag) come first; within a place, the order found.
 */
export function sortProblems(problems: readonly Problem[]): Problem[] {
  return problems
    .map((problem, index) => ({ problem, index }))
    .sort(
      (a, b) =>
        compareText(a.problem.file, b.problem.file) ||
        (a.problem.line ?? 0) - (b.problem.line ?? 0) ||
        (a.problem.column ?? 0) - (b.problem.column ?? 0) ||
        a.index - b.index,
    )
    .map(({ problem }) => problem);
}

function compareText(a: string | undefined, b: string | undefined): number {
  if (a === b) return 0;
  if (a === undefined) return -1;
  if (b === undefined) return 1;
  return a < b ? -1 : 1;
}
