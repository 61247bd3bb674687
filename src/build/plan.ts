import { readBriefingFile } from '../briefing/load.js';
import { loadTemplates, type TemplateSet } from '../compose/load-templates.js';
import { readBriefingImages } from '../images/read-image-files.js';
import type { ImageFiles } from '../images/types.js';
import { resolveBuildDate } from './build-date.js';
import { resolveBuildLimits, type BuildLimits } from './limits.js';
import { hashInputs } from './manifest.js';
import type { BuildOptions } from './options.js';
import { outputFiles, outputName, type OutputFiles } from './output-files.js';
import { resolveBuildOptions, type ResolvedBuildOptions } from './resolve-settings.js';

/**
 * Everything one build of one briefing is made from, decided and read once: the settings
 * (defaults < config file < options), the build date, the limits, the names of the
 * outputs, the data file's bytes, the templates, and the SHA-256 of every input. The
 * up-to-date check compares the plan with the last manifest; the build makes the outputs
 * from it; neither reads or hashes an input again. Plain data (structured-cloneable).
 */
export interface BuildPlan {
  /** The data file, as given. */
  file: string;
  /** The outputs' base name: the data file's name without its extension. */
  name: string;
  settings: ResolvedBuildOptions;
  /**
   * The build date. Pinned when chosen (an explicit date, SOURCE_DATE_EPOCH): then a different
   * date means different bytes and a rebuild. A build dated "now" ignores the date when checking.
   */
  date: { value: Date; pinned: boolean };
  limits: BuildLimits;
  force: boolean;
  /** The outputs' file names in settings.outDir. */
  outputs: OutputFiles;
  /** The data file's bytes (parsed by the build, hashed here). */
  data: Buffer<ArrayBuffer>;
  templates: TemplateSet;
  /** The image files the briefing names (`images:`), read once, or why each could not be read. */
  images: ImageFiles;
  /** SHA-256 of every input that can change an output, by display path (the manifest's `inputs`). */
  inputs: Record<string, string>;
}

/**
 * Plans the build of `file`: finds and reads the config, loads the theme, reads the data
 * file, its images and the templates, and hashes every input (fonts, theme file and logos by size and
 * modification time, see cache/file-hashes). Throws a located error for a missing or
 * oversized data file, a bad config, theme or template folder.
 */
export async function planBuild(file: string, options: BuildOptions = {}): Promise<BuildPlan> {
  const settings = await resolveBuildOptions(file, options);
  const date = planDate(options);
  const limits = resolveBuildLimits(options.limits);
  const [data, templates] = await Promise.all([readBriefingFile(file), loadTemplates(settings.templatesDir)]);
  const images = await readBriefingImages(data, file, settings.projectRoot);
  const inputs = await hashInputs(file, data, templates, settings.theme, settings.config, images);
  const name = outputName(file);
  return {
    file,
    name,
    settings,
    date,
    limits,
    force: options.force ?? false,
    outputs: outputFiles(name),
    data,
    templates,
    images,
    inputs,
  };
}

function planDate(options: Pick<BuildOptions, 'date' | 'now'>): BuildPlan['date'] {
  const { date, now } = settleDate(options);
  return date instanceof Date ? { value: date, pinned: true } : { value: now!, pinned: false };
}

/**
 * The build date decided: `{ date }` when it is pinned (the option, else SOURCE_DATE_EPOCH),
 * else `{ now }`, the clock read once. A batch settles it before handing tasks to worker
 * threads, so every briefing carries the same date and no thread reads the clock.
 */
export function settleDate(
  options: Pick<BuildOptions, 'date' | 'now'>,
  env: NodeJS.ProcessEnv = process.env,
): { date: Date; now?: undefined } | { date?: undefined; now: Date } {
  if (options.date !== undefined) return { date: resolveBuildDate(options.date, env) };
  if (options.now !== undefined) return { now: options.now };
  const epoch = env.SOURCE_DATE_EPOCH;
  const pinned = epoch !== undefined && epoch !== '';
  return pinned ? { date: resolveBuildDate(undefined, env) } : { now: resolveBuildDate(undefined, {}) };
}
