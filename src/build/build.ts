import { parseBriefingBytes } from '../briefing/load.js';
import { loadThemeLogos } from '../theme/logo.js';
import { createBudget } from './limits.js';
import { createManifest, manifestOptions, type Manifest } from './manifest.js';
import type { BuildOptions } from './options.js';
import { planBuild, type BuildPlan } from './plan.js';
import { runPipeline, type PipelineResult, type Stage } from './pipeline.js';

export interface BuildResult {
  /** Base name of the outputs: the data file's name without extension. */
  name: string;
  pdf?: Buffer;
  pptx?: Buffer;
  manifest: Manifest;
  timings: PipelineResult['timings'] & { load?: number };
  result: PipelineResult;
}

/** Called as each stage starts, for progress displays. */
export type OnStage = (stage: Stage) => void;

/**
 * Builds one briefing file into buffers: plans it (reads the config, theme, data and
 * templates), then builds the plan. Writes nothing.
 */
export async function build(
  file: string,
  options: BuildOptions & { onStage?: OnStage } = {},
): Promise<BuildResult> {
  const start = performance.now();
  const { onStage, ...rest } = options;
  const plan = await planBuild(file, rest);
  return buildPlanned(plan, onStage, start);
}

/**
 * Makes a plan's outputs in memory. The plan holds the inputs already read; only the theme's
 * logos are decoded here (canvas), since an up-to-date check never needs them.
 */
export async function buildPlanned(
  plan: BuildPlan,
  onStage?: OnStage,
  start = performance.now(),
): Promise<BuildResult> {
  const { settings, outputs } = plan;
  // The time limit counts from the build's start (planning included, when build() planned it).
  const budget = createBudget(plan.file, plan.limits, undefined, start);
  const logos = await loadThemeLogos(settings.theme);
  const loaded = parseBriefingBytes(plan.data, plan.file);
  const loadMs = performance.now() - start;
  const result = await runPipeline(loaded, plan.templates, settings.theme, {
    formats: settings.formats,
    buildDate: plan.date.value,
    pageSize: settings.pageSize,
    deckCharts: settings.deckCharts,
    pdfa: settings.pdfa,
    logos,
    images: plan.images,
    // Each stage starts within the build's time and memory budget, or the build stops there.
    onStage: (stage) => {
      budget.check(stage);
      onStage?.(stage);
    },
  });
  const made: Record<string, Uint8Array> = {};
  if (result.pdf) made[outputs.pdf] = result.pdf;
  if (result.pptx) made[outputs.pptx] = result.pptx;
  return {
    name: plan.name,
    ...(result.pdf && { pdf: result.pdf }),
    ...(result.pptx && { pptx: result.pptx }),
    manifest: createManifest(plan.date.value, manifestOptions(settings), plan.inputs, made),
    timings: { load: loadMs, ...result.timings },
    result,
  };
}
