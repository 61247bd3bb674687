import { formatProblem, isBriefkitError } from '../errors.js';
import { sortProblems } from './report/sort-problems.js';

/** Where the CLI writes; tests pass their own to read what a user would see. */
export interface CliIo {
  out: (line: string) => void;
  err: (line: string) => void;
  /** Present when stderr is a terminal: the live progress display draws there. */
  terminal?: Terminal;
  /** The environment to read CI, NO_COLOR and TERM from; default process.env. */
  env?: NodeJS.ProcessEnv;
  /** Stops a long-running command (watch); without it the command stops on Ctrl+C. */
  signal?: AbortSignal;
}

export interface Terminal {
  /** Raw text, no newline added: the display moves the cursor itself. */
  write: (text: string) => void;
  columns: () => number;
  /** True when stdout is the same kind of terminal, so the display replaces per-output lines. */
  stdoutIsTerminal: boolean;
}

export const processIo: CliIo = {
  out: (line) => process.stdout.write(`${line}\n`),
  // Errors and progress go to stderr so stdout stays clean for --json and pipes.
  err: (line) => process.stderr.write(`${line}\n`),
  ...(process.stderr.isTTY && {
    terminal: {
      write: (text: string) => process.stderr.write(text),
      columns: () => process.stderr.columns || 80,
      stdoutIsTerminal: process.stdout.isTTY === true,
    },
  }),
};

/** Prints an error as people read it: one located line per problem. */
export function printError(io: CliIo, error: unknown): void {
  if (isBriefkitError(error)) {
    const count = error.problems.length;
    const heading = count > 1 ? `error: ${count} problems` : 'error:';
    if (count > 1) io.err(heading);
    for (const problem of sortProblems(error.problems))
      io.err(`${count > 1 ? '  ' : 'error: '}${formatProblem(problem)}`);
    return;
  }
  const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
  io.err(`internal error (please report it): ${message}`);
}
