import type { QuoteBlock } from '../../../document/types.js';
import { metricsFor, smallStyle } from '../styles.js';
import { addStruct, drawArtifact } from '../tagging.js';
import { layoutInlines, lineFlowables } from '../text/text-flow.js';
import type { Flowable, Frame, LayoutContext, StructElement } from '../types.js';

const INDENT = 18;
const BAR_WIDTH = 2.5;

/**
 * A block quote: italic text indented behind an accent bar, then its attribution.
 * The bar is drawn per flowable, so it follows the quote across a page break and
 * bridges the gaps between the quote's own paragraphs.
 */
export function layoutQuote(
  block: QuoteBlock,
  ctx: LayoutContext,
  frame: Frame,
  parent: StructElement,
): Flowable[] {
  const element = addStruct(ctx.pdf, parent, 'BlockQuote');
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
    const attribution = addStruct(ctx.pdf, element, 'P');
    // The attribution never starts a page on its own: keep the quote's last line with it.
    const last = flowables.pop();
    if (last) flowables.push({ ...last, keepWithNext: true });
    flowables.push(
      ...lineFlowables(ctx, lines, {
        x: inner.x,
        metrics: metricsFor(ctx, style.size),
        spaceBefore: 4,
        parent: attribution,
        tag: 'P',
      }),
    );
  }
  return flowables.map((flowable, index) => ({
    ...flowable,
    spaceBefore: index === 0 ? ctx.theme.sizes.paragraphGap * 1.8 : flowable.spaceBefore,
    draw: (y, state) => {
      const from = index === 0 || state.atPageTop ? y : y - flowable.spaceBefore;
      drawArtifact(ctx.pdf, () => {
        ctx.pdf.rect(frame.x, from, BAR_WIDTH, y + flowable.height - from).fill(ctx.theme.colors.accent);
      });
      flowable.draw(y, state);
    },
  }));
}
