import type { ImageBlock } from '../../../document/types.js';
import { fail } from '../../../errors.js';
import type { Flowable } from '../page-model.js';
import type { StructNode } from '../structure.js';
import type { Frame, LayoutContext } from '../types.js';
import { FIGURE_MAX_HEIGHT_SHARE, layoutFigure, shrinkable } from './figure.js';

/**
 * Resolution a PNG or JPEG is never printed below: 96 pixels an inch, a screen's. A small
 * picture keeps its size at 96 dpi instead of being blown up into a blur; larger ones
 * shrink to the text width or the figure's height limit. An SVG scales freely.
 */
const MIN_DPI = 96;

/**
 * A picture of the briefing as a numbered figure: scaled to fit the text width and the
 * figure height limit, aspect ratio kept, with its caption and its credit and source line.
 * The picture is a Figure element with the image's alt text.
 */
export function layoutImage(
  block: ImageBlock,
  ctx: LayoutContext,
  frame: Frame,
  parent: StructNode,
): Flowable[] {
  const image = ctx.images.get(block.imageId);
  if (!image) {
    fail('INTERNAL_ERROR', {
      message: `No image data for image "${block.imageId}" (${block.label}).`,
      expected: 'renderPdf options.images holding every image the document places',
    });
  }
  // Points per pixel at the lowest resolution allowed.
  const natural = image.format === 'svg' ? Number.POSITIVE_INFINITY : 72 / MIN_DPI;
  const scale = Math.min(
    frame.width / image.width,
    (ctx.page.contentHeight * FIGURE_MAX_HEIGHT_SHARE) / image.height,
    natural,
  );
  const width = image.width * scale;
  const height = image.height * scale;
  return [
    shrinkable(
      layoutFigure(
        {
          width,
          height,
          label: block.label,
          captionText: block.captionText,
          footText: block.footText,
          alt: block.alt,
          picture: (x, node) => ({ kind: 'image', x, y: 0, width, height, image, node }),
        },
        ctx,
        frame,
        parent,
      ),
      width,
      height,
    ),
  ];
}
