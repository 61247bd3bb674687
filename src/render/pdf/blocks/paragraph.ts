import type { ParagraphBlock } from '../../../document/types.js';
import { bodyMetrics, textStyle } from '../styles.js';
import { addStruct } from '../tagging.js';
import { layoutInlines, lineFlowables } from '../text/text-flow.js';
import type { Flowable, Frame, LayoutContext, StructElement } from '../types.js';

export function layoutParagraph(
  block: ParagraphBlock,
  ctx: LayoutContext,
  frame: Frame,
  parent: StructElement,
): Flowable[] {
  const style = textStyle(ctx, frame.inQuote ? { face: 'italic' } : {});
  const lines = layoutInlines(ctx, block.children, style, frame.width);
  const element = addStruct(ctx.pdf, parent, 'P');
  return lineFlowables(ctx, lines, {
    x: frame.x,
    metrics: bodyMetrics(ctx),
    spaceBefore: ctx.theme.sizes.paragraphGap,
    parent: element,
    tag: 'P',
  });
}
