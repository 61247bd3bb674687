import type { Block } from '../../../document/types.js';
import { plainRun } from '../blocks/flow-items.js';
import { toPoints } from '../geometry.js';
import { fitText, type FitStep } from '../text/fit.js';
import { toTextProps } from '../text/paragraph.js';
import { citationsOfRuns, inlinesToRuns, type Run } from '../text/runs.js';
import type { Box, DeckContext, PptxSlide } from '../types.js';
import { look } from './common.js';

/** The text of blocks as one run list, a line break between blocks (for title and section slides). */
export function blocksAsRuns(blocks: readonly Block[]): Run[] {
  const runs: Run[] = [];
  const append = (more: Run[]): void => {
    const [first, ...rest] = more;
    if (first && runs.length > 0) runs.push({ ...first, breakBefore: true }, ...rest);
    else runs.push(...more);
  };
  for (const block of blocks) {
    if (block.type === 'paragraph' || block.type === 'heading') append(inlinesToRuns(block.children));
    else if (block.type === 'list') block.items.forEach((item) => append(blocksAsRuns(item)));
    else if (block.type === 'quote') append(blocksAsRuns(block.children));
  }
  return runs;
}

export interface CoverTextOptions {
  steps: FitStep[];
  color: string;
  bold?: boolean;
  valign?: 'top' | 'bottom';
  pitch?: number;
}

/** A fitted block of text on a cover slide; returns the citations it shows. */
export function addCoverText(
  slide: PptxSlide,
  runs: Run[] | string,
  box: Box,
  ctx: DeckContext,
  options: CoverTextOptions,
): Set<number> {
  const list = typeof runs === 'string' ? [plainRun(runs)] : runs;
  if (list.every((run) => run.text.trim() === '')) return new Set();
  const fit = fitText(list, ctx.measure, {
    steps: options.steps,
    pitch: options.pitch ?? 1.2,
    width: toPoints(box.w),
    height: toPoints(box.h),
    bold: options.bold === true,
  });
  slide.addText(
    toTextProps(
      [
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
      { ...look(ctx), linkColor: options.color },
    ),
    { ...box, margin: 0, valign: options.valign ?? 'top', fit: 'none' },
  );
  return citationsOfRuns(fit.runs);
}
