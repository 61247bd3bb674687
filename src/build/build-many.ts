import { availableParallelism } from 'node:os';
import { MessageChannel } from 'node:worker_threads';
import { failedReport, type BuildReport, type BuildStep, type BuildTask } from './build-report.js';
import { buildToDisk, writeBuilt } from './build-to-disk.js';
import type { WorkerOutput } from './build-worker.js';
import { resolveBuildLimits } from './limits.js';
import { stoppedWorkerError, taskDeadline, workerResourceLimits } from './pool-limits.js';
import { tuneTierUpForBatch } from './tier-up.js';
import { resolveWorkerFile } from './worker-file.js';

/** How a batch runs and reports; not build options (those travel in each task). */
export interface BatchHooks {
  /** A briefing entered a step (in whichever thread builds it). */
  onStep?: (task: BuildTask, step: BuildStep) => void;
  /** A briefing finished, in completion order. */
  onDone?: (report: BuildReport) => void;
  /** Worker threads; default one per core, never more than there are briefings. */
  threads?: number;
  /**
   * The batch runs in a process of its own (the CLI), so it may tune V8's process-wide
   * tier-up for its workers (tier-up.ts); a library caller's process is left as it is.
   */
  ownsProcess?: boolean;
}

/**
 * Builds many briefings, one report each, in the order of `tasks`. Two or more run on
 * a piscina pool sized to the cores, each worker with the build's time and memory
 * stops (pool-limits.ts); one briefing builds in this thread, which saves a worker's start-up.
 * Workers build in memory and this thread writes the outputs, so no worker waits for the
 * disk (each output is synced before it is renamed into place). A failure is a report, so the others carry on.
 */
export async function buildMany(
  tasks: readonly BuildTask[],
  options: BatchHooks = {},
): Promise<BuildReport[]> {
  const threads = Math.max(1, Math.min(tasks.length, options.threads ?? availableParallelism()));
  // One briefing builds in this thread (the CLI's watchdog guards it); a batch always
  // runs on the pool, even on one thread, so each briefing has its own hard stops.
  if (tasks.length === 1) {
    const task = tasks[0]!;
    const result = await buildToDisk(task, (step) => options.onStep?.(task, step));
    options.onDone?.(result);
    return [result];
  }
  // Loaded only for batches: a single build never pays for the pool.
  const { Piscina } = await import('piscina');
  // canvas (charts) is a native addon. When the last thread that loaded it exits, Node
  // unloads the library while its cleanup hooks still point into it and the process dies
  // of SIGSEGV; loading it in this thread too keeps it mapped until the process ends.
  // Where canvas cannot load, no worker can load it either; the build that needs it says so.
  await import('canvas').catch(() => undefined);
  const worker = resolveWorkerFile();
  // One batch, one set of limits (the environment's, or the API's options).
  const limits = resolveBuildLimits(tasks[0]?.options.limits);
  // Before the workers start: their isolates read the budget as they run.
  if (options.ownsProcess) tuneTierUpForBatch();
  const pool = new Piscina({
    ...worker,
    minThreads: threads,
    maxThreads: threads,
    atomics: 'async',
    resourceLimits: workerResourceLimits(limits),
  });
  try {
    return await Promise.all(
      tasks.map(async (task) => {
        const started = performance.now();
        const { port1, port2 } = new MessageChannel();
        const deadline = taskDeadline(limits);
        port1.on('message', (step: BuildStep) => {
          deadline.started();
          options.onStep?.(task, step);
        });
        let result: BuildReport;
        try {
          const output = (await pool.run(
            { task, port: port2 },
            { transferList: [port2], signal: deadline.signal },
          )) as WorkerOutput;
          deadline.done();
          // The worker's last steps may still be in flight: from here on this thread reports them.
          port1.close();
          // Written here, while the worker builds the next briefing.
          result =
            'report' in output
              ? output.report
              : await writeBuilt(output.built, (step) => options.onStep?.(task, step));
        } catch (error) {
          // The worker was stopped at a limit, or died (a crash in native code): still one report.
          const stopped = stoppedWorkerError(task.file, error, deadline.signal.aborted, limits);
          result = failedReport(task, stopped ?? error, performance.now() - started);
        } finally {
          deadline.done();
          port1.close();
        }
        options.onDone?.(result);
        return result;
      }),
    );
  } finally {
    await pool.destroy();
  }
}
