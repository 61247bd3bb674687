/**
 * The one error type of briefkit. Every failure a user can fix carries a code and,
 * where it applies, the file, line, column and data path, so the CLI can print
 * `file:line:col  path  what is wrong  (what was expected)`.
 */

export type ErrorCode =
  | 'INPUT_NOT_FOUND'
  | 'INPUT_TOO_LARGE'
  | 'INPUT_NOT_UTF8'
  | 'PARSE_ERROR'
  | 'VALIDATION_ERROR'
  | 'TEMPLATE_ERROR'
  | 'CONFIG_ERROR'
  | 'THEME_ERROR'
  | 'USAGE_ERROR'
  /** Refused before it could exhaust memory or time: too big, too deep, an alias bomb, over the build's budget. */
  | 'LIMIT_EXCEEDED'
  /** The output folder could not be written (full disk, permissions); the previous outputs are intact. */
  | 'OUTPUT_ERROR'
  /** Another build kept the same outputs locked for longer than the wait allows. */
  | 'OUTPUT_LOCKED'
  | 'INTERNAL_ERROR';

export interface Problem {
  /** File the problem is in, as given by the user (relative paths stay relative). */
  file?: string;
  line?: number;
  column?: number;
  /** Data path such as `figures[2].source`. */
  path?: string;
  /** What is wrong. */
  message: string;
  /** What was expected, when that helps the reader fix it. */
  expected?: string;
}

export class BriefkitError extends Error {
  override readonly name = 'BriefkitError';
  readonly code: ErrorCode;
  /** Every problem found; validation reports them all at once. */
  readonly problems: readonly Problem[];

  constructor(code: ErrorCode, problems: Problem | readonly Problem[], options?: { cause?: unknown }) {
    const list = Array.isArray(problems) ? (problems as readonly Problem[]) : [problems as Problem];
    super(list.map(formatProblem).join('\n'), options);
    this.code = code;
    this.problems = list;
  }
}

/** Throws a BriefkitError with one problem. Typed `never` so callers can use it in expressions. */
export function fail(code: ErrorCode, problem: Problem | string): never {
  throw new BriefkitError(code, typeof problem === 'string' ? { message: problem } : problem);
}

export function isBriefkitError(value: unknown): value is BriefkitError {
  return value instanceof BriefkitError;
}

/** `file:line:col  path  message  (expected ...)` — the format every error is printed in. */
export function formatProblem(problem: Problem): string {
  const where = problem.file
    ? [problem.file, problem.line, problem.line === undefined ? undefined : problem.column]
        .filter((part) => part !== undefined)
        .join(':')
    : '';
  const parts = [where, problem.path ?? '', problem.message].filter((part) => part !== '');
  const expected = problem.expected ? `  (expected ${problem.expected})` : '';
  return parts.join('  ') + expected;
}

/** Exit codes of the CLI: 1 the briefing, config or a template is wrong; 2 usage; 3 internal. */
export function exitCodeFor(error: unknown): 1 | 2 | 3 {
  if (!isBriefkitError(error)) return 3;
  if (error.code === 'USAGE_ERROR') return 2;
  if (error.code === 'INTERNAL_ERROR') return 3;
  return 1;
}

/** Ends every switch over a discriminated union: adding a variant without handling it fails to compile. */
export function assertNever(value: never, what: string): never {
  throw new BriefkitError('INTERNAL_ERROR', {
    message: `unhandled ${what}: ${JSON.stringify((value as { type?: unknown })?.type ?? value)}`,
  });
}
