import type { CitationRegistry } from './citations.js';
import type { FactLookup } from './fact-lookup.js';
import type { ImageBlock } from './types.js';
import { unknownIdError } from './unknown-id.js';

export interface ImageBlockContext {
  facts: FactLookup;
  citations: CitationRegistry;
  origin: string;
}

/**
 * An image of the briefing as an IR block, decided once for both outputs: its number in
 * the figures' count, the caption line "Figure 3 — caption", its alt text, and the line
 * under it (its credit, then its source cited with the number it has everywhere).
 */
export function imageBlock(
  imageId: string,
  caption: string,
  number: number,
  ctx: ImageBlockContext,
): ImageBlock {
  const image = ctx.facts.images?.get(imageId);
  if (!image) throw unknownIdError('image', imageId, `${ctx.origin} Markdown`);
  const label = `${ctx.facts.locale.labels.figure} ${number}`;
  const sourceLine = ctx.citations.line(image.source !== undefined ? [image.source] : [], ctx.origin);
  const credit = image.credit?.trim();
  return {
    type: 'image',
    imageId,
    number,
    label,
    caption,
    captionText: caption === '' ? label : `${label} — ${caption}`,
    alt: image.alt,
    ...(credit !== undefined && credit !== '' && { credit }),
    sourceLine,
    footText: [credit, sourceLine.text].filter((part) => part !== undefined && part !== '').join(' · '),
    citations: sourceLine.entries.map((entry) => entry.number),
  };
}
