import { toErrorReports } from '../build/build-report.js';
import { assertNever, exitCodeFor, fail } from '../errors.js';
import { VERSION } from '../version.js';
import { checkOptionsFor, parseCliArgs } from './args.js';
import { closest } from '../briefing/problems.js';
import { COMMAND_HELP, COMMANDS, HELP, isCommand } from './help.js';
import { printError, processIo, type CliIo } from './io.js';
import { summarize } from './report/json-summary.js';
import { terminalSafe } from './report/terminal-text.js';

/**
 * The command line as a function: argv in, exit code out. Only the CLI prints
 * and chooses exit codes; the library throws BriefkitError.
 */
export async function runCli(argv: readonly string[], rawIo: CliIo = processIo): Promise<number> {
  // Every line printed may quote data (keys, file names, values): none of it may act on the terminal.
  const io: CliIo = {
    ...rawIo,
    out: (line) => rawIo.out(terminalSafe(line)),
    err: (line) => rawIo.err(terminalSafe(line)),
  };
  try {
    const { values, positionals } = parseCliArgs(argv);
    if (values.version) {
      io.out(VERSION);
      return 0;
    }
    const [command, ...files] = positionals;
    if (command === 'help' && files[0] !== undefined && isCommand(files[0])) {
      io.out(COMMAND_HELP[files[0]].text);
      return 0;
    }
    if (command === undefined || command === 'help') {
      io.out(HELP);
      return command === undefined && !values.help ? 2 : 0;
    }
    if (!isCommand(command)) {
      const guess = closest(command, COMMANDS);
      return fail('USAGE_ERROR', {
        message: `unknown command "${command}"${guess ? ` (did you mean "${guess}"?)` : ''}`,
        expected: `one of ${COMMANDS.join(', ')}; briefkit --help describes them`,
      });
    }
    if (values.help) {
      io.out(COMMAND_HELP[command].text);
      return 0;
    }
    checkOptionsFor(command, values, COMMAND_HELP[command].options);
    // Each command's code is imported when it runs: `--version` or `validate` never set up
    // the renderers' libraries, and the CLI's bundle initialises only what a command uses.
    switch (command) {
      case 'build':
        return await (await import('./build-command.js')).buildCommand(files, values, io);
      case 'validate':
        return await (await import('./validate-command.js')).validateCommand(files, values, io);
      case 'watch':
        return await (await import('./watch-command.js')).watchCommand(files, values, io);
      case 'preview':
        return await (await import('./preview-command.js')).previewCommand(files, values, io);
      case 'init':
        return await (await import('./init-command.js')).initCommand(files, values, io);
      case 'schema':
        return (await import('./schema-command.js')).schemaCommand(files, io);
      default:
        return assertNever(command, 'command');
    }
  } catch (error) {
    printError(io, error);
    // Scripts reading --json get a document even when the run stopped before building.
    if (argv.includes('--json')) io.out(JSON.stringify(summarize([], 0, {}, toErrorReports(error)), null, 2));
    return exitCodeFor(error);
  }
}
