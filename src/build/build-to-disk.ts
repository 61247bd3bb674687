import { stat } from 'node:fs/promises';
import path from 'node:path';
import { displayPath } from '../display-path.js';
import { buildPlanned } from './build.js';
import {
  failedReport,
  type BuildReport,
  type BuildStep,
  type BuildTask,
  type OutputReport,
} from './build-report.js';
import type { Manifest } from './manifest.js';
import { outputFormat } from './output-files.js';
import { planBuild, type BuildPlan } from './plan.js';
import { checkUpToDate } from './up-to-date.js';
import { writeOutputs } from './write-outputs.js';

/**
 * One briefing from file to files: plan it (settings, inputs read and hashed once), skip
 * it when the manifest says nothing changed, else build the plan in memory and write the
 * outputs atomically. Never throws: a broken briefing becomes a failed report, so a batch
 * carries on with the others.
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
    const plan = await planBuild(task.file, task.options);
    const check = plan.force ? undefined : await checkUpToDate(plan);
    if (check?.upToDate) {
      timings.check = Math.round(performance.now() - started);
      timings.total = timings.check;
      return await report(plan, 'skipped', check.manifest, timings, 'up to date');
    }
    enter('load');
    const result = await buildPlanned(plan, enter);
    enter('write');
    await writeOutputs(result, plan.settings.outDir);
    timings[step] = Math.round(performance.now() - stepStarted);
    timings.total = Math.round(performance.now() - started);
    const built = await report(plan, 'built', result.manifest, timings, check?.reason ?? 'forced');
    const { warnings } = result.result;
    return warnings.length > 0 ? { ...built, warnings } : built;
  } catch (error) {
    // The steps that ran still say where the time went, up to the failing one.
    timings[step] = Math.round(performance.now() - stepStarted);
    return failedReport(task, error, performance.now() - started, timings);
  }
}

async function report(
  plan: BuildPlan,
  status: 'built' | 'skipped',
  manifest: Manifest,
  timings: BuildReport['timings'],
  reason: string,
): Promise<BuildReport> {
  const { outDir } = plan.settings;
  const outputs: OutputReport[] = await Promise.all(
    Object.entries(manifest.outputs).map(async ([file, sha256]) => {
      const full = path.join(outDir, file);
      return {
        format: outputFormat(file),
        file: displayPath(full),
        sha256,
        bytes: (await stat(full)).size,
      };
    }),
  );
  return {
    file: plan.file,
    name: plan.name,
    status,
    reason,
    outputs,
    manifest: displayPath(path.join(outDir, plan.outputs.manifest)),
    timings,
    errors: [],
    exitCode: 0,
  };
}
