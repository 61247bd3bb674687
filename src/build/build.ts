import path from 'node:path';
import { loadBriefing } from '../briefing/load.js';
import { loadTemplates } from '../compose/load-templates.js';
import { defaultTheme } from '../theme/default-theme.js';
import type { Theme } from '../theme/types.js';
import { resolveBuildDate } from './build-date.js';
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
  theme?: Theme;
  onStage?: (stage: Stage) => void;
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

/** Builds one briefing file into buffers. Reads inputs; writes nothing. */
export async function build(file: string, options: BuildOptions = {}): Promise<BuildResult> {
  const start = performance.now();
  const formats = options.formats ?? ['pdf', 'pptx'];
  const buildDate = resolveBuildDate(options.date);
  const theme = options.theme ?? defaultTheme();
  const [loaded, templates] = await Promise.all([loadBriefing(file), loadTemplates(options.templatesDir)]);
  const loadMs = performance.now() - start;
  const pipelineOptions = {
    formats,
    buildDate,
    pageSize: options.pageSize ?? 'A4',
    deckCharts: options.deckCharts ?? 'native',
    pdfa: options.pdfa ?? false,
  } as const;
  const result = await runPipeline(loaded, templates, theme, {
    ...pipelineOptions,
    onStage: options.onStage,
  });
  const name = path.basename(file, path.extname(file));
  const outputs: Record<string, Uint8Array> = {};
  if (result.pdf) outputs[`${name}.pdf`] = result.pdf;
  if (result.pptx) outputs[`${name}.pptx`] = result.pptx;
  const inputs = await hashInputs(file, loaded.bytes, templates, theme);
  return {
    name,
    ...(result.pdf && { pdf: result.pdf }),
    ...(result.pptx && { pptx: result.pptx }),
    manifest: createManifest(buildDate, manifestOptions(pipelineOptions), inputs, outputs),
    timings: { load: loadMs, ...result.timings },
    result,
  };
}
