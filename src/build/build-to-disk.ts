import { stat } from 'node:fs/promises';
import path from 'node:path';
import { resolveBuildOptions } from '../config/resolve-build-options.js';
import { buildResolved } from './build.js';
import {
  displayPath,
  failedReport,
  outputName,
  type BuildReport,
  type BuildStep,
  type BuildTask,
  type OutputReport,
} from './build-report.js';
import type { Manifest } from './manifest.js';
import type { OutputFormat } from './pipeline.js';
import { checkResolved } from './up-to-date.js';
import { writeOutputs } from './write-outputs.js';

/**
 * One briefing from file to files: skip it when the manifest says nothing changed,
 * else build it in memory and write the outputs atomically. Never throws: a broken
 * briefing becomes a failed report, so a batch carries on with the others.
 */
export async function buildToDisk(task: BuildTask, onStep?: (step: BuildStep) => void): Promise<BuildReport> {
  const started = performance.now();
  const timings: BuildReport['timings'] = {};
  let step: BuildStep = 'check';
  let stepStarted = started;
  const enter = (next: BuildStep): void => {
    const now = performance.now();
    timings[step] = Math.round(now - stepStarted);
    step = next;
    stepStarted = now;
    onStep?.(next);
  };
  try {
    onStep?.('check');
    // The config and theme are read once, here: they decide the output folder and the inputs to compare.
    const settings = await resolveBuildOptions(task.file, {
      ...task.options,
      ...(task.outDir !== undefined && { outDir: task.outDir }),
    });
    const outDir = settings.outDir;
    const check = task.force ? undefined : await checkResolved(task, settings);
    if (check?.upToDate) {
      timings.check = Math.round(performance.now() - started);
      timings.total = timings.check;
      return await report(task, outDir, 'skipped', check.manifest, timings, 'up to date');
    }
    enter('load');
    const { date, limits } = task.options;
    const result = await buildResolved(task.file, settings, {
      date,
      onStage: enter,
      ...(limits && { limits }),
    });
    enter('write');
    await writeOutputs(result, outDir);
    timings[step] = Math.round(performance.now() - stepStarted);
    timings.total = Math.round(performance.now() - started);
    const built = await report(task, outDir, 'built', result.manifest, timings, check?.reason ?? 'forced');
    const { warnings } = result.result;
    return warnings.length > 0 ? { ...built, warnings } : built;
  } catch (error) {
    // The steps that ran still say where the time went, up to the failing one.
    timings[step] = Math.round(performance.now() - stepStarted);
    return failedReport(task, error, performance.now() - started, timings);
  }
}

async function report(
  task: BuildTask,
  outDir: string,
  status: 'built' | 'skipped',
  manifest: Manifest,
  timings: BuildReport['timings'],
  reason: string,
): Promise<BuildReport> {
  const name = outputName(task.file);
  const outputs: OutputReport[] = await Promise.all(
    Object.entries(manifest.outputs).map(async ([file, sha256]) => {
      const full = path.join(outDir, file);
      return {
        format: path.extname(file).slice(1) as OutputFormat,
        file: displayPath(full),
        sha256,
        bytes: (await stat(full)).size,
      };
    }),
  );
  return {
    file: task.file,
    name,
    status,
    reason,
    outputs,
    manifest: displayPath(path.join(outDir, `${name}.manifest.json`)),
    timings,
    errors: [],
    exitCode: 0,
  };
}
