import type { CitedSource, SourceEntryRun } from '../../../document/types.js';
import { LINE_PITCH, type TextParagraph } from '../text/paragraph.js';
import type { Run } from '../text/runs.js';
import type { DeckContext } from '../types.js';

/**
 * The deck's source list: "[1] Publisher. Title. Date." — each entry's brief wording,
 * decided in the document (source-entries.ts there), with the URL as a link on the text.
 */
export function sourceParagraphs(ctx: DeckContext, size: number): TextParagraph[] {
  // A long list is set a little smaller, so some sixty entries take about three slides.
  const count = ctx.sources.length;
  const entrySize = Math.min(size, count > 40 ? 11 : count > 16 ? 12 : size);
  return ctx.sources.map((source) => ({
    runs: sourceRuns(source),
    size: entrySize,
    lineHeight: Math.round(entrySize * LINE_PITCH * 10) / 10,
    spaceAfter: Math.round(entrySize * 0.5),
    color: ctx.colors.text,
    level: 0,
    keepTogether: true,
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
