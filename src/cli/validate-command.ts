import { loadBriefing } from '../briefing/load.js';
import { validateBriefing } from '../briefing/validate.js';
import type { Briefing } from '../briefing/types.js';
import { resolveBuildLimits } from '../build/limits.js';
import { startWatchdog } from '../build/watchdog.js';
import { composeMarkdown } from '../compose/compose.js';
import { resolveFacts } from '../compose/facts.js';
import { loadTemplates } from '../compose/load-templates.js';
import { resolveBuildOptions } from '../build/resolve-settings.js';
import { CitationRegistry } from '../document/citations.js';
import { createMeta } from '../document/meta.js';
import { parseDeck } from '../document/parse-deck.js';
import { parseReport } from '../document/parse-report.js';
import { exitCodeFor, fail, isBriefkitError } from '../errors.js';
import { loadImageAssets } from '../images/load-image-assets.js';
import { imageRootFor, readImageFiles } from '../images/read-image-files.js';
import { getLocale } from '../locale/locales.js';
import type { CliValues } from './args.js';
import { expandInputs, noBriefingsFound } from './build-inputs.js';
import { checkTemplates } from './build-settings.js';
import { printError, type CliIo } from './io.js';
import { plural } from './report/labels.js';

/**
 * `briefkit validate <file>...`: checks each briefing as `build` would, without drawing
 * anything: the data and its images, the config and theme it would be built with, the templates,
 * run with the briefing (a missing field, an unknown helper, a chart id a template
 * makes up). A folder stands for the briefings directly inside it, as for build. Every
 * briefing is checked and reported, valid or not, so one run lists all that need fixing;
 * the exit code is the worst one (a briefkit bug, 3, outranks a problem in a briefing, 1).
 */
export async function validateCommand(args: string[], values: CliValues, io: CliIo): Promise<number> {
  if (args.length === 0)
    fail('USAGE_ERROR', {
      message: 'validate needs a briefing file',
      expected: 'briefkit validate <file.yaml>',
    });
  const files = await expandInputs(args);
  if (files.length === 0) noBriefingsFound(args);
  let code = 0;
  for (const file of files) {
    // The hard stop of a build: validation within the data limits takes well under a second.
    const watchdog = startWatchdog(resolveBuildLimits({}, io.env ?? process.env), file);
    try {
      const loaded = await loadBriefing(file);
      const briefing = validateBriefing(loaded);
      const options = await resolveBuildOptions(file, {
        ...(values.config !== undefined && { config: values.config }),
        ...(values.theme !== undefined && { theme: values.theme }),
        ...(values.templates !== undefined && { templatesDir: checkTemplates(values.templates) }),
      });
      // The image files, checked and decoded as a build does (found, inside the project, real images).
      const root = await imageRootFor(file, options.projectRoot);
      await loadImageAssets(briefing, await readImageFiles(loaded.raw, file, root), loaded.sourceMap);
      await checkTemplatesWith(briefing, options.templatesDir);
      io.out(
        `${file}: valid (${plural(briefing.sections.length, 'section')}, ${plural(briefing.figures.length, 'figure')}, ${plural(briefing.charts.length, 'chart')}, ${plural(briefing.sources.length, 'source')})`,
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

/** Runs the templates with the briefing and reads their Markdown back, as a build's compose and parse stages do. */
async function checkTemplatesWith(briefing: Briefing, templatesDir: string | undefined): Promise<void> {
  const templates = await loadTemplates(templatesDir);
  const locale = getLocale(briefing.locale);
  const facts = resolveFacts(briefing, locale);
  const markdown = composeMarkdown(briefing, facts, templates);
  const meta = createMeta(briefing, locale, new Date(0));
  const citations = new CitationRegistry(facts);
  parseReport(markdown.report, meta, facts, citations);
  parseDeck(markdown.deck, meta, facts, citations);
}
