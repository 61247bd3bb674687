import { loadBriefing } from '../briefing/load.js';
import { validateBriefing } from '../briefing/validate.js';
import { resolveBuildOptions } from '../config/resolve-build-options.js';
import { fail } from '../errors.js';
import type { CliValues } from './args.js';
import { expandInputs } from './build-inputs.js';
import type { CliIo } from './io.js';

/**
 * `briefkit validate <file>...`: checks each briefing, and the config and theme it would be
 * built with. A folder stands for the briefings directly inside it, as for build.
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
  for (const file of files) {
    const briefing = validateBriefing(await loadBriefing(file));
    await resolveBuildOptions(file, {
      ...(values.config !== undefined && { config: values.config }),
      ...(values.theme !== undefined && { theme: values.theme }),
    });
    io.out(
      `${file}: valid (${briefing.sections.length} sections, ${briefing.figures.length} figures, ${briefing.charts.length} charts, ${briefing.sources.length} sources)`,
    );
  }
  return 0;
}
