import type { CitedSource, SourceEntryRun } from '../../../document/types.js';
import { LINE_PITCH, type TextParagraph } from '../text/paragraph.js';
import type { Run } from '../text/runs.js';
import type { DeckContext } from '../types.js';

/**
 * The deck's source list: "[1] Publisher. Title. Date." — each entry's brief wording,
 * decided in the document (source-entries.ts there), with the URL as a link on the text.
 */
export function sourceParagraphs(ctx: DeckContext, size: number): TextParagraph[] {
  return ctx.sources.map((source) => ({
    runs: sourceRuns(source),
    size,
    lineHeight: Math.round(size * LINE_PITCH * 10) / 10,
    spaceAfter: Math.round(size * 0.55),
    color: ctx.colors.text,
    level: 0,
  }));
}

function sourceRuns(source: CitedSource): Run[] {
  const run = (part: SourceEntryRun): Run => ({
    text: part.text,
    bold: part.strong === true,
    italic: part.emphasis === true,
    code: false,
    superscript: false,
    breakBefore: false,
    ...(part.href !== undefined && { href: part.href }),
  });
  return [run({ text: `[${source.number}] `, strong: true }), ...source.brief.map(run)];
}
