import type { TextMeasurer } from './measure.js';
import type { Run } from './runs.js';
import { joinLines, wrapRuns, type WrappedLine } from './wrap.js';

export type Bullet = { type: 'bullet' } | { type: 'number'; start: number };

/** One paragraph of a text box, fully styled: what is measured is what is written. */
export interface TextParagraph {
  runs: Run[];
  /** Font size in points. */
  size: number;
  /** Exact line pitch in points ("Exactly" in PowerPoint), so heights are predictable. */
  lineHeight: number;
  /** Space after the paragraph in points. */
  spaceAfter: number;
  color: string;
  bold?: boolean;
  italic?: boolean;
  bullet?: Bullet;
  /** List nesting, 0 for the top level. */
  level: number;
  /** Width of the bullet's hanging indent in points; default 1.25 × size (room for "10." is measured). */
  bulletWidth?: number;
  align?: 'left' | 'center' | 'right';
  /** Heading paragraphs stay with the paragraph after them. */
  keepWithNext?: boolean;
  /** Never split between columns or slides (a source entry): it moves whole. */
  keepTogether?: boolean;
  /** Never the first thing on a slide when it follows a table (a table's source line). */
  keepWithPrevious?: boolean;
}

/** Line pitch as a multiple of the font size; Noto Sans reads well at 1.2. */
export const LINE_PITCH = 1.2;

/** The hanging indent of one list level, in points. */
export function bulletStep(paragraph: Pick<TextParagraph, 'size' | 'bulletWidth'>): number {
  return Math.round(paragraph.bulletWidth ?? paragraph.size * 1.25);
}

/** Where the text of a list item starts: one step per level (pptxgenjs: marL = step × (level + 1)). */
export function bulletIndent(
  paragraph: Pick<TextParagraph, 'size' | 'bullet' | 'level' | 'bulletWidth'>,
): number {
  if (!paragraph.bullet) return 0;
  return bulletStep(paragraph) * (paragraph.level + 1);
}

export function wrapParagraph(
  paragraph: TextParagraph,
  width: number,
  measure: TextMeasurer,
): readonly WrappedLine[] {
  const room = width - bulletIndent(paragraph);
  return wrapRuns(paragraph.runs, room, paragraph.size, measure, paragraph);
}

/** Height in points of a paragraph set in a box `width` points wide. */
export function paragraphHeight(paragraph: TextParagraph, width: number, measure: TextMeasurer): number {
  return wrapParagraph(paragraph, width, measure).length * paragraph.lineHeight + paragraph.spaceAfter;
}

/**
 * Splits a paragraph after the lines that fit in `room` points; the rest continues
 * on the next slide (without repeating the bullet). Undefined when not one line fits,
 * or when the head would be shorter than `minimumLines`.
 */
export function splitParagraph(
  paragraph: TextParagraph,
  width: number,
  room: number,
  measure: TextMeasurer,
  minimumLines = 1,
): [TextParagraph, TextParagraph] | undefined {
  const lines = wrapParagraph(paragraph, width, measure);
  const roomLines = Math.floor((room - paragraph.spaceAfter) / paragraph.lineHeight);
  if (roomLines >= lines.length) return undefined;
  // No widow: a continuation starts with at least two lines (one line alone on the next
  // slide reads as a stray fragment), so the head gives one back when it can. The head
  // keeps `minimumLines` (no orphan either); on an empty slide any split beats overflow.
  const noWidow = Math.min(roomLines, lines.length - 2);
  const fit = noWidow >= Math.max(1, minimumLines) ? noWidow : minimumLines <= 1 ? roomLines : 0;
  if (fit < 1) return undefined;
  const head: TextParagraph = { ...paragraph, runs: joinLines(lines.slice(0, fit)), keepWithNext: false };
  const tail: TextParagraph = {
    ...paragraph,
    runs: joinLines([{ ...lines[fit]!, joiner: 'none' }, ...lines.slice(fit + 1)]),
  };
  return [head, tail];
}

/** How a text box's runs are set: the font, the language, the colour of links. */
export interface RunLook {
  font: string;
  lang: string;
  /** Colour of link text, without '#'. */
  linkColor: string;
}
