import { resolveBuildDate } from '../build/build-date.js';
import type { BuildTask, TaskOptions } from '../build/build-report.js';
import type { OutputFormat } from '../build/pipeline.js';
import { fail } from '../errors.js';
import { oneOf, type CliValues } from './args.js';

/** What `build` and `watch` share: the options every briefing of one run is built with. */
export interface BuildSettings {
  outDir: string;
  force: boolean;
  datePinned: boolean;
  options: TaskOptions;
  /** Worker threads for a batch (--jobs); default one per core. */
  threads?: number;
}

export function resolveBuildSettings(values: CliValues, env: NodeJS.ProcessEnv): BuildSettings {
  const epoch = env.SOURCE_DATE_EPOCH;
  return {
    outDir: values.out ?? 'output',
    force: values.force ?? false,
    datePinned: values.date !== undefined || (epoch !== undefined && epoch !== ''),
    // Resolved once, so every briefing of a batch carries the same build date.
    options: {
      date: resolveBuildDate(values.date, env),
      formats: parseFormats(values.format),
      pageSize: oneOf('page-size', values['page-size'], ['A4', 'Letter'] as const) ?? 'A4',
      deckCharts: oneOf('deck-charts', values['deck-charts'], ['native', 'image'] as const) ?? 'native',
      pdfa: values.pdfa ?? false,
      ...(values.templates !== undefined && { templatesDir: values.templates }),
    },
    ...(values.jobs !== undefined && { threads: parseJobs(values.jobs) }),
  };
}

export function taskFor(file: string, settings: BuildSettings): BuildTask {
  const { outDir, force, datePinned, options } = settings;
  return { file, outDir, force, datePinned, options };
}

function parseFormats(value: string | undefined): OutputFormat[] {
  if (value === undefined) return ['pdf', 'pptx'];
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
