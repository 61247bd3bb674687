import { loadBriefing, parseBriefingText } from '../../src/briefing/load.js';
import { validateBriefing } from '../../src/briefing/validate.js';
import type { Briefing } from '../../src/briefing/types.js';
import { composeMarkdown } from '../../src/compose/compose.js';
import { resolveFacts } from '../../src/compose/facts.js';
import { loadTemplates, type TemplateSet } from '../../src/compose/load-templates.js';
import { CitationRegistry } from '../../src/document/citations.js';
import { createMeta } from '../../src/document/meta.js';
import { parseDeck } from '../../src/document/parse-deck.js';
import { parseReport } from '../../src/document/parse-report.js';
import type { DeckDoc, ReportDoc } from '../../src/document/types.js';
import { BriefkitError } from '../../src/errors.js';
import { getLocale } from '../../src/locale/locales.js';

export const HOSTILE = 'test/fixtures/hostile';
export const GENERIC_TEMPLATES = `${HOSTILE}/templates/generic`;

export function hostile(name: string): string {
  return `${HOSTILE}/${name}`;
}

/** Loads and validates a file that must fail, and returns the BriefkitError (anything else fails the test). */
export async function failureOf(file: string): Promise<BriefkitError> {
  try {
    validateBriefing(await loadBriefing(file));
  } catch (error) {
    if (error instanceof BriefkitError) return error;
    throw error;
  }
  throw new Error(`${file} was accepted, but a problem was expected`);
}

export interface Parsed {
  briefing: Briefing;
  report: ReportDoc;
  deck: DeckDoc;
}

/**
 * Everything a build does short of charts and rendering: parse, validate, compose,
 * Markdown to IR. Fast enough to run hundreds of times in a property test.
 */
export function parseAll(text: string, file: string, templates: TemplateSet): Parsed {
  const briefing = validateBriefing(parseBriefingText(text, file));
  const locale = getLocale(briefing.locale);
  const facts = resolveFacts(briefing, locale);
  const markdown = composeMarkdown(briefing, facts, templates);
  const meta = createMeta(briefing, locale, new Date('2026-03-01T00:00:00Z'));
  const citations = new CitationRegistry(facts);
  return {
    briefing,
    report: parseReport(markdown.report, meta, facts, citations),
    deck: parseDeck(markdown.deck, meta, facts, citations),
  };
}

export async function genericTemplates(): Promise<TemplateSet> {
  return loadTemplates(GENERIC_TEMPLATES);
}

/** Every problem names a file, and a line wherever the problem is about a place in it. */
export function expectLocated(error: BriefkitError): void {
  for (const problem of error.problems) {
    if (problem.message.startsWith('and more problems')) continue;
    if (!problem.file) throw new Error(`problem without a file: ${problem.message}`);
    const placeless =
      error.code === 'INPUT_TOO_LARGE' ||
      // The briefing's total text is about the whole file, not one place in it.
      /characters of text/.test(problem.message);
    if (!placeless && problem.line === undefined && !problem.file.endsWith(' Markdown')) {
      throw new Error(`problem without a line: ${problem.file}  ${problem.message}`);
    }
  }
}
