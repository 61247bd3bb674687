import type { Theme } from '../theme/types.js';
import type { BuildLimits } from './limits.js';
import type { OutputFormat } from './pipeline.js';

/**
 * What a user asks of one build: the API's `build` and `buildFiles`, and the command
 * line's flags, all pass this. Anything left out comes from the config file, then the
 * defaults (planBuild decides). Plain data, so a task carrying it crosses to a worker
 * thread. The other two option types are ResolvedBuildOptions (everything decided, in
 * the BuildPlan) and PipelineOptions (what the stages need).
 */
export interface BuildOptions {
  /** Which outputs to make; default both. */
  formats?: readonly OutputFormat[];
  /**
   * The build date, pinned: YYYY-MM-DD, an ISO time or a Date. A pinned date that differs from
   * the manifest's forces a rebuild. Default SOURCE_DATE_EPOCH (pinned too), else now.
   */
  date?: string | Date;
  /**
   * The clock reading an unpinned build is dated with, so every briefing of a batch carries
   * the same date; given, SOURCE_DATE_EPOCH is not read (the caller has decided). Default: now.
   */
  now?: Date;
  pageSize?: 'A4' | 'Letter';
  deckCharts?: 'native' | 'image';
  pdfa?: boolean;
  /** A folder whose templates override the built-in ones, file by file. */
  templatesDir?: string;
  /** A Theme, a shipped theme's name ("default", "ink") or a theme file's path; default the config's, else "default". */
  theme?: Theme | string;
  /**
   * A config file whose settings apply under these options (which win); default the
   * briefkit.config.yaml found next to the data file or above it; false for none.
   */
  config?: string | false;
  /** Output folder (buildFiles, the command line); default the config file's `out`, else `output`. */
  outDir?: string;
  /** Rebuild even when the manifest says the outputs are up to date. */
  force?: boolean;
  /** Time limit and memory budget; default DEFAULT_BUILD_LIMITS, or BRIEFKIT_TIME_LIMIT / BRIEFKIT_MEMORY_BUDGET. */
  limits?: Partial<BuildLimits>;
}
