import type { Inline } from '../../../document/types.js';
import type { Flowable, LayoutContext, StructElement } from '../types.js';
import { drawLine } from './draw-line.js';
import { breakLines } from './line-break.js';
import type { Line } from './line-break.js';
import type { LineMetrics } from './metrics.js';
import { toRuns } from './runs.js';
import type { TextStyle } from './runs.js';

/** Lays out inline content into lines no wider than `width`. */
export function layoutInlines(
  ctx: LayoutContext,
  inlines: readonly Inline[],
  style: TextStyle,
  width: number,
): Line[] {
  return breakLines(toRuns(inlines, style, ctx), width, ctx.measure);
}

export interface LineFlowOptions {
  x: number;
  metrics: LineMetrics;
  spaceBefore: number;
  parent: StructElement;
  tag: string;
}

/**
 * One flowable per line, so paragraphs can break between pages. Widow and orphan
 * control is expressed as keep-with-next: the first line keeps with the second
 * and the penultimate with the last, so a page never holds a single line of a
 * paragraph at its foot or its head.
 */
export function lineFlowables(
  ctx: LayoutContext,
  lines: readonly Line[],
  options: LineFlowOptions,
): Flowable[] {
  const { metrics } = options;
  const count = lines.length;
  return lines.map((line, index) => ({
    height: metrics.lineHeight,
    spaceBefore: index === 0 ? options.spaceBefore : 0,
    keepWithNext: count > 1 && (index === 0 || index === count - 2),
    firstBaseline: metrics.baseline,
    draw: (y: number) => drawLine(ctx, line, options.x, y + metrics.baseline, options.parent, options.tag),
  }));
}
