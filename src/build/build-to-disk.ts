import { stat } from 'node:fs/promises';
import path from 'node:path';
import { build } from './build.js';
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
import { checkUpToDate } from './up-to-date.js';
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
    const check = task.force ? undefined : await checkUpToDate(task);
    if (check?.upToDate) {
      timings.check = Math.round(performance.now() - started);
      timings.total = timings.check;
      return await report(task, 'skipped', check.manifest, timings, 'up to date');
    }
    enter('load');
    const result = await build(task.file, { ...task.options, onStage: enter });
    enter('write');
    await writeOutputs(result, task.outDir);
    timings[step] = Math.round(performance.now() - stepStarted);
    timings.total = Math.round(performance.now() - started);
    return await report(task, 'built', result.manifest, timings, check?.reason ?? 'forced');
  } catch (error) {
    // The steps that ran still say where the time went, up to the failing one.
    timings[step] = Math.round(performance.now() - stepStarted);
    return failedReport(task, error, performance.now() - started, timings);
  }
}

async function report(
  task: BuildTask,
  status: 'built' | 'skipped',
  manifest: Manifest,
  timings: BuildReport['timings'],
  reason: string,
): Promise<BuildReport> {
  const name = outputName(task.file);
  const outputs: OutputReport[] = await Promise.all(
    Object.entries(manifest.outputs).map(async ([file, sha256]) => {
      const full = path.join(task.outDir, file);
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
    manifest: displayPath(path.join(task.outDir, `${name}.manifest.json`)),
    timings,
    errors: [],
    exitCode: 0,
  };
}
