import { moveBoxes, type Box, type Flowable } from '../page-model.js';
import type { StructNode } from '../structure.js';
import { metricsFor, smallStyle } from '../styles.js';
import { layoutInlines, stackLines } from '../text/text-flow.js';
import type { Frame, LayoutContext } from '../types.js';

/** A figure may take at most this share of the text area, so it shares a page with its caption. */
export const FIGURE_MAX_HEIGHT_SHARE = 0.55;
const CAPTION_GAP = 7;

export interface FigureParts {
  /** The picture's width and height on the page, in points. */
  width: number;
  height: number;
  /** "Figure 2" (set bold) and "Figure 2 — caption". */
  label: string;
  captionText: string;
  /** The muted line under the caption: a source line, a credit; empty for none. */
  footText: string;
  /** The Figure element's alternate text. */
  alt: string;
  /** The picture's box, at (x, 0) with the size given, as the content of `node`. */
  picture(x: number, node: StructNode): Box;
}

/**
 * A numbered figure (a chart, an image): the picture centred in the frame, its caption
 * below ("Figure 2 — …", the label bold) and its source line, as one flowable that
 * never splits from its caption and floats (it may wait for the next page while the
 * text after it fills this one: see paginate.ts). The picture is a Figure element with
 * its alt text; caption and source line are its Caption.
 */
export function layoutFigure(
  parts: FigureParts,
  ctx: LayoutContext,
  frame: Frame,
  parent: StructNode,
): Flowable {
  const { theme } = ctx;
  const captionStyle = smallStyle(ctx, { size: theme.sizes.small + 0.5 });
  const caption = layoutInlines(
    ctx,
    [
      { type: 'strong', children: [{ type: 'text', text: parts.label }] },
      { type: 'text', text: parts.captionText.slice(parts.label.length) },
    ],
    captionStyle,
    frame.width,
  );
  const footStyle = smallStyle(ctx, { color: theme.colors.muted });
  const foot = parts.footText
    ? layoutInlines(ctx, [{ type: 'text', text: parts.footText }], footStyle, frame.width)
    : [];
  const captionMetrics = metricsFor(ctx, captionStyle.size);
  const footMetrics = metricsFor(ctx, footStyle.size);
  const figure = ctx.struct.add(parent, 'Figure', { alt: parts.alt });
  const captionElement = ctx.struct.add(parent, 'Caption');
  const captionTop = parts.height + CAPTION_GAP;
  const footTop = captionTop + caption.length * captionMetrics.lineHeight;
  const x = frame.x + (frame.width - parts.width) / 2;
  return {
    height: footTop + foot.length * footMetrics.lineHeight,
    spaceBefore: theme.sizes.paragraphGap * 2,
    keepWithNext: false,
    float: true,
    boxes: [
      parts.picture(x, figure),
      ...stackLines(caption, frame.x, captionTop, captionMetrics, captionElement),
      ...stackLines(foot, frame.x, footTop, footMetrics, captionElement),
    ],
  };
}

/** The smallest share of its natural size a figure may shrink to, to end a page (see paginate). */
const MIN_SHRINK = 0.7;

/**
 * A figure (its picture `width` × `height` points, then caption and source line) that the
 * rest of a page may take at 70 % of its size or more, as typesetters do with flexible
 * figures: at the end of a section, or opening a page under floats that waited with it.
 */
export function shrinkable(natural: Flowable, width: number, height: number): Flowable {
  const ratio = height / width;
  const captionHeight = natural.height - height;
  return {
    ...natural,
    shrink: {
      minHeight: captionHeight + height * MIN_SHRINK,
      at: (room) => shrinkFigure(natural, Math.min(width, (room - captionHeight) / ratio), width, ratio),
    },
  };
}

/**
 * The figure with its picture `to` points wide (same aspect, still centred) and the
 * caption and source line moved up under it: the same boxes and structure elements.
 */
function shrinkFigure(figure: Flowable, to: number, width: number, ratio: number): Flowable {
  const lift = (width - to) * ratio;
  const boxes = figure.boxes.map((box) =>
    box.kind === 'drawing' || box.kind === 'image'
      ? { ...box, x: box.x + (width - to) / 2, width: to, height: to * ratio }
      : moveBoxes([box], -lift, false)[0]!,
  );
  return { ...figure, height: figure.height - lift, boxes, shrink: undefined };
}
