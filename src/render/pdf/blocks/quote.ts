import type { QuoteBlock } from '../../../document/types.js';
import type { Flowable } from '../page-model.js';
import type { StructNode } from '../structure.js';
import { metricsFor, smallStyle } from '../styles.js';
import { layoutInlines, lineFlowables } from '../text/text-flow.js';
import type { Frame, LayoutContext } from '../types.js';

const INDENT = 18;
const BAR_WIDTH = 2.5;

/**
 * A block quote: italic text indented behind an accent bar, then its attribution.
 * Each flowable carries its piece of the bar, so the bar follows the quote across a
 * page break and bridges the gaps between the quote's own paragraphs.
 */
export function layoutQuote(
  block: QuoteBlock,
  ctx: LayoutContext,
  frame: Frame,
  parent: StructNode,
): Flowable[] {
  const element = ctx.struct.add(parent, 'BlockQuote');
  const inner: Frame = { ...frame, x: frame.x + INDENT, width: frame.width - INDENT, inQuote: true };
  const flowables = ctx.layoutBlocks(block.children, inner, element);
  if (block.attribution && block.attribution.length > 0) {
    const style = smallStyle(ctx, { color: ctx.theme.colors.muted });
    const lines = layoutInlines(
      ctx,
      [{ type: 'text', text: '— ' }, ...block.attribution],
      style,
      inner.width,
    );
    const attribution = ctx.struct.add(element, 'P');
    // The attribution never starts a page on its own: keep the quote's last line with it.
    const last = flowables.pop();
    if (last) flowables.push({ ...last, keepWithNext: true });
    flowables.push(
      ...lineFlowables(lines, {
        x: inner.x,
        metrics: metricsFor(ctx, style.size),
        spaceBefore: 4,
        node: attribution,
      }),
    );
  }
  return flowables.map((flowable, index) => ({
    ...flowable,
    spaceBefore: index === 0 ? ctx.theme.sizes.paragraphGap * 1.8 : flowable.spaceBefore,
    boxes: [
      {
        kind: 'artifact',
        type: 'Layout',
        boxes: [
          {
            kind: 'rect',
            x: frame.x,
            y: 0,
            width: BAR_WIDTH,
            height: flowable.height,
            color: ctx.theme.colors.accent,
            ...(index === 0 ? {} : { bridgeAbove: flowable.spaceBefore }),
          },
        ],
      },
      ...flowable.boxes,
    ],
  }));
}
