import { loadBriefing } from '../briefing/load.js';
import { validateBriefing } from '../briefing/validate.js';
import { fail } from '../errors.js';
import type { CliIo } from './io.js';

export async function validateCommand(files: string[], io: CliIo): Promise<number> {
  if (files.length === 0)
    fail('USAGE_ERROR', {
      message: 'validate needs a briefing file',
      expected: 'briefkit validate <file.yaml>',
    });
  for (const file of files) {
    const briefing = validateBriefing(await loadBriefing(file));
    io.out(
      `${file}: valid (${briefing.sections.length} sections, ${briefing.figures.length} figures, ${briefing.charts.length} charts, ${briefing.sources.length} sources)`,
    );
  }
  return 0;
}
