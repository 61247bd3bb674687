import type { HeadingBlock } from '../../../document/types.js';
import { metricsFor, textStyle } from '../styles.js';
import { layoutInlines, singleLine, stackLines } from '../text/text-flow.js';
import { plainText } from '../../../document/plain-text.js';
import type { Box, Flowable } from '../page-model.js';
import type { StructNode } from '../structure.js';
import type { Frame, LayoutContext } from '../types.js';

// A link to a heading shows a little of the page above it.
const DESTINATION_ABOVE = 10;

interface HeadingLook {
  size: number;
  color: string;
  numberColor: string;
  spaceBefore: number;
  spaceAfter: number;
  rule: boolean;
}

function headingLook(ctx: LayoutContext, level: 1 | 2 | 3): HeadingLook {
  const { sizes, colors } = ctx.theme;
  if (level === 1) {
    return {
      size: sizes.h1,
      color: colors.primary,
      numberColor: colors.accent,
      spaceBefore: 26,
      spaceAfter: 12,
      rule: true,
    };
  }
  if (level === 2) {
    return {
      size: sizes.h2,
      color: colors.primary,
      numberColor: colors.accent,
      spaceBefore: 18,
      spaceAfter: 5,
      rule: false,
    };
  }
  return {
    size: sizes.h3,
    color: colors.text,
    numberColor: colors.muted,
    spaceBefore: 13,
    spaceAfter: 3,
    rule: false,
  };
}

/** Title as shown in the outline and the table of contents: "1.2 Title". */
export function headingTitle(block: HeadingBlock): string {
  const text = plainText(block.children).trim();
  return block.number ? `${block.number} ${text}` : text;
}

/**
 * A numbered heading with a hanging number, so wrapped titles align with the first
 * line's text. It keeps with what follows and carries its anchor: a named
 * destination, an outline entry, and the page the table of contents prints.
 */
export function layoutHeading(
  block: HeadingBlock,
  ctx: LayoutContext,
  frame: Frame,
  parent: StructNode,
): Flowable[] {
  const look = headingLook(ctx, block.level);
  const style = textStyle(ctx, { role: 'heading', face: 'bold', size: look.size, color: look.color });
  const numberStyle = { ...style, color: look.numberColor };
  const numberWidth = block.number ? ctx.measure.width(numberStyle, block.number) + look.size * 0.6 : 0;
  const lines = layoutInlines(ctx, block.children, style, frame.width - numberWidth);
  const metrics = metricsFor(ctx, look.size, 0.6);
  const node = ctx.struct.add(parent, `H${block.level}`);
  const textHeight = Math.max(1, lines.length) * metrics.lineHeight;
  const boxes: Box[] = [
    {
      kind: 'anchor',
      name: block.anchor,
      y: -DESTINATION_ABOVE,
      outline: { title: headingTitle(block), level: block.level },
    },
  ];
  if (block.number) {
    const number = singleLine(ctx, `${block.number} `, numberStyle);
    boxes.push({ kind: 'text', x: frame.x, baseline: metrics.baseline, line: number, node });
  }
  boxes.push(...stackLines(lines, frame.x + numberWidth, 0, metrics, node));
  if (look.rule) {
    const y = textHeight + look.spaceAfter * 0.35;
    const rule: Box = {
      kind: 'rule',
      x: frame.x,
      y,
      width: frame.width,
      lineWidth: 0.6,
      color: ctx.theme.colors.rule,
    };
    boxes.push({ kind: 'artifact', type: 'Layout', boxes: [rule] });
  }
  return [
    {
      height: textHeight + look.spaceAfter,
      spaceBefore: look.spaceBefore,
      keepWithNext: true,
      barrier: true,
      boxes,
    },
  ];
}
