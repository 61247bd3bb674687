import type { MessagePort } from 'node:worker_threads';
import type { BuildReport, BuildTask } from './build-report.js';
import { buildToDisk } from './build-to-disk.js';

export interface WorkerInput {
  task: BuildTask;
  /** Steps go back on this port as they start, for the progress display. */
  port: MessagePort;
}

/**
 * A pool worker (piscina loads this file in each thread): builds one briefing to
 * disk and returns its report as plain data. Bundled as dist/build-worker.js.
 */
export default async function buildInWorker({ task, port }: WorkerInput): Promise<BuildReport> {
  try {
    return await buildToDisk(task, (step) => port.postMessage(step));
  } finally {
    port.close();
  }
}
