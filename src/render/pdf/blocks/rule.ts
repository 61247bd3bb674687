import type { RuleBlock } from '../../../document/types.js';
import { drawArtifact } from '../tagging.js';
import type { Flowable, Frame, LayoutContext } from '../types.js';

/** A thematic break: a short hairline, decoration only. */
export function layoutRule(_block: RuleBlock, ctx: LayoutContext, frame: Frame): Flowable[] {
  const gap = ctx.theme.sizes.paragraphGap * 1.5;
  return [
    {
      height: gap,
      spaceBefore: gap,
      keepWithNext: false,
      draw: (y) =>
        drawArtifact(ctx.pdf, () => {
          ctx.pdf
            .moveTo(frame.x, y)
            .lineTo(frame.x + frame.width, y)
            .lineWidth(0.6)
            .strokeColor(ctx.theme.colors.rule)
            .stroke();
        }),
    },
  ];
}
