import { describe, expect, it } from 'vitest';
import type { Block, ImageBlock, Inline, Slide } from '../../../src/document/types.js';
import { BODY_BOX } from '../../../src/render/pptx/geometry.js';
import { layoutDeck } from '../../../src/render/pptx/layout-deck.js';
import type { PictureElement, SlideElement } from '../../../src/render/pptx/slide-model.js';
import type { TextMeasurer } from '../../../src/render/pptx/text/measure.js';
import type { DecodedImage } from '../../../src/theme/decode-image.js';
import { defaultTheme } from '../../../src/theme/default-theme.js';
import { sampleChartAssets, sampleDeckDoc } from '../../fixtures/sample-deck-doc.js';

/*
 * An image on a slide, as data (half-em measurer): fitted inside the body box with its
 * aspect ratio, never drawn below 96 pixels an inch, described by its alt text, with the
 * caption and credit line under it; beside the text in the two-column layout.
 */
const halfEm: TextMeasurer = { width: (text, size) => Array.from(text).length * size * 0.5 };
const t = (text: string): Inline => ({ type: 'text', text });

function picture(format: 'png' | 'svg', width: number, height: number): DecodedImage {
  const data = Buffer.from('not drawn in these tests');
  return { format, data, width, height, raster: data, rasterFormat: 'png' };
}

const image = (id: string, footText = 'Photo: someone · Source: Reuters [1]'): ImageBlock => ({
  type: 'image',
  imageId: id,
  number: 2,
  label: 'Figure 2',
  caption: 'A picture',
  captionText: 'Figure 2 — A picture',
  alt: `What ${id} shows.`,
  sourceLine: { text: 'Source: Reuters [1]', label: 'Source', entries: [{ number: 1, name: 'Reuters' }] },
  footText,
  citations: [1],
});

const slide = (layout: Slide['layout'], blocks: Block[]): Slide => ({
  layout,
  title: [t('Pictures')],
  blocks,
  notes: [],
  citations: [1],
});

function layout(slides: Slide[], images: Record<string, DecodedImage>) {
  return layoutDeck(
    { ...sampleDeckDoc(), slides },
    sampleChartAssets(),
    defaultTheme(),
    {
      charts: 'native',
      images: new Map(Object.entries(images)),
    },
    halfEm,
  );
}

const pictures = (elements: readonly SlideElement[]): PictureElement[] =>
  elements.filter((e): e is PictureElement => e.kind === 'picture');
const texts = (elements: readonly SlideElement[]): string[] =>
  elements.flatMap((e) =>
    e.kind === 'text' ? [e.paragraphs.map((p) => p.runs.map((r) => r.text).join('')).join('\n')] : [],
  );

describe('an image on a slide', () => {
  it('is fitted in the body box, aspect kept, with its alt text, caption and credit line', () => {
    const deck = layout([slide('chart', [image('svg')])], { svg: picture('svg', 1600, 400) });
    const [pic] = pictures(deck.slides[0]!.elements);
    expect(pic!.altText).toBe('What svg shows.');
    expect(pic!.box.w / pic!.box.h).toBeCloseTo(4, 6);
    expect(pic!.box.x).toBeGreaterThanOrEqual(BODY_BOX.x - 1e-9);
    expect(pic!.box.x + pic!.box.w).toBeLessThanOrEqual(BODY_BOX.x + BODY_BOX.w + 1e-9);
    expect(pic!.box.y + pic!.box.h).toBeLessThanOrEqual(BODY_BOX.y + BODY_BOX.h);
    // An SVG fills the width it is given.
    expect(pic!.box.w).toBeCloseTo(BODY_BOX.w, 6);
    const lines = texts(deck.slides[0]!.elements);
    expect(lines).toContain('Figure 2 — A picture');
    expect(lines).toContain('Photo: someone · Source: Reuters [1]');
  });

  it('keeps a small PNG at 96 pixels an inch instead of blowing it up', () => {
    const deck = layout([slide('chart', [image('small')])], { small: picture('png', 192, 96) });
    const [pic] = pictures(deck.slides[0]!.elements);
    expect(pic!.box.w).toBeCloseTo(2, 6);
    expect(pic!.box.h).toBeCloseTo(1, 6);
  });

  it('goes beside the text in the two-column layout', () => {
    const text = { type: 'paragraph', children: [t('Some words beside the picture.')] } as Block;
    const deck = layout([slide('two-column', [text, image('photo')])], { photo: picture('png', 1200, 900) });
    const [pic] = pictures(deck.slides[0]!.elements);
    expect(pic!.box.x).toBeGreaterThan(BODY_BOX.x + BODY_BOX.w * 0.4);
    expect(texts(deck.slides[0]!.elements)).toContain('Some words beside the picture.');
  });
});
