import type { ImageBlock } from '../../../document/types.js';
import { fail } from '../../../errors.js';
import { addFittedText } from '../text/fitted-text.js';
import type { SlideModel } from '../slide-model.js';
import type { Box, DeckContext } from '../types.js';

const CAPTION_SIZE = 12;
const LINE_H = 0.28;
/** A PNG or JPEG is never shown below 96 pixels an inch (blown up into a blur); an SVG scales freely. */
const MIN_DPI = 96;

/**
 * A picture of the briefing with its caption ("Figure 3 — …") and the line under it
 * (credit, source), as the report prints them: the picture fitted into what the two
 * lines leave of the box, aspect ratio kept, centred, with the image's alt text as the
 * picture's description (p:cNvPr descr).
 */
export function addImage(slide: SlideModel, block: ImageBlock, box: Box, ctx: DeckContext): void {
  const image = ctx.images.get(block.imageId);
  if (!image) {
    fail('INTERNAL_ERROR', {
      message: `Image "${block.imageId}" is placed on a slide but has no image data.`,
      expected: 'renderPptx options.images holding every image the deck places',
    });
  }
  const lines = block.footText === '' ? 1 : 2;
  const room: Box = { ...box, h: Math.max(0.2, box.h - lines * LINE_H) };
  const largest = image.format === 'svg' ? Number.POSITIVE_INFINITY : 1 / MIN_DPI;
  const scale = Math.min(room.w / image.width, room.h / image.height, largest);
  const w = image.width * scale;
  const h = image.height * scale;
  const placed: Box = { x: box.x + (box.w - w) / 2, y: box.y + (room.h - h) / 2, w, h };
  slide.elements.push({
    kind: 'picture',
    box: placed,
    data: image.raster,
    format: image.rasterFormat,
    altText: block.alt,
    objectName: `Image ${block.imageId}`,
  });
  // The caption lines start under the picture's left edge and may run to the box's right edge.
  const captionTop = placed.y + h;
  const line = (top: number): Box => ({ x: placed.x, y: top, w: box.x + box.w - placed.x, h: LINE_H });
  addFittedText(slide, block.captionText, line(captionTop), ctx, {
    steps: [1, 2, 3].map((less) => ({ size: CAPTION_SIZE + 1 - less, lines: 1 })),
    color: ctx.colors.text,
    valign: 'bottom',
  });
  if (block.footText !== '') {
    addFittedText(slide, block.footText, line(captionTop + LINE_H), ctx, {
      steps: [1, 2, 3].map((less) => ({ size: CAPTION_SIZE - less, lines: 1 })),
      color: ctx.colors.muted,
      valign: 'bottom',
    });
  }
}
