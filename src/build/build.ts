import path from 'node:path';
import { loadBriefing } from '../briefing/load.js';
import { loadTemplates } from '../compose/load-templates.js';
import { resolveBuildOptions, type ResolvedBuildOptions } from '../config/resolve-build-options.js';
import { loadThemeLogos } from '../theme/logo.js';
import type { Theme } from '../theme/types.js';
import { resolveBuildDate } from './build-date.js';
import { createBudget, resolveBuildLimits, type BuildLimits } from './limits.js';
import { createManifest, hashInputs, manifestOptions, type Manifest } from './manifest.js';
import { runPipeline, type OutputFormat, type PipelineResult, type Stage } from './pipeline.js';

export interface BuildOptions {
  /** Which outputs to make; default both. */
  formats?: readonly OutputFormat[];
  /** YYYY-MM-DD or ISO time; default SOURCE_DATE_EPOCH, else now. */
  date?: string | Date;
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
  onStage?: (stage: Stage) => void;
  /** Time limit and memory budget; default DEFAULT_BUILD_LIMITS, or BRIEFKIT_TIME_LIMIT / BRIEFKIT_MEMORY_BUDGET. */
  limits?: Partial<BuildLimits>;
}

export interface BuildResult {
  /** Base name of the outputs: the data file's name without extension. */
  name: string;
  pdf?: Buffer;
  pptx?: Buffer;
  manifest: Manifest;
  timings: PipelineResult['timings'] & { load?: number };
  result: PipelineResult;
}

/** Builds one briefing file into buffers. Reads inputs (and the config and theme); writes nothing. */
export async function build(file: string, options: BuildOptions = {}): Promise<BuildResult> {
  const start = performance.now();
  const settings = await resolveBuildOptions(file, options);
  return buildResolved(file, settings, options, start);
}

/**
 * `build` once the config and theme are read: buildToDisk resolves them first, for the
 * output folder and the up-to-date check, and must not read them twice.
 */
export async function buildResolved(
  file: string,
  settings: ResolvedBuildOptions,
  options: Pick<BuildOptions, 'date' | 'onStage' | 'limits'>,
  start = performance.now(),
): Promise<BuildResult> {
  const { theme } = settings;
  const buildDate = resolveBuildDate(options.date);
  const budget = createBudget(file, resolveBuildLimits(options.limits));
  const [loaded, templates, logos] = await Promise.all([
    loadBriefing(file),
    loadTemplates(settings.templatesDir),
    loadThemeLogos(theme),
  ]);
  const loadMs = performance.now() - start;
  const pipelineOptions = {
    formats: settings.formats,
    buildDate,
    pageSize: settings.pageSize,
    deckCharts: settings.deckCharts,
    pdfa: settings.pdfa,
  } as const;
  const result = await runPipeline(loaded, templates, theme, {
    ...pipelineOptions,
    logos,
    // Each stage starts within the build's time and memory budget, or the build stops there.
    onStage: (stage) => {
      budget.check(stage);
      options.onStage?.(stage);
    },
  });
  const name = path.basename(file, path.extname(file));
  const outputs: Record<string, Uint8Array> = {};
  if (result.pdf) outputs[`${name}.pdf`] = result.pdf;
  if (result.pptx) outputs[`${name}.pptx`] = result.pptx;
  const inputs = await hashInputs(file, loaded.bytes, templates, theme, settings.config);
  return {
    name,
    ...(result.pdf && { pdf: result.pdf }),
    ...(result.pptx && { pptx: result.pptx }),
    manifest: createManifest(buildDate, manifestOptions(pipelineOptions), inputs, outputs),
    timings: { load: loadMs, ...result.timings },
    result,
  };
}
