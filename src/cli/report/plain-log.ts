import type { CliIo } from '../io.js';
import { plural, formatCounts, formatMs, formatTimings } from './labels.js';
import { problemLines, warningLines } from './print-problems.js';
import type { BuildReporter } from './reporter.js';

export interface PlainLogOptions {
  /** Only errors: the per-output lines on stdout stay. */
  quiet: boolean;
}

/**
 * The log for CI and pipes on stderr: one line per briefing as it finishes, no cursor
 * movement, so a CI log reads top to bottom. Errors are printed even when quiet.
 */
export function plainLog(io: CliIo, options: PlainLogOptions): BuildReporter {
  let batch = false;
  return {
    start: (tasks) => {
      batch = tasks.length > 1;
    },
    step: () => {},
    done: (report) => {
      if (!options.quiet) warningLines(report).forEach((line) => io.err(line));
      if (report.status === 'failed') problemLines(report, batch).forEach((line) => io.err(line));
      else if (options.quiet) return;
      else if (report.status === 'skipped') io.err(`${report.file}: up to date, skipped (--force rebuilds)`);
      else
        io.err(
          `${report.file}: done in ${formatMs(report.timings.total ?? 0)} (${formatTimings(report.timings)})`,
        );
    },
    finish: (reports, ms) => {
      if (batch && !options.quiet)
        io.err(`${plural(reports.length, 'briefing')}: ${formatCounts(reports)} in ${formatMs(ms)}`);
    },
  };
}

/** stdout, one line per output file: what scripts and people piping the CLI read. */
export function outputLines(io: CliIo): BuildReporter {
  return {
    start: () => {},
    step: () => {},
    done: (report) => {
      for (const out of report.outputs) {
        io.out(report.status === 'built' ? `built ${out.file}` : `skipped ${out.file} (up to date)`);
      }
    },
    finish: () => {},
  };
}
