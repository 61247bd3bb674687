import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isMainThread } from 'node:worker_threads';
import { guardedCommand, runGuarded, runsGuarded, type GuardedCommand } from './guarded-run.js';
import { codeCacheKind } from './code-cache.js';
import { loadBundle } from './load-bundle.js';
import { tuneTierUp } from '../build/tier-up.js';
import { VERSION } from '../version.js';

// The bundled executable's entry point (dist/cli.cjs, required by bin/briefkit.js). It loads
// the CLI's bundle with its code cache (load-bundle.ts), runs the command, and keeps the
// compiled code for the next run if it was new. `build` of one briefing and `validate` run in
// a worker thread that this thread guards (guarded-run.ts); this same file is that worker's
// entry. CommonJS, like bin/briefkit.js: neither thread then starts Node's ES module loader.
const here = fileURLToPath(import.meta.url);
const bundle = path.join(path.dirname(here), 'cli-main.cjs');

async function run(args: readonly string[], command?: GuardedCommand): Promise<number> {
  // In the thread that runs the command, before its code and code cache are loaded: V8
  // optimises later, only the code that stays hot (build/tier-up.ts). Not before a guarded
  // worker starts: a V8 flag changed by then makes the worker's start-up refuse Node's own
  // compiled code of its built-in modules (they carry V8's flags too) and compile them again,
  // ~17 ms before a build could begin. The flag is process-wide, so it is set once either way.
  tuneTierUp();
  const cli = loadBundle(bundle, command?.onRequire, codeCacheKind(args));
  const code = await cli.exports.runCli(args, command?.io);
  cli.saveCodeCache(process.env.BRIEFKIT_TRAIN_CODE_CACHE === '1');
  command?.settle();
  return code;
}

function start(): Promise<number> | undefined {
  if (isMainThread) {
    const argv = process.argv.slice(2);
    // Scripts and CI logs ask for the version alone: answered without loading the CLI's bundle.
    if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-v')) {
      process.stdout.write(`${VERSION}\n`);
      return Promise.resolve(0);
    }
    return runsGuarded(argv) ? runGuarded(here, argv) : run(argv);
  }
  const command = guardedCommand();
  return command && run(command.argv, command);
}

start()?.then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    // runCli reports every error of a command; this is a broken install or a bug.
    process.stderr.write(
      `internal error (please report it): ${error instanceof Error ? error.stack : String(error)}\n`,
    );
    process.exitCode = 3;
  },
);
