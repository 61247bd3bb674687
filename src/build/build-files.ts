import { buildMany, type BatchHooks } from './build-many.js';
import type { BuildReport, BuildStep } from './build-report.js';
import type { BuildOptions } from './options.js';
import { settleDate } from './plan.js';

/** buildFiles' options: a build's options, plus how the batch runs and reports. */
export type BuildFilesOptions = BuildOptions &
  Pick<BatchHooks, 'threads' | 'onDone'> & {
    onStep?: (file: string, step: BuildStep) => void;
  };

/**
 * Builds briefing files to disk, as `briefkit build` does: skips the up-to-date ones,
 * runs several on a worker pool, and returns one report per file (in the given order)
 * instead of throwing, so one broken briefing does not stop the rest.
 */
export async function buildFiles(
  files: readonly string[],
  options: BuildFilesOptions = {},
): Promise<BuildReport[]> {
  const { threads, onStep, onDone, ...buildOptions } = options;
  // One date for the whole batch, decided here: worker threads must not each read the clock.
  const batch = { ...buildOptions, ...settleDate(buildOptions) };
  return buildMany(
    files.map((file) => ({ file, options: batch })),
    {
      onStep: (task, step) => onStep?.(task.file, step),
      ...(onDone && { onDone }),
      ...(threads !== undefined && { threads }),
    },
  );
}
