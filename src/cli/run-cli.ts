import { exitCodeFor, fail } from '../errors.js';
import { VERSION } from '../version.js';
import { parseCliArgs } from './args.js';
import { buildCommand } from './build-command.js';
import { HELP } from './help.js';
import { printError, processIo, type CliIo } from './io.js';
import { validateCommand } from './validate-command.js';

/**
 * The command line as a function: argv in, exit code out. Only the CLI prints
 * and chooses exit codes; the library throws BriefkitError.
 */
export async function runCli(argv: readonly string[], io: CliIo = processIo): Promise<number> {
  try {
    const { values, positionals } = parseCliArgs(argv);
    if (values.version) {
      io.out(VERSION);
      return 0;
    }
    const [command, ...files] = positionals;
    if (values.help || command === undefined || command === 'help') {
      io.out(HELP);
      return command === undefined && !values.help ? 2 : 0;
    }
    switch (command) {
      case 'build':
        return await buildCommand(files, values, io);
      case 'validate':
        return await validateCommand(files, io);
      default:
        return fail('USAGE_ERROR', {
          message: `unknown command "${command}"`,
          expected: 'build or validate (see briefkit --help)',
        });
    }
  } catch (error) {
    printError(io, error);
    return exitCodeFor(error);
  }
}
