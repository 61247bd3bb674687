import { existsSync } from 'node:fs';
import { buildMany } from '../build/build-many.js';
import { resolveBuildDate } from '../build/build-date.js';
import { resolveBuildLimits } from '../build/limits.js';
import { startWatchdog } from '../build/watchdog.js';
import { displayPath } from '../display-path.js';
import { watchTargets } from '../watch/watch-targets.js';
import type { CliValues } from './args.js';
import { resolveBuildSettings, taskFor } from './build-settings.js';
import type { CliIo } from './io.js';
import { oneBriefingFile, untilStopped } from './one-briefing.js';
import { previewCommand } from './preview-command.js';
import { createReporter } from './report/create-reporter.js';

/**
 * `briefkit watch <file>`: builds, then rebuilds whenever the data, one of its images, a
 * template, the config, the theme file or its logo changes. A broken edit prints its located problems and leaves the outputs of
 * the last good build in place (a failed build writes nothing). Stops on Ctrl+C.
 */
export async function watchCommand(args: string[], values: CliValues, io: CliIo): Promise<number> {
  // watch --serve is the preview: the same rebuilds, and the page.
  if (values.serve) return previewCommand(args, values, io);
  const file = oneBriefingFile('watch', args);
  const env = io.env ?? process.env;
  const settings = resolveBuildSettings(values, env);
  const rebuild = async (changed: string[]): Promise<void> => {
    if (changed.length > 0) io.err(`changed: ${changed.map((f) => displayPath(f)).join(', ')}`);
    // A build dated "now" is dated at each rebuild; a pinned date stays.
    const options =
      settings.options.date !== undefined
        ? settings.options
        : { ...settings.options, now: resolveBuildDate(undefined, {}) };
    const task = taskFor(file, { ...settings, options });
    const reporter = createReporter(io, { quiet: values.quiet ?? false, json: false });
    const started = performance.now();
    reporter.start([task]);
    // The same hard stop as a single build: a runaway rebuild ends watch with its reason.
    const watchdog = startWatchdog(resolveBuildLimits({}, env), file);
    // Stopped without waiting for the thread to end: the report is printed at once.
    const reports = await buildMany([task], { onStep: reporter.step, onDone: reporter.done }).finally(() => {
      watchdog.stop().catch(() => undefined);
    });
    reporter.finish(reports, performance.now() - started);
    if (reports.some((r) => r.status === 'failed'))
      io.err('kept the last good outputs; watching for the next change');
  };
  await rebuild([]);
  const watched = await watchTargets(file, settings.options);
  // chokidar loads only for watch, not on every run of the CLI.
  const { watchFiles } = await import('../watch/watch-files.js');
  const watcher = watchFiles({
    ...watched,
    onChange: async (changed) => {
      await rebuild(changed);
      // An edit may name new image files: watched from now on.
      const added = await watcher.add((await watchTargets(file, settings.options)).files);
      if (added.length > 0) io.err(`watching also ${added.map((p) => displayPath(p)).join(', ')}`);
    },
  });
  await watcher.ready;
  // A config file is watched even before it exists, but only named once it does.
  const shown = [...watched.files.filter(existsSync), ...watched.folders];
  io.err(`watching ${shown.map((p) => displayPath(p)).join(', ')} (Ctrl+C to stop)`);
  await untilStopped(io.signal);
  await watcher.close();
  return 0;
}
