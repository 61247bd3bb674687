import { parseArgs } from 'node:util';
import { fail } from '../errors.js';

export const cliOptions = {
  out: { type: 'string' },
  format: { type: 'string' },
  date: { type: 'string' },
  'page-size': { type: 'string' },
  'deck-charts': { type: 'string' },
  pdfa: { type: 'boolean' },
  templates: { type: 'string' },
  theme: { type: 'string' },
  config: { type: 'string' },
  force: { type: 'boolean' },
  // preview, watch --serve
  port: { type: 'string' },
  host: { type: 'string' },
  open: { type: 'boolean' },
  serve: { type: 'boolean' },
  quiet: { type: 'boolean', short: 'q' },
  json: { type: 'boolean' },
  shard: { type: 'string' },
  jobs: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const;

export type CliValues = ReturnType<typeof parseCliArgs>['values'];

export function parseCliArgs(argv: readonly string[]) {
  try {
    return parseArgs({ args: [...argv], options: cliOptions, allowPositionals: true, strict: true });
  } catch (error) {
    return fail('USAGE_ERROR', {
      message: error instanceof Error ? error.message : String(error),
      expected: 'see briefkit --help',
    });
  }
}

/** Checks a flag's value against its allowed values. */
export function oneOf<T extends string>(
  flag: string,
  value: string | undefined,
  allowed: readonly T[],
): T | undefined {
  if (value === undefined) return undefined;
  const match = allowed.find((a) => a.toLowerCase() === value.toLowerCase());
  return (
    match ??
    fail('USAGE_ERROR', {
      message: `--${flag} ${value} is not known`,
      expected: `one of: ${allowed.join(', ')}`,
    })
  );
}
