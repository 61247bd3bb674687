import type { SourceLine } from '../../../document/types.js';
import { toPoints } from '../geometry.js';
import type { SlideModel } from '../slide-model.js';
import type { Box, DeckContext } from '../types.js';
import { fitNote, fitText, type FitOptions, type FitResult, type FitStep } from './fit.js';
import { fitSourceLine } from './fitted-source-line.js';
import { citationsOfRuns, plainRun, type Run } from './runs.js';

export interface FittedTextOptions {
  steps: FitStep[];
  color: string;
  bold?: boolean;
  valign?: 'top' | 'bottom';
  pitch?: number;
}

/**
 * One paragraph fitted into a box: the first of `steps` (size, lines) it fits at, cut
 * short rather than overflow. Cover text, captions and source lines all use it.
 * Returns the citations the fitted text still shows.
 */
export function addFittedText(
  slide: SlideModel,
  runs: Run[] | string,
  box: Box,
  ctx: DeckContext,
  options: FittedTextOptions,
): Set<number> {
  const list = typeof runs === 'string' ? [plainRun(runs)] : runs;
  if (list.every((run) => run.text.trim() === '')) return new Set();
  return addFit(slide, fitText(list, ctx.measure, fitOptions(box, options)), box, ctx, options);
}

/** A source line fitted into a box, shortened by its names and never by its numbers. */
export function addFittedSourceLine(
  slide: SlideModel,
  line: SourceLine,
  box: Box,
  ctx: DeckContext,
  options: FittedTextOptions,
): Set<number> {
  if (line.entries.length === 0) return new Set();
  return addFit(slide, fitSourceLine(line, ctx.measure, fitOptions(box, options)), box, ctx, options);
}

function fitOptions(box: Box, options: FittedTextOptions): FitOptions {
  return {
    steps: options.steps,
    pitch: options.pitch ?? 1.2,
    width: toPoints(box.w),
    height: toPoints(box.h),
    bold: options.bold === true,
  };
}

function addFit(
  slide: SlideModel,
  fit: FitResult,
  box: Box,
  ctx: DeckContext,
  options: FittedTextOptions,
): Set<number> {
  slide.elements.push({
    kind: 'text',
    box,
    paragraphs: [
      {
        runs: fit.runs,
        size: fit.size,
        lineHeight: Math.round(fit.lineHeight * 10) / 10,
        spaceAfter: 0,
        color: options.color,
        bold: options.bold === true,
        level: 0,
      },
    ],
    look: { font: ctx.fonts.body, lang: ctx.meta.lang, linkColor: options.color },
    valign: options.valign ?? 'top',
    fit: fitNote(fit, options.steps),
  });
  return citationsOfRuns(fit.runs);
}
