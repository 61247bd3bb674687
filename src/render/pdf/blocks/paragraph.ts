import type { ParagraphBlock } from '../../../document/types.js';
import type { Flowable } from '../page-model.js';
import type { StructNode } from '../structure.js';
import { bodyMetrics, textStyle } from '../styles.js';
import { layoutInlines, lineFlowables } from '../text/text-flow.js';
import type { Frame, LayoutContext } from '../types.js';

export function layoutParagraph(
  block: ParagraphBlock,
  ctx: LayoutContext,
  frame: Frame,
  parent: StructNode,
): Flowable[] {
  const style = textStyle(ctx, frame.inQuote ? { face: 'italic' } : {});
  const lines = layoutInlines(ctx, block.children, style, frame.width);
  return lineFlowables(lines, {
    x: frame.x,
    metrics: bodyMetrics(ctx),
    spaceBefore: ctx.theme.sizes.paragraphGap,
    node: ctx.struct.add(parent, 'P'),
  });
}
