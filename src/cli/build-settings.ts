import { existsSync } from 'node:fs';
import type { BuildTask } from '../build/build-report.js';
import type { BuildOptions } from '../build/options.js';
import type { OutputFormat } from '../build/pipeline.js';
import { settleDate } from '../build/plan.js';
import { closest } from '../briefing/problems.js';
import { fail } from '../errors.js';
import { isShippedThemeName, SHIPPED_THEME_NAMES } from '../theme/shipped-themes.js';
import { oneOf, type CliValues } from './args.js';

/**
 * What `build` and `watch` share: the options the command line sets for every briefing
 * of one run. Only flags that were given are set: each briefing's config file fills in
 * the rest, then the defaults (defaults < config < flags).
 */
export interface BuildSettings {
  /** The build date is settled once (`date` when pinned, else `now`), so a batch carries one date. */
  options: BuildOptions;
  /** Worker threads for a batch (--jobs); default one per core. */
  threads?: number;
}

export function resolveBuildSettings(values: CliValues, env: NodeJS.ProcessEnv): BuildSettings {
  return {
    options: {
      ...settleDate({ ...(values.date !== undefined && { date: values.date }) }, env),
      ...(values.out !== undefined && { outDir: values.out }),
      ...(values.force !== undefined && { force: values.force }),
      ...(values.format !== undefined && { formats: parseFormats(values.format) }),
      ...definedValue('pageSize', oneOf('page-size', values['page-size'], ['A4', 'Letter'] as const)),
      ...definedValue(
        'deckCharts',
        oneOf('deck-charts', values['deck-charts'], ['native', 'image'] as const),
      ),
      ...(values.pdfa !== undefined && { pdfa: values.pdfa }),
      ...(values.templates !== undefined && { templatesDir: values.templates }),
      ...(values.theme !== undefined && { theme: checkTheme(values.theme) }),
      ...(values.config !== undefined && { config: checkConfig(values.config) }),
    },
    ...(values.jobs !== undefined && { threads: parseJobs(values.jobs) }),
  };
}

export function taskFor(file: string, settings: BuildSettings): BuildTask {
  return { file, options: settings.options };
}

function definedValue<K extends string, V>(key: K, value: V | undefined): Partial<Record<K, V>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, V>);
}

/** --theme: a shipped theme's name or a theme file; a typo is a usage error before anything builds. */
function checkTheme(value: string): string {
  const isPath = /[\\/]|\.(ya?ml|json)$/i.test(value);
  if (isPath ? existsSync(value) : isShippedThemeName(value)) return value;
  const guess = isPath ? undefined : closest(value, SHIPPED_THEME_NAMES);
  return fail('USAGE_ERROR', {
    message: isPath
      ? `--theme ${value}: theme file not found`
      : `--theme ${value} is not known${guess ? ` (did you mean "${guess}"?)` : ''}`,
    expected: `a shipped theme (${SHIPPED_THEME_NAMES.join(', ')}) or the path of a theme file`,
  });
}

function checkConfig(value: string): string {
  if (existsSync(value)) return value;
  return fail('USAGE_ERROR', {
    message: `--config ${value}: config file not found`,
    expected: 'the path of a briefkit.config.yaml or .json file',
  });
}

function parseFormats(value: string): OutputFormat[] {
  const formats = value.split(',').map((f) => oneOf('format', f.trim(), ['pdf', 'pptx'] as const)!);
  return [...new Set(formats)];
}

function parseJobs(value: string): number {
  const jobs = Number(value);
  if (!Number.isInteger(jobs) || jobs < 1)
    fail('USAGE_ERROR', {
      message: `--jobs ${value} is not a count`,
      expected: 'a whole number of at least 1',
    });
  return jobs;
}
