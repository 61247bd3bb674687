import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadBundle } from './load-bundle.js';

// The bundled executable's entry point (dist/cli.js): load the CLI's bundle with its code
// cache (load-bundle.ts), run, then keep the compiled code for the next run if it was new.
const cli = loadBundle(path.join(path.dirname(fileURLToPath(import.meta.url)), 'cli-main.cjs'));
process.exitCode = await cli.exports.runCli(process.argv.slice(2));
cli.saveCodeCache(process.env.BRIEFKIT_TRAIN_CODE_CACHE === '1');
