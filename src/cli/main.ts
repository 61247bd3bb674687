import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isMainThread } from 'node:worker_threads';
import { guardedCommand, runGuarded, runsGuarded, type GuardedCommand } from './guarded-run.js';
import { loadBundle } from './load-bundle.js';

// The bundled executable's entry point (dist/cli.js). It loads the CLI's bundle with its code
// cache (load-bundle.ts), runs the command, and keeps the compiled code for the next run if it
// was new. `build` of one briefing and `validate` run in a worker thread that this thread
// guards (guarded-run.ts); this same file is that worker's entry.
const here = fileURLToPath(import.meta.url);
const bundle = path.join(path.dirname(here), 'cli-main.cjs');
const argv = process.argv.slice(2);

async function run(args: readonly string[], command?: GuardedCommand): Promise<number> {
  const cli = loadBundle(bundle, command?.onRequire);
  const code = await cli.exports.runCli(args, command?.io);
  cli.saveCodeCache(process.env.BRIEFKIT_TRAIN_CODE_CACHE === '1');
  command?.settle();
  return code;
}

if (isMainThread) {
  process.exitCode = runsGuarded(argv) ? await runGuarded(here, argv) : await run(argv);
} else {
  const command = guardedCommand();
  if (command) process.exitCode = await run(command.argv, command);
}
