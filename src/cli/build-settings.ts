import { existsSync, statSync } from 'node:fs';
import type { BuildTask } from '../build/build-report.js';
import type { BuildOptions } from '../build/options.js';
import type { OutputFormat } from '../build/pipeline.js';
import { settleDate } from '../build/plan.js';
import { closest } from '../briefing/problems.js';
import { fail } from '../errors.js';
import { findSharedPackage, isScopedPackageRef } from '../config/shared-package.js';
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
      ...(values.templates !== undefined && { templatesDir: checkTemplates(values.templates) }),
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

/**
 * --theme: a shipped theme's name, a theme file, or an installed npm package holding one;
 * a typo is a usage error before anything builds.
 */
function checkTheme(value: string): string {
  const isPath = /[\\/]|\.(ya?ml|json)$/i.test(value);
  if (isPath ? existsSync(value) : isShippedThemeName(value)) return value;
  if (findSharedPackage(value, process.cwd(), 'theme')) return value;
  const guess = isPath ? undefined : closest(value, SHIPPED_THEME_NAMES);
  return fail('USAGE_ERROR', {
    message: isScopedPackageRef(value)
      ? `--theme ${value}: theme package not installed`
      : isPath
        ? `--theme ${value}: theme file not found`
        : `--theme ${value} is not known${guess ? ` (did you mean "${guess}"?)` : ''}`,
    expected: `a shipped theme (${SHIPPED_THEME_NAMES.join(', ')}), the path of a theme file, or an installed npm package that holds one`,
  });
}

/** --templates: a folder, or an installed npm package of templates; anywhere, since the user typed it. */
export function checkTemplates(value: string): string {
  if (statSync(value, { throwIfNoEntry: false })?.isDirectory()) return value;
  const shared = findSharedPackage(value, process.cwd(), 'templates');
  if (shared) return shared.target;
  return fail('USAGE_ERROR', {
    message: isScopedPackageRef(value)
      ? `--templates ${value}: templates package not installed`
      : `--templates ${value}: folder not found`,
    expected: 'a folder of .hbs templates, or an installed npm package that holds one',
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
