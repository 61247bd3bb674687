import type { BuildOptions } from './build.js';
import { resolveBuildDate } from './build-date.js';
import { buildMany } from './build-many.js';
import type { BuildReport, BuildStep } from './build-report.js';

export interface BuildFilesOptions extends Omit<BuildOptions, 'onStage'> {
  /** Output folder; default the config file's `out`, else `output`. */
  outDir?: string;
  /** Rebuild even when the manifest says the outputs are up to date. */
  force?: boolean;
  /** Worker threads; default one per core. */
  threads?: number;
  onStep?: (file: string, step: BuildStep) => void;
  onDone?: (report: BuildReport) => void;
}

/**
 * Builds briefing files to disk, as `briefkit build` does: skips the up-to-date ones,
 * runs several on a worker pool, and returns one report per file (in the given order)
 * instead of throwing, so one broken briefing does not stop the rest.
 */
export async function buildFiles(
  files: readonly string[],
  options: BuildFilesOptions = {},
): Promise<BuildReport[]> {
  const { outDir, force = false, threads, onStep, onDone, date, ...rest } = options;
  const epoch = process.env.SOURCE_DATE_EPOCH;
  const datePinned = date !== undefined || (epoch !== undefined && epoch !== '');
  // One date for the whole batch, resolved here: worker threads must not each read the clock.
  const taskOptions = { ...rest, date: resolveBuildDate(date) };
  const tasks = files.map((file) => ({
    file,
    ...(outDir !== undefined && { outDir }),
    force,
    datePinned,
    options: taskOptions,
  }));
  return buildMany(tasks, {
    onStep: (task, step) => onStep?.(task.file, step),
    ...(onDone && { onDone }),
    ...(threads !== undefined && { threads }),
  });
}
