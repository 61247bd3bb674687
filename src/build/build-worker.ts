import type { MessagePort } from 'node:worker_threads';
import type { BuildStep, BuildTask } from './build-report.js';
import { buildForDisk, type BuiltBriefing } from './build-to-disk.js';
import type { BuildReport } from './build-report.js';

export interface WorkerInput {
  task: BuildTask;
  /** Steps go back on this port as they start, for the progress display. */
  port: MessagePort;
}

/** What a worker hands back: a finished report (skipped, failed), or outputs to write. */
export type WorkerOutput = { report: BuildReport } | { built: BuiltBriefing };

/**
 * A pool worker (piscina loads this file in each thread): builds one briefing in memory
 * and returns its report or its outputs as plain data. The pool's own thread writes them
 * (build-many.ts), so this worker starts the next briefing instead of waiting for the
 * disk. Bundled as dist/build-worker.js.
 */
export default async function buildInWorker({ task, port }: WorkerInput): Promise<WorkerOutput> {
  try {
    return await buildForDisk(task, (step: BuildStep) => port.postMessage(step));
  } finally {
    port.close();
  }
}
