import { beforeAll, describe, expect, it } from 'vitest';
import type { HeadingBlock } from '../../../src/document/types.js';
import { renderPdf } from '../../../src/render/pdf/index.js';
import { ASCENT, DESCENT } from '../../../src/render/pdf/text/metrics.js';
import { defaultTheme } from '../../../src/theme/default-theme.js';
import { openFont } from '../../../src/theme/font-cache.js';
import { sampleChartAssets, sampleReportDoc } from '../../fixtures/sample-report-doc.js';
import { readPdf } from '../../helpers/pdf.js';
import { elements, readStructure, structureOrder, type StructPage } from '../../helpers/pdf-structure.js';

/*
 * The rules of PDF/UA-1 (ISO 14289-1) that a machine can check, read back from the
 * file with pdfjs-dist: the claim in the XMP, headings where the document has
 * headings, structure order equal to reading order, links that say where they go,
 * and nothing drawn that is neither tagged nor an artifact.
 */
const theme = defaultTheme();
const doc = sampleReportDoc();
let pages: StructPage[];
let bytes: Buffer;

beforeAll(async () => {
  bytes = await renderPdf(doc, sampleChartAssets(), theme, { pageSize: 'A4' });
  pages = await readStructure(bytes);
});

describe('PDF/UA-1', () => {
  it('claims PDF/UA-1 in the XMP, and PDF/A-2b beside it when asked', async () => {
    expect((await readPdf(bytes)).xmp.get('pdfuaid:part')).toBe('1');
    const archived = await readPdf(
      await renderPdf(doc, sampleChartAssets(), theme, { pageSize: 'A4', pdfa: true }),
    );
    expect(archived.xmp.get('pdfuaid:part')).toBe('1');
    expect(archived.xmp.get('pdfaid:part')).toBe('2');
  });

  it('tags or marks as an artifact everything drawn on every page', () => {
    for (const page of pages) expect(page.untagged, `page ${page.number}`).toEqual([]);
  });

  it('has a structure order equal to the drawing (reading) order on every page', () => {
    for (const page of pages) {
      expect(page.drawOrder.length, `page ${page.number}`).toBeGreaterThan(0);
      expect(structureOrder(page.tree), `page ${page.number}`).toEqual(page.drawOrder);
    }
  });

  it('makes the cover title the first heading and never skips a heading level', () => {
    const headings = pages.flatMap((page) => elements(page.tree)).filter((e) => /^H\d$/.test(e.role));
    expect(headings[0]).toMatchObject({ role: 'H1', text: doc.meta.title });
    let deepest = 0;
    for (const heading of headings) {
      const level = Number(heading.role.slice(1));
      expect(level, heading.text).toBeLessThanOrEqual(deepest + 1);
      deepest = Math.max(deepest, level);
    }
  });

  it('tags "Contents" as an H1 before the entries, and "Key figures" a level below its section', () => {
    const contents = elements(pages[1]!.tree);
    const sect = pages[1]!.tree[0];
    expect(
      sect?.kind === 'element' && sect.children.map((c) => (c.kind === 'element' ? c.role : c.kind)),
    ).toEqual(['Sect']);
    const inSect = contents.filter((e) => e.path.join('>') === 'Document>Sect');
    expect(inSect.map((e) => e.role)).toEqual(['H1', 'TOC']);
    expect(inSect[0]?.text).toBe(doc.meta.labels.contents);
    // The sample's key figures follow the H1 "1 Summary".
    const callout = pages.flatMap((page) => elements(page.tree)).find((e) => e.path.at(-1) === 'Div');
    expect(callout).toMatchObject({ role: 'H2', text: doc.meta.labels.keyFigures.toUpperCase() });
  });

  it('says where every link goes, never a bare number', () => {
    const links = pages.flatMap((page) => page.links);
    const headings = new Map(
      doc.blocks.filter((b): b is HeadingBlock => b.type === 'heading').map((h) => [h.anchor, h] as const),
    );
    expect(links.length).toBeGreaterThan(20);
    for (const link of links) {
      expect(link.contents, link.text).not.toMatch(/^\s*\d*\s*$/);
      const source = /^source-(\d+)$/.exec(link.dest ?? '');
      if (source) {
        const cited = doc.sources.find((s) => s.number === Number(source[1]))!;
        expect(link.contents).toMatch(new RegExp(`^Source ${cited.number}: `));
        expect(link.contents).toContain(cited.publisher);
      }
      const heading = link.dest ? headings.get(link.dest) : undefined;
      if (heading?.number) expect(link.contents).toMatch(new RegExp(`^Section ${heading.number}: \\S`));
      if (link.url && link.text !== link.url) expect(link.contents).toContain(link.url);
    }
  });

  it('makes every link at least as wide as the x-height of its text', async () => {
    const faces = await Promise.all(
      [theme.fonts.body.regular, theme.fonts.body.bold, theme.fonts.heading.bold].map(openFont),
    );
    const xHeight = Math.min(...faces.map((font) => font.xHeight / font.unitsPerEm));
    const citations = pages.flatMap((page) => page.links).filter((link) => link.dest?.startsWith('source-'));
    expect(citations.length).toBeGreaterThan(5);
    for (const { rect, contents } of citations) {
      const size = (rect[3] - rect[1]) / (ASCENT + DESCENT);
      expect(rect[2] - rect[0], contents).toBeGreaterThanOrEqual(size * xHeight - 0.001);
    }
  });
});
