import type { CitedSource } from '../../../document/types.js';
import { LINE_PITCH, type TextParagraph } from '../text/paragraph.js';
import { isSafeHref, type Run } from '../text/runs.js';
import type { DeckContext } from '../types.js';

/** The deck's source list: "[1] Reuters — Title. 26 February 2026. via AP. https://…" */
export function sourceParagraphs(ctx: DeckContext, size: number): TextParagraph[] {
  return ctx.sources.map((source) => ({
    runs: sourceRuns(source, ctx.meta.lang),
    size,
    lineHeight: Math.round(size * LINE_PITCH * 10) / 10,
    spaceAfter: Math.round(size * 0.55),
    color: ctx.colors.text,
    level: 0,
  }));
}

/**
 * "[1] Publisher (via X). Title. Date. Note. URL" — the same sentences as the PDF's
 * source list, so the two outputs list sources alike.
 */
function sourceRuns(source: CitedSource, lang: string): Run[] {
  const run = (text: string, extra: Partial<Run> = {}): Run => ({
    text,
    bold: false,
    italic: false,
    code: false,
    superscript: false,
    breakBefore: false,
    ...extra,
  });
  const sentence = (value: string): string => (/[.!?…]$/u.test(value) ? value : `${value}.`);
  // "via" names who relayed the source; a phrase ("as cited by X") is kept as written.
  const via = source.via ? (/^\p{Ll}/u.test(source.via) ? source.via : `via ${source.via}`) : undefined;
  const runs: Run[] = [run(`[${source.number}] `, { bold: true })];
  if (via) runs.push(run(source.publisher, { bold: true }), run(` (${via}).`));
  else runs.push(run(sentence(source.publisher), { bold: true }));
  if (source.title) runs.push(run(' '), run(sentence(source.title), { italic: true }));
  if (source.date) runs.push(run(` ${sentence(source.date)}`));
  if (source.note)
    runs.push(run(` ${sentence(source.note.charAt(0).toLocaleUpperCase(lang) + source.note.slice(1))}`));
  if (source.url) runs.push(run(' '), run(source.url, isSafeHref(source.url) ? { href: source.url } : {}));
  return runs;
}

/** "Sources: [1] Reuters; [2] AP" for the foot of a slide; empty when nothing is cited. */
export function sourceLineText(numbers: readonly number[], ctx: DeckContext): string {
  const byNumber = new Map(ctx.sources.map((source) => [source.number, source]));
  const entries = [...new Set(numbers)]
    .sort((a, b) => a - b)
    .flatMap((number) => {
      const source = byNumber.get(number);
      return source ? [`[${number}] ${source.publisher}`] : [];
    });
  return entries.length === 0 ? '' : `${ctx.meta.labels.sources}: ${entries.join('; ')}`;
}
