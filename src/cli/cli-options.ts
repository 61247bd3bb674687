import { parseArgs } from 'node:util';

/**
 * The CLI's options, for node:util's parseArgs. A file of its own, importing nothing of the
 * CLI: the executable's entry (main.ts) reads the command line with it to choose the thread
 * a command runs in and its code cache, before the CLI's bundle is loaded; args.ts checks
 * and explains it.
 */
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
  update: { type: 'boolean' },
  from: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const;

/**
 * The command line as the executable's entry reads it: leniently, since a mistake is
 * reported by the CLI itself, in whichever thread the command runs.
 */
export function readLeniently(argv: readonly string[]) {
  return parseArgs({ args: [...argv], options: cliOptions, allowPositionals: true, strict: false });
}
