import type { BuildReport, BuildStep, BuildTask } from '../../build/build-report.js';

/** What a build run tells people or machines; `build` and `watch` call it as briefings progress. */
export interface BuildReporter {
  start: (tasks: readonly BuildTask[]) => void;
  step: (task: BuildTask, step: BuildStep) => void;
  done: (report: BuildReport) => void;
  finish: (reports: readonly BuildReport[], ms: number) => void;
}

/** Several reporters as one: the stderr log and the stdout lines are separate concerns. */
export function combineReporters(reporters: readonly BuildReporter[]): BuildReporter {
  return {
    start: (tasks) => reporters.forEach((r) => r.start(tasks)),
    step: (task, step) => reporters.forEach((r) => r.step(task, step)),
    done: (report) => reporters.forEach((r) => r.done(report)),
    finish: (reports, ms) => reporters.forEach((r) => r.finish(reports, ms)),
  };
}
