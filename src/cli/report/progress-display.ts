import type { BuildReport, BuildStep } from '../../build/build-report.js';
import { outputName } from '../../build/output-files.js';
import { terminalSafe } from './terminal-text.js';
import type { Terminal } from '../io.js';
import { formatCounts, formatMs, formatTimings, plural, STEP_LABELS } from './labels.js';
import { problemLines, warningLines } from './print-problems.js';
import type { BuildReporter } from './reporter.js';

const SPINNER = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];
const FRAME_MS = 100;

interface Running {
  name: string;
  step: BuildStep;
  stepStarted: number;
}

export interface ProgressOptions {
  color: boolean;
  /** List each output under its briefing (when stdout is this terminal and prints nothing). */
  showOutputs: boolean;
}

/**
 * The live display on a terminal: a line per briefing in progress with its current
 * step and time, redrawn in place; a briefing that finishes is printed above it for
 * good, with its outputs and per-step timings. Only the live lines are ever redrawn,
 * so a batch of hundreds scrolls like a log.
 */
export function progressDisplay(terminal: Terminal, options: ProgressOptions): BuildReporter {
  const paint = (code: string) => (text: string) => (options.color ? `\x1b[${code}m${text}\x1b[0m` : text);
  const [green, red, dim, cyan] = [paint('32'), paint('31'), paint('2'), paint('36')];
  const running = new Map<string, Running>();
  const finished = new Set<string>();
  let total = 0;
  let frame = 0;
  let drawn = 0;
  let timer: NodeJS.Timeout | undefined;

  /** Cuts a line to the terminal's width: a wrapped line would throw off the redraw. `indent` is the icon before it. */
  const fit = (text: string, indent = 0): string => {
    const width = Math.max(20, terminal.columns() - 1 - indent);
    return text.length > width ? `${text.slice(0, width - 1)}…` : text;
  };
  const clear = (): void => {
    if (drawn > 0) terminal.write(`\x1b[${drawn}A\r\x1b[J`);
    drawn = 0;
  };
  const draw = (): void => {
    const now = performance.now();
    const spin = SPINNER[frame++ % SPINNER.length]!;
    const width = Math.max(...[...running.values()].map((r) => r.name.length), 0);
    const lines = [...running.values()].map((r) => {
      const text = `${r.name.padEnd(width)}  ${STEP_LABELS[r.step].padEnd(10)} ${formatMs(now - r.stepStarted).padStart(7)}`;
      return `${cyan(spin)} ${fit(text, 2)}`;
    });
    const waiting = total - running.size - finished.size;
    lines.push(dim(fit(`  ${finished.size} of ${total} done${waiting > 0 ? ` · ${waiting} waiting` : ''}`)));
    clear();
    terminal.write(lines.map((line) => `${line}\n`).join(''));
    drawn = lines.length;
  };
  /** Lines that stay: printed above the live region, which is then redrawn below them. */
  const print = (lines: string[]): void => {
    clear();
    terminal.write(lines.map((line) => `${line}\n`).join(''));
  };

  const finishedLines = (report: BuildReport): string[] => {
    const time = formatMs(report.timings.total ?? 0);
    if (report.status === 'failed') {
      const problems = problemLines(report, true).slice(1);
      // Problems are never cut: they say what to fix. Printed lines may wrap; only the live ones must not.
      return [
        `${red('✗')} ${terminalSafe(report.name)}  failed after ${time}`,
        ...problems.map((l) => red(terminalSafe(l))),
      ];
    }
    if (report.status === 'skipped')
      return [
        `${green('=')} ${fit(`${terminalSafe(report.name)}  up to date, skipped (--force rebuilds)`, 2)}`,
      ];
    const head = `${terminalSafe(report.name)}  done in ${time}`;
    const tail = fit(`${head}  ${formatTimings(report.timings)}`, 2).slice(head.length);
    return [`${green('✓')} ${head}${dim(tail)}`];
  };
  /** Where the files went, once at the end: a batch shares its folder. */
  const outputsLine = (reports: readonly BuildReport[]): string | undefined => {
    const files = reports.flatMap((r) => (r.status === 'failed' ? [] : r.outputs.map((o) => o.file)));
    if (!options.showOutputs || files.length === 0) return undefined;
    if (reports.length === 1) return `  → ${files.join('  ')}`;
    const folders = [...new Set(files.map((f) => f.slice(0, Math.max(0, f.lastIndexOf('/'))) || '.'))];
    return `  → ${folders.join('  ')}`;
  };

  return {
    start: (tasks) => {
      total = tasks.length;
      draw();
      timer = setInterval(draw, FRAME_MS);
      // The display must never keep the process alive on its own.
      timer.unref();
    },
    step: (task, step) => {
      if (finished.has(task.file)) return; // a late message from a worker after its result
      running.set(task.file, {
        name: terminalSafe(outputName(task.file)),
        step,
        stepStarted: performance.now(),
      });
    },
    done: (report) => {
      running.delete(report.file);
      finished.add(report.file);
      print([...finishedLines(report), ...warningLines(report).map(terminalSafe)]);
      draw();
    },
    finish: (reports, ms) => {
      if (timer) clearInterval(timer);
      clear();
      const lines =
        reports.length > 1
          ? [`${plural(reports.length, 'briefing')}: ${formatCounts(reports)} in ${formatMs(ms)}`]
          : [];
      const outputs = outputsLine(reports) && terminalSafe(outputsLine(reports)!);
      if (outputs) lines.push(outputs);
      if (lines.length > 0) terminal.write(lines.map((line) => `${fit(line)}\n`).join(''));
    },
  };
}
