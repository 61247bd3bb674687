import type { MessagePort } from 'node:worker_threads';
import { move, transferableSymbol, valueSymbol } from 'piscina';
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
    const output = await buildForDisk(task, (step: BuildStep) => port.postMessage(step));
    return 'built' in output ? (movedOutputs(output) as WorkerOutput) : output;
  } finally {
    port.close();
  }
}

/**
 * The built outputs handed over, not copied: the PDF's and the deck's memory moves to the
 * writing thread (a structured clone would copy a few hundred KB per briefing and keep
 * both copies until the next collection). Only a buffer that is a whole ArrayBuffer of its
 * own moves; one that shares its memory (Node's small-buffer pool) is copied as before.
 */
function movedOutputs(output: { built: BuiltBriefing }): unknown {
  const { pdf, pptx } = output.built.outputs;
  const owned = [pdf, pptx].filter(
    (bytes): bytes is Buffer =>
      bytes !== undefined &&
      bytes.buffer instanceof ArrayBuffer &&
      bytes.byteOffset === 0 &&
      bytes.byteLength === bytes.buffer.byteLength,
  );
  const memory = [...new Set(owned.map((bytes) => bytes.buffer as ArrayBuffer))];
  if (memory.length === 0) return output;
  return move({
    get [transferableSymbol]() {
      return memory;
    },
    get [valueSymbol]() {
      return output;
    },
  });
}
