import { describe, expect, it } from 'vitest';
import type { Block, ImageBlock } from '../../../src/document/types.js';
import { collect, createLayoutContext } from '../../../src/render/pdf/collect.js';
import { createFontSet } from '../../../src/render/pdf/fonts.js';
import { getPageGeometry } from '../../../src/render/pdf/geometry.js';
import type { ImageBox, TextBox } from '../../../src/render/pdf/page-model.js';
import { prepareBlocks } from '../../../src/render/pdf/prepare.js';
import { documentNode } from '../../../src/render/pdf/structure.js';
import type { Measurer } from '../../../src/render/pdf/text/metrics.js';
import type { DecodedImage } from '../../../src/theme/decode-image.js';
import { defaultTheme } from '../../../src/theme/default-theme.js';
import { sampleReportDoc } from '../../fixtures/sample-report-doc.js';

/*
 * An image in the report, as boxes (5-pt measurer): scaled to the text width and the
 * figure height limit with its aspect ratio, never a PNG or JPEG below 96 pixels an inch,
 * a float, its picture the content of a Figure element with the alt text, its caption
 * and credit line a Caption.
 */
const mono: Measurer = { width: (_style, text) => Array.from(text).length * 5 };
const theme = defaultTheme();
const page = getPageGeometry('A4', theme);

function picture(format: 'png' | 'svg', width: number, height: number): DecodedImage {
  const data = Buffer.from('not drawn in these tests');
  return { format, data, width, height, raster: data, rasterFormat: 'png' };
}

const image = (id: string): ImageBlock => ({
  type: 'image',
  imageId: id,
  number: 3,
  label: 'Figure 3',
  caption: 'A picture',
  captionText: 'Figure 3 — A picture',
  alt: `What ${id} shows.`,
  credit: 'Photo: someone',
  sourceLine: { text: 'Source: Reuters [1]', label: 'Source', entries: [{ number: 1, name: 'Reuters' }] },
  footText: 'Photo: someone · Source: Reuters [1]',
  citations: [1],
});

function layout(block: Block, images: Record<string, DecodedImage>) {
  const doc = { ...sampleReportDoc(), blocks: [block] };
  const prepared = prepareBlocks(doc);
  const ctx = createLayoutContext({
    doc,
    blocks: prepared,
    assets: new Map(),
    images: new Map(Object.entries(images)),
    theme,
    fonts: createFontSet(theme),
    measure: mono,
    page,
  });
  const [flowable] = collect(ctx, prepared, documentNode('en'));
  const box = flowable!.boxes.find((b): b is ImageBox => b.kind === 'image')!;
  const lines = flowable!.boxes.filter((b): b is TextBox => b.kind === 'text');
  return { flowable: flowable!, box, lines };
}

describe('an image in the report', () => {
  it('fills the text width when large, aspect kept, centred, as a float', () => {
    const { flowable, box } = layout(image('wide'), { wide: picture('png', 3000, 1000) });
    expect(box.width).toBeCloseTo(page.contentWidth, 6);
    expect(box.height).toBeCloseTo(page.contentWidth / 3, 6);
    expect(box.x).toBeCloseTo(page.left, 6);
    expect(flowable.float).toBe(true);
  });

  it('stays within the figure height limit when tall', () => {
    const { box } = layout(image('tall'), { tall: picture('svg', 400, 1200) });
    expect(box.height).toBeCloseTo(page.contentHeight * 0.55, 6);
    expect(box.width).toBeCloseTo(box.height / 3, 6);
  });

  it('prints a small PNG at 96 pixels an inch, not larger', () => {
    const { box } = layout(image('small'), { small: picture('png', 200, 100) });
    expect(box.width).toBeCloseTo(150, 6);
    expect(box.height).toBeCloseTo(75, 6);
    expect(box.x).toBeCloseTo(page.left + (page.contentWidth - 150) / 2, 6);
  });

  it('tags the picture as a Figure with the alt text and the lines under it as its Caption', () => {
    const { box, lines } = layout(image('p'), { p: picture('png', 800, 600) });
    expect(box.node.role).toBe('Figure');
    expect(box.node.options).toMatchObject({ alt: 'What p shows.' });
    const text = lines.map((l) => l.line.items.map((i) => i.text).join(''));
    expect(text).toEqual(['Figure 3 — A picture', 'Photo: someone · Source: Reuters [1]']);
    expect(lines.every((l) => l.node?.role === 'Caption')).toBe(true);
    expect(lines[0]!.baseline).toBeGreaterThan(box.height);
  });
});
