import type { CliIo } from '../io.js';
import { jsonSummary } from './json-summary.js';
import { outputLines, plainLog } from './plain-log.js';
import { progressDisplay } from './progress-display.js';
import { combineReporters, type BuildReporter } from './reporter.js';

export interface ReporterChoice {
  quiet: boolean;
  json: boolean;
  buildDate?: Date;
  shard?: string;
}

/**
 * stderr is for people: a live display on a terminal, else a plain log (CI, pipes,
 * --quiet). stdout is for scripts: one line per output, or the --json document. When
 * stdout is the same terminal as the display, the display lists the outputs instead.
 */
export function createReporter(io: CliIo, choice: ReporterChoice): BuildReporter {
  const env = io.env ?? process.env;
  const terminal =
    io.terminal && !choice.quiet && !isCi(env) && env.TERM !== 'dumb' ? io.terminal : undefined;
  const reporters: BuildReporter[] = [];
  if (terminal) {
    const color = env.NO_COLOR === undefined || env.NO_COLOR === '';
    reporters.push(
      progressDisplay(terminal, { color, showOutputs: terminal.stdoutIsTerminal && !choice.json }),
    );
  } else {
    reporters.push(plainLog(io, { quiet: choice.quiet }));
  }
  if (choice.json) reporters.push(jsonSummary(io, choice));
  else if (!terminal?.stdoutIsTerminal) reporters.push(outputLines(io));
  return combineReporters(reporters);
}

/** The variables CI services set; any of them means nobody is watching a live display. */
export function isCi(env: NodeJS.ProcessEnv): boolean {
  const set = (name: string): boolean =>
    env[name] !== undefined && env[name] !== '' && env[name] !== 'false' && env[name] !== '0';
  return [
    'CI',
    'CONTINUOUS_INTEGRATION',
    'GITHUB_ACTIONS',
    'GITLAB_CI',
    'BUILDKITE',
    'TF_BUILD',
    'JENKINS_URL',
  ].some(set);
}
