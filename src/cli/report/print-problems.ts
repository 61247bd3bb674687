import type { BuildReport } from '../../build/build-report.js';
import { formatProblem } from '../../errors.js';
import { sortProblems } from './sort-problems.js';

/**
 * A failed briefing's problems, one located line each. In a batch a heading names the
 * briefing first, since a template's error points at the template, not the data file.
 */
/** Problems that did not stop a build (characters the fonts lack), one located line each. */
export function warningLines(report: BuildReport): string[] {
  return (report.warnings ?? []).map((problem) => `warning: ${formatProblem(problem)}`);
}

export function problemLines(report: BuildReport, batch: boolean): string[] {
  const errors = sortProblems(report.errors);
  if (batch) {
    const count = errors.length > 1 ? ` (${errors.length} problems)` : '';
    return [`error: ${report.file} failed${count}`, ...errors.map((p) => `  ${formatProblem(p)}`)];
  }
  if (errors.length === 1) return [`error: ${formatProblem(errors[0]!)}`];
  return [`error: ${errors.length} problems`, ...errors.map((p) => `  ${formatProblem(p)}`)];
}
