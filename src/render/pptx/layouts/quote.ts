import type { Block, QuoteBlock, Slide } from '../../../document/types.js';
import { plainRun } from '../text/runs.js';
import { BODY_BOX, toPoints } from '../geometry.js';
import { fitNote, fitText, type FitStep } from '../text/fit.js';
import { citationsOfRuns, inlinesToRuns, type Run } from '../text/runs.js';
import type { Box, DeckContext } from '../types.js';
import { addSourceLine, addTitle, look, notesFor, pageCitations } from './common.js';
import { renderFlowSlides } from './flow-slides.js';

const MARK_W = 1.1;
const QUOTE_STEPS: FitStep[] = [32, 30, 28, 26, 24, 22, 20, 18].map((size) => ({ size, lines: 12 }));
const ATTRIBUTION_STEPS: FitStep[] = [
  { size: 20, lines: 1 },
  { size: 16, lines: 2 },
];
const ATTRIBUTION_H = 0.55;

/**
 * One quotation set large beside an accent quotation mark, its attribution below.
 * A quote too long to set at 18 pt falls back to the content layout.
 */
export function renderQuoteSlide(slide: Slide, ctx: DeckContext): void {
  const quote = slide.blocks.find((block): block is QuoteBlock => block.type === 'quote');
  const others = slide.blocks.filter((block) => block.type !== 'quote');
  const hasTitle = slide.title.some((inline) => inline.type !== 'text' || inline.text.trim() !== '');
  const area: Box = hasTitle ? BODY_BOX : { ...BODY_BOX, y: 0.6, h: BODY_BOX.y + BODY_BOX.h - 0.6 };
  const textBox: Box = {
    x: area.x + MARK_W,
    y: area.y + 0.1,
    w: area.w - MARK_W - 0.4,
    h: area.h - ATTRIBUTION_H - 0.3,
  };

  const runs = quote ? quoteRuns(quote.children) : [];
  const fit =
    runs.length > 0
      ? fitText(runs, ctx.measure, {
          steps: QUOTE_STEPS,
          pitch: 1.25,
          width: toPoints(textBox.w),
          height: toPoints(textBox.h),
          italic: true,
        })
      : undefined;
  const simple = quote?.children.every((block) => block.type === 'paragraph') === true;
  if (!quote || !fit || !simple || fit.truncated || others.some((block) => !isQuiet(block))) {
    renderFlowSlides(slide, ctx, { master: 'BRIEFKIT_QUOTE' });
    return;
  }

  const target = ctx.addSlide('BRIEFKIT_QUOTE', notesFor(slide, ctx));
  if (hasTitle) addTitle(target, slide.title, ctx);
  const textH = (fit.lines * fit.lineHeight) / 72;
  const top = textBox.y + Math.max(0, (textBox.h - textH) / 2) * 0.6;
  target.elements.push({
    kind: 'label',
    box: { x: area.x, y: top - 0.25, w: MARK_W - 0.1, h: 1.4 },
    text: '“',
    font: ctx.fonts.heading,
    size: 120,
    color: ctx.colors.accent,
    bold: true,
    valign: 'top',
  });
  const paragraph = {
    runs: fit.runs,
    size: fit.size,
    lineHeight: Math.round(fit.lineHeight * 10) / 10,
    spaceAfter: 0,
    color: ctx.colors.text,
    italic: true,
    level: 0,
  };
  target.elements.push({
    kind: 'text',
    box: { ...textBox, y: top, h: textH + 0.05 },
    paragraphs: [paragraph],
    look: look(ctx),
    valign: 'top',
    fit: fitNote(fit, QUOTE_STEPS),
  });
  if (quote.attribution) {
    const attribution = [plainRun('— '), ...inlinesToRuns(quote.attribution)];
    const box: Box = { x: textBox.x, y: top + textH + 0.25, w: textBox.w, h: ATTRIBUTION_H };
    const fitted = fitText(attribution, ctx.measure, {
      steps: ATTRIBUTION_STEPS,
      pitch: 1.2,
      width: toPoints(box.w),
      height: toPoints(box.h),
    });
    target.elements.push({
      kind: 'text',
      box,
      paragraphs: [
        {
          runs: fitted.runs,
          size: fitted.size,
          lineHeight: Math.round(fitted.lineHeight * 10) / 10,
          spaceAfter: 0,
          color: ctx.colors.muted,
          level: 0,
        },
      ],
      look: look(ctx),
      valign: 'top',
      fit: fitNote(fitted, ATTRIBUTION_STEPS),
    });
  }
  const citations = pageCitations(slide, undefined, ctx, true);
  citationsOfRuns(runs, citations);
  addSourceLine(target, citations, ctx);
}

/** Paragraphs of a quote as one run list, separated by line breaks. */
function quoteRuns(blocks: readonly Block[]): Run[] {
  const runs: Run[] = [];
  for (const block of blocks) {
    if (block.type !== 'paragraph') continue;
    const more = inlinesToRuns(block.children);
    const [first, ...rest] = more;
    if (first && runs.length > 0) runs.push({ ...first, breakBefore: true }, ...rest);
    else runs.push(...more);
  }
  return runs;
}

/** Blocks that may sit on a quote slide without being shown (none yet: every block is content). */
function isQuiet(block: Block): boolean {
  return block.type === 'rule';
}
