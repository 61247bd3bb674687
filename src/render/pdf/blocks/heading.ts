import type { HeadingBlock } from '../../../document/types.js';
import { metricsFor, textStyle } from '../styles.js';
import { addStruct, drawArtifact, drawTagged } from '../tagging.js';
import { drawLine } from '../text/draw-line.js';
import { layoutInlines } from '../text/text-flow.js';
import { plainText } from '../../../document/plain-text.js';
import type { Flowable, Frame, LayoutContext, StructElement } from '../types.js';

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
 * line's text. It keeps with what follows; drawing it records its page for the
 * table of contents, its named destination and its outline entry.
 */
export function layoutHeading(
  block: HeadingBlock,
  ctx: LayoutContext,
  frame: Frame,
  parent: StructElement,
): Flowable[] {
  const look = headingLook(ctx, block.level);
  const style = textStyle(ctx, { role: 'heading', face: 'bold', size: look.size, color: look.color });
  const numberStyle = { ...style, color: look.numberColor };
  const numberWidth = block.number ? ctx.measure.width(numberStyle, block.number) + look.size * 0.6 : 0;
  const lines = layoutInlines(ctx, block.children, style, frame.width - numberWidth);
  const metrics = metricsFor(ctx, look.size, 0.6);
  const element = addStruct(ctx.pdf, parent, `H${block.level}`);
  const textHeight = Math.max(1, lines.length) * metrics.lineHeight;
  const title = headingTitle(block);
  return [
    {
      height: textHeight + look.spaceAfter,
      spaceBefore: look.spaceBefore,
      keepWithNext: true,
      draw: (y, state) => {
        ctx.placeHeading({ anchor: block.anchor, level: block.level, title, page: state.pageIndex + 1 }, y);
        const baseline = y + metrics.baseline;
        if (block.number) {
          drawTagged(ctx.pdf, element, `H${block.level}`, () => {
            ctx.pdf
              .font(ctx.fonts.path('heading', 'bold'))
              .fontSize(look.size)
              .fillColor(look.numberColor)
              .text(`${block.number} `, frame.x, baseline, { lineBreak: false, baseline: 'alphabetic' });
          });
        }
        lines.forEach((line, index) => {
          const lineBaseline = baseline + index * metrics.lineHeight;
          drawLine(ctx, line, frame.x + numberWidth, lineBaseline, element, `H${block.level}`);
        });
        if (look.rule) {
          const ruleY = y + textHeight + look.spaceAfter * 0.35;
          drawArtifact(ctx.pdf, () => {
            ctx.pdf
              .moveTo(frame.x, ruleY)
              .lineTo(frame.x + frame.width, ruleY)
              .lineWidth(0.6)
              .strokeColor(ctx.theme.colors.rule)
              .stroke();
          });
        }
      },
    },
  ];
}
