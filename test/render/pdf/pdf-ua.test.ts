import { rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, type BuildOptions } from '../../../src/index.js';
import { locales } from '../../../src/locale/locales.js';
import type { Labels } from '../../../src/locale/locales.js';
import { renderPdf } from '../../../src/render/pdf/index.js';
import { ASCENT, DESCENT } from '../../../src/render/pdf/text/metrics.js';
import { defaultTheme } from '../../../src/theme/default-theme.js';
import { openFont } from '../../../src/theme/font-cache.js';
import { sampleChartAssets, sampleReportDoc } from '../../fixtures/sample-report-doc.js';
import type * as PdfStructure from '../../helpers/pdf-structure.js';
import { createHouseProject } from '../../theme/house-project.js';

/*
 * The rules of PDF/UA-1 (ISO 14289-1) that a machine can check, read back from each
 * file with pdfjs-dist: the claim in the XMP, headings where the document has
 * headings, structure order equal to reading order on every page, links that say
 * where they go, and nothing drawn that is neither tagged nor an artifact.
 */
const house = createHouseProject();
afterAll(() => rmSync(house, { recursive: true, force: true }));

const REPORTS: ReadonlyArray<readonly [string, () => Promise<Buffer>, Labels]> = [
  [
    'the sample report (200-row table, nested lists, quote)',
    () => renderPdf(sampleReportDoc(), sampleChartAssets(), defaultTheme(), { pageSize: 'A4' }),
    locales.en.labels,
  ],
  ['Geneva', () => built('data/geneva-2026-02-26.yaml'), locales.en.labels],
  ['Geneva as PDF/A-2b', () => built('data/geneva-2026-02-26.yaml', { pdfa: true }), locales.en.labels],
  ['the Ukrainian fixture', () => built('test/fixtures/locale/geneva-uk.yaml'), locales.uk.labels],
  ['every chart type', () => built('test/fixtures/charts/synthetic-charts.yaml'), locales.en.labels],
  ['the house theme (logos)', () => built(path.join(house, 'data/briefing.yaml')), locales.en.labels],
  ['images (PNG, JPEG, SVG)', () => built('test/fixtures/images/images-briefing.yaml'), locales.en.labels],
  [
    'images as PDF/A-2b',
    () => built('test/fixtures/images/images-briefing.yaml', { pdfa: true }),
    locales.en.labels,
  ],
];

/*
 * Every file is built before pdfjs-dist is loaded: its Node build polyfills Path2D
 * (from @napi-rs/canvas), and chart.js then draws through Path2D, which briefkit's
 * chart recorder does not take, so a chart build after it in the same process fails.
 */
const files = new Map<string, Buffer>();
let readPdf: (bytes: Uint8Array) => Promise<{ xmp: Map<string, unknown>; info: Record<string, unknown> }>;
let structure: typeof PdfStructure;
beforeAll(async () => {
  for (const [name, make] of REPORTS) files.set(name, await make());
  readPdf = (await import('../../helpers/pdf.js')).readPdf;
  structure = await import('../../helpers/pdf-structure.js');
}, 240_000);

async function built(file: string, options: Partial<BuildOptions> = {}): Promise<Buffer> {
  return (await build(file, { formats: ['pdf'], date: '2026-02-27', ...options })).pdf!;
}

/** The smallest x-height among the default theme's faces, as a fraction of the size. */
async function smallestXHeight(): Promise<number> {
  const { fonts } = defaultTheme();
  const faces = await Promise.all(
    [fonts.body.regular, fonts.body.bold, fonts.body.italic, fonts.heading.bold].map(openFont),
  );
  return Math.min(...faces.map((font) => font.xHeight / font.unitsPerEm));
}

describe.each(REPORTS)('PDF/UA-1: %s', (name, _make, labels) => {
  it('meets the checkable rules', async () => {
    const { elements, readStructure, structureOrder } = structure;
    const bytes = files.get(name)!;
    const read = await readPdf(bytes);
    const pages = await readStructure(bytes);

    // The claim, beside PDF/A's when that is asked for.
    expect(read.xmp.get('pdfuaid:part')).toBe('1');
    if (name.includes('PDF/A')) expect(read.xmp.get('pdfaid:part')).toBe('2');

    for (const page of pages) {
      // Everything drawn is tagged content or an artifact.
      expect(page.untagged, `page ${page.number}`).toEqual([]);
      // Structure order is the order content is drawn in, which is reading order.
      expect(page.drawOrder.length, `page ${page.number}`).toBeGreaterThan(0);
      expect(structureOrder(page.tree), `page ${page.number}`).toEqual(page.drawOrder);
    }

    // The cover title is the first heading; levels never skip.
    const all = pages.flatMap((page) => elements(page.tree));
    const headings = all.filter((e) => /^H\d$/.test(e.role));
    expect(headings[0]).toMatchObject({ role: 'H1', text: read.info.Title });
    let deepest = 0;
    for (const heading of headings) {
      const level = Number(heading.role.slice(1));
      expect(level, heading.text).toBeLessThanOrEqual(deepest + 1);
      deepest = Math.max(deepest, level);
    }

    // "Contents" heads its section, ahead of the entries.
    const contents = elements(pages[1]!.tree).filter((e) => e.path.join('>') === 'Document>Sect');
    expect(contents.map((e) => e.role)).toEqual(['H1', 'TOC']);
    expect(contents[0]?.text).toBe(labels.contents);

    // A key-figures callout is titled by a heading.
    for (const callout of all.filter((e) => e.role === 'Div')) {
      const title = all.find((e) => e.path.at(-1) === 'Div' && e.path.length === callout.path.length + 1);
      expect(title?.role).toMatch(/^H\d$/);
    }

    // Every link says where it goes; a citation is at least as wide as its line's x-height.
    const links = pages.flatMap((page) => page.links);
    const xHeight = await smallestXHeight();
    expect(links.length).toBeGreaterThan(0);
    for (const link of links) {
      expect(link.contents, link.text).not.toMatch(/^\s*[\d.,\s]*$/);
      const source = /^source-(\d+)$/.exec(link.dest ?? '');
      if (source) {
        expect(link.contents).toMatch(new RegExp(`^${labels.source} ${source[1]}: \\S`));
        const size = (link.rect[3] - link.rect[1]) / (ASCENT + DESCENT);
        expect(link.rect[2] - link.rect[0], link.contents).toBeGreaterThanOrEqual(size * xHeight - 0.001);
      } else if (link.dest && /^\d/.test(link.text)) {
        expect(link.contents).toMatch(new RegExp(`^${labels.section} [\\d.]+: \\S`));
      }
      if (link.url && link.text.trim() !== link.url) expect(link.contents).toContain(link.url);
    }
  }, 60_000);
});
