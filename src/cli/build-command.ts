import { buildMany } from '../build/build-many.js';
import { resolveBuildLimits } from '../build/limits.js';
import { parseShard, selectShard } from '../build/shard.js';
import { startWatchdog } from '../build/watchdog.js';
import { fail } from '../errors.js';
import type { CliValues } from './args.js';
import { checkNameClashes, expandInputs, noBriefingsFound } from './build-inputs.js';
import { resolveBuildSettings, taskFor } from './build-settings.js';
import type { CliIo } from './io.js';
import { createReporter } from './report/create-reporter.js';
import { plural } from './report/labels.js';

/**
 * `briefkit build <file|folder>...`: one briefing builds in this thread, several on a
 * worker pool. A failing briefing is reported and the others go on; the exit code is
 * the worst of them (0 all built or up to date, 1 a briefing or template is wrong).
 */
export async function buildCommand(args: string[], values: CliValues, io: CliIo): Promise<number> {
  if (args.length === 0)
    fail('USAGE_ERROR', {
      message: 'build needs a briefing file',
      expected: 'briefkit build <file.yaml> [more files or folders]',
    });
  const settings = resolveBuildSettings(values, io.env ?? process.env);
  const shard = values.shard === undefined ? undefined : parseShard(values.shard);
  const all = await expandInputs(args);
  if (all.length === 0) noBriefingsFound(args);
  const files = shard ? selectShard(all, shard) : all;
  checkNameClashes(files);
  const reporter = createReporter(io, {
    quiet: values.quiet ?? false,
    json: values.json ?? false,
    buildDate: settings.options.date instanceof Date ? settings.options.date : settings.options.now,
    ...(values.shard !== undefined && { shard: values.shard }),
  });
  if (files.length === 0 && !values.json)
    io.err(`nothing to build in shard ${values.shard ?? ''} (${plural(all.length, 'briefing')} in all)`);
  const started = performance.now();
  const tasks = files.map((file) => taskFor(file, settings));
  reporter.start(tasks);
  // One briefing builds in this thread: a watchdog thread enforces its limits even while a
  // stage is busy. In a batch each worker's build checks its own budget.
  const watchdog =
    tasks.length === 1 ? startWatchdog(resolveBuildLimits({}, io.env ?? process.env), files[0]!) : undefined;
  const reports = await buildMany(tasks, {
    onStep: reporter.step,
    onDone: reporter.done,
    ownsProcess: true,
    ...(settings.threads !== undefined && { threads: settings.threads }),
  }).finally(() => watchdog?.stop());
  reporter.finish(reports, performance.now() - started);
  return Math.max(0, ...reports.map((r) => r.exitCode));
}
