import { runCli } from './run-cli.js';

// The bundled executable's entry point: run, then exit with the CLI's code.
process.exitCode = await runCli(process.argv.slice(2));
