import type { RuleBlock } from '../../../document/types.js';
import type { Flowable } from '../page-model.js';
import type { Frame, LayoutContext } from '../types.js';

/** A thematic break: a short hairline, decoration only. */
export function layoutRule(_block: RuleBlock, ctx: LayoutContext, frame: Frame): Flowable[] {
  const gap = ctx.theme.sizes.paragraphGap * 1.5;
  const rule = {
    kind: 'rule',
    x: frame.x,
    y: 0,
    width: frame.width,
    lineWidth: 0.6,
    color: ctx.theme.colors.rule,
  } as const;
  return [
    {
      height: gap,
      spaceBefore: gap,
      keepWithNext: false,
      boxes: [{ kind: 'artifact', type: 'Layout', boxes: [rule] }],
    },
  ];
}
