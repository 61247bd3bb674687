import { exitCodeFor, isBriefkitError, type ErrorCode, type Problem } from '../errors.js';
import type { BuildOptions } from './options.js';
import { outputName } from './output-files.js';
import type { OutputFormat, Stage } from './pipeline.js';

/**
 * Plain data about one briefing's build, the same whether it ran in this thread or
 * in a pool worker: workers cannot send class instances (BriefkitError) back, so
 * everything a reporter or `--json` needs is spelled out here.
 */

/** Everything a progress display can show: the pipeline's stages plus the steps around them. */
export type BuildStep = 'check' | 'load' | Stage | 'write';

/**
 * One briefing to build; structured-cloneable so it can cross to a worker thread, where
 * planBuild(file, options) decides the rest. A batch resolves the build date once (`date`
 * when pinned, else `now`), so worker threads never read the clock.
 */
export interface BuildTask {
  file: string;
  options: BuildOptions;
}

export interface OutputReport {
  format: OutputFormat;
  /** Path as shown to people: relative to the working folder when inside it. */
  file: string;
  sha256: string;
  bytes: number;
}

export interface ErrorReport extends Problem {
  code: ErrorCode;
}

export interface BuildReport {
  file: string;
  name: string;
  status: 'built' | 'skipped' | 'failed';
  /** Why it was rebuilt (first difference from the manifest), or why it was skipped. */
  reason?: string;
  outputs: OutputReport[];
  manifest?: string;
  /** Milliseconds per step, rounded; `total` is the whole briefing. */
  timings: Partial<Record<BuildStep | 'total', number>>;
  errors: ErrorReport[];
  /** Located problems that did not stop the build, e.g. characters the fonts lack. */
  warnings?: Problem[];
  /** What this briefing alone would make the CLI return: 0, 1 or 3. */
  exitCode: 0 | 1 | 2 | 3;
}

/** Turns any thrown value into located problems that survive structured cloning. */
export function toErrorReports(error: unknown): ErrorReport[] {
  if (isBriefkitError(error)) return error.problems.map((problem) => ({ code: error.code, ...problem }));
  const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
  return [{ code: 'INTERNAL_ERROR', message: `internal error (please report it): ${message}` }];
}

export function failedReport(
  task: Pick<BuildTask, 'file'>,
  error: unknown,
  totalMs: number,
  timings: BuildReport['timings'] = {},
): BuildReport {
  return {
    file: task.file,
    name: outputName(task.file),
    status: 'failed',
    outputs: [],
    timings: { ...timings, total: Math.round(totalMs) },
    errors: toErrorReports(error),
    exitCode: exitCodeFor(error),
  };
}
