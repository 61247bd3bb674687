import type { Inline } from '../../../document/types.js';
import type { Flowable, TextBox } from '../page-model.js';
import type { StructNode } from '../structure.js';
import type { LayoutContext } from '../types.js';
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
  node: StructNode;
}

/**
 * One flowable per line, so paragraphs can break between pages. Widow and orphan
 * control is expressed as keep-with-next: the first line keeps with the second
 * and the penultimate with the last, so a page never holds a single line of a
 * paragraph at its foot or its head.
 */
export function lineFlowables(lines: readonly Line[], options: LineFlowOptions): Flowable[] {
  const { metrics } = options;
  const count = lines.length;
  return lines.map((line, index) => ({
    height: metrics.lineHeight,
    spaceBefore: index === 0 ? options.spaceBefore : 0,
    keepWithNext: count > 1 && (index === 0 || index === count - 2),
    firstBaseline: metrics.baseline,
    boxes: [{ kind: 'text', x: options.x, baseline: metrics.baseline, line, node: options.node }],
  }));
}

/** Lines stacked from `top`, one text box each, as content of `node`. */
export function stackLines(
  lines: readonly Line[],
  x: number,
  top: number,
  metrics: LineMetrics,
  node: StructNode | undefined,
): TextBox[] {
  return lines.map((line, index) => ({
    kind: 'text',
    x,
    baseline: top + index * metrics.lineHeight + metrics.baseline,
    line,
    ...(node ? { node } : {}),
  }));
}

/** A single string in one style as a one-run line (labels, numbers, running heads). */
export function singleLine(ctx: LayoutContext, text: string, style: TextStyle): Line {
  const width = ctx.measure.width(style, text);
  return { items: [{ text, style, x: 0, width }], width };
}
