import { stat } from 'node:fs/promises';
import path from 'node:path';
import { displayPath } from '../display-path.js';
import type { Problem } from '../errors.js';
import { buildPlanned, type BuildResult } from './build.js';
import {
  failedReport,
  type BuildReport,
  type BuildStep,
  type BuildTask,
  type OutputReport,
} from './build-report.js';
import type { Manifest } from './manifest.js';
import { outputFormat } from './output-files.js';
import { planBuild } from './plan.js';
import { checkUpToDate } from './up-to-date.js';
import { writeOutputs } from './write-outputs.js';

/**
 * One briefing from file to files: plan it (settings, inputs read and hashed once), skip
 * it when the manifest says nothing changed, else build the plan in memory and write the
 * outputs atomically. Never throws: a broken briefing becomes a failed report, so a batch
 * carries on with the others.
 */
export async function buildToDisk(task: BuildTask, onStep?: (step: BuildStep) => void): Promise<BuildReport> {
  const outcome = await buildForDisk(task, onStep);
  return 'report' in outcome ? outcome.report : writeBuilt(outcome.built, onStep);
}

/**
 * A built briefing whose outputs are not written yet: plain data (structured-cloneable), so
 * a pool worker can hand it to the thread that writes while it builds the next briefing.
 */
export interface BuiltBriefing {
  file: string;
  name: string;
  outDir: string;
  /** The manifest's own file name in outDir. */
  manifestFile: string;
  outputs: Pick<BuildResult, 'name' | 'pdf' | 'pptx' | 'manifest'>;
  reason: string;
  warnings: Problem[];
  timings: BuildReport['timings'];
  /** performance.timeOrigin + now() when the build started, so the total spans both threads. */
  startedAt: number;
}

/**
 * The first part of buildToDisk, everything but writing: a finished report (skipped, or
 * failed), or the built outputs for writeBuilt. Never throws.
 */
export async function buildForDisk(
  task: BuildTask,
  onStep?: (step: BuildStep) => void,
): Promise<{ report: BuildReport } | { built: BuiltBriefing }> {
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
    const where: ReportTarget = {
      file: plan.file,
      name: plan.name,
      outDir: plan.settings.outDir,
      manifestFile: plan.outputs.manifest,
    };
    const check = plan.force ? undefined : await checkUpToDate(plan);
    if (check?.upToDate) {
      timings.check = Math.round(performance.now() - started);
      timings.total = timings.check;
      return { report: await report(where, 'skipped', check.manifest, timings, 'up to date') };
    }
    enter('load');
    const result = await buildPlanned(plan, enter);
    timings[step] = Math.round(performance.now() - stepStarted);
    const { name, pdf, pptx, manifest } = result;
    return {
      built: {
        ...where,
        outputs: { name, ...(pdf && { pdf }), ...(pptx && { pptx }), manifest },
        reason: check?.reason ?? 'forced',
        warnings: result.result.warnings,
        timings,
        startedAt: performance.timeOrigin + started,
      },
    };
  } catch (error) {
    // The steps that ran still say where the time went, up to the failing one.
    timings[step] = Math.round(performance.now() - stepStarted);
    return { report: failedReport(task, error, performance.now() - started, timings) };
  }
}

/** The second part: writes a built briefing's outputs atomically and reports them. Never throws. */
export async function writeBuilt(
  built: BuiltBriefing,
  onStep?: (step: BuildStep) => void,
): Promise<BuildReport> {
  const timings = { ...built.timings };
  const elapsed = (): number => performance.timeOrigin + performance.now() - built.startedAt;
  const stepStarted = performance.now();
  try {
    onStep?.('write');
    await writeOutputs(built.outputs, built.outDir);
    timings.write = Math.round(performance.now() - stepStarted);
    timings.total = Math.round(elapsed());
    const done = await report(built, 'built', built.outputs.manifest, timings, built.reason);
    return built.warnings.length > 0 ? { ...done, warnings: built.warnings } : done;
  } catch (error) {
    timings.write = Math.round(performance.now() - stepStarted);
    return failedReport(built, error, elapsed(), timings);
  }
}

/** Where a report's outputs are: the briefing, and the folder and manifest they were written to. */
type ReportTarget = Pick<BuiltBriefing, 'file' | 'name' | 'outDir' | 'manifestFile'>;

async function report(
  plan: ReportTarget,
  status: 'built' | 'skipped',
  manifest: Manifest,
  timings: BuildReport['timings'],
  reason: string,
): Promise<BuildReport> {
  const { outDir } = plan;
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
    manifest: displayPath(path.join(outDir, plan.manifestFile)),
    timings,
    errors: [],
    exitCode: 0,
  };
}
