import { loadBriefing } from '../briefing/load.js';
import { validateBriefing } from '../briefing/validate.js';
import { resolveBuildLimits } from '../build/limits.js';
import { startWatchdog } from '../build/watchdog.js';
import { resolveBuildOptions } from '../config/resolve-build-options.js';
import { exitCodeFor, fail, isBriefkitError } from '../errors.js';
import type { CliValues } from './args.js';
import { expandInputs } from './build-inputs.js';
import { printError, type CliIo } from './io.js';

/**
 * `briefkit validate <file>...`: checks each briefing, and the config and theme it would be
 * built with. A folder stands for the briefings directly inside it, as for build. Every
 * briefing is checked and reported, valid or not, so one run lists all that need fixing; the
 * exit code is the worst one (a briefkit bug, 3, outranks a problem in a briefing, 1).
 */
export async function validateCommand(args: string[], values: CliValues, io: CliIo): Promise<number> {
  if (args.length === 0)
    fail('USAGE_ERROR', {
      message: 'validate needs a briefing file',
      expected: 'briefkit validate <file.yaml>',
    });
  const files = await expandInputs(args);
  if (files.length === 0)
    fail('USAGE_ERROR', {
      message: `no briefing files (.yaml, .yml, .json) in ${args.join(', ')}`,
      expected: 'briefkit validate <file.yaml> or a folder that holds briefings',
    });
  let code = 0;
  for (const file of files) {
    // The hard stop of a build: validation within the data limits takes well under a second.
    const watchdog = startWatchdog(resolveBuildLimits({}, io.env ?? process.env), file);
    try {
      const briefing = validateBriefing(await loadBriefing(file));
      await resolveBuildOptions(file, {
        ...(values.config !== undefined && { config: values.config }),
        ...(values.theme !== undefined && { theme: values.theme }),
      });
      io.out(
        `${file}: valid (${briefing.sections.length} sections, ${briefing.figures.length} figures, ${briefing.charts.length} charts, ${briefing.sources.length} sources)`,
      );
    } catch (error) {
      // A usage error (a bad flag) is the same for every file: stop at once.
      if (isBriefkitError(error) && error.code === 'USAGE_ERROR') throw error;
      printError(io, error);
      code = Math.max(code, exitCodeFor(error));
    } finally {
      await watchdog.stop();
    }
  }
  return code;
}
