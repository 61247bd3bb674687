import { beforeAll, describe, expect, it } from 'vitest';
import type { Block, HeadingBlock, Inline, ReportDoc } from '../../../src/document/types.js';
import { renderPdf } from '../../../src/render/pdf/index.js';
import { defaultTheme } from '../../../src/theme/default-theme.js';
import { sampleChartAssets, sampleReportDoc } from '../../fixtures/sample-report-doc.js';
import { readPdf } from '../../helpers/pdf.js';
import type { PdfLine, PdfPage, ReadPdf } from '../../helpers/pdf.js';

const theme = defaultTheme();
const { top, bottom } = theme.page.margin;

function headingTitle(heading: HeadingBlock): string {
  const text = heading.children.map((node) => (node.type === 'text' ? node.text : '')).join('');
  return heading.number ? `${heading.number} ${text}` : text;
}

/** Lines inside the text area: everything but the running header and footer. */
function bodyLines(page: PdfPage): PdfLine[] {
  return page.lines.filter((line) => line.y > top && line.y < page.height - bottom + 4);
}

function citedNumbers(blocks: readonly Block[]): Set<number> {
  const found = new Set<number>();
  const inline = (nodes: readonly Inline[]): void =>
    nodes.forEach((node) => {
      if (node.type === 'citation') found.add(node.number);
      if (node.type === 'figure') found.add(node.citation);
      if ('children' in node) inline(node.children);
    });
  const block = (b: Block): void => {
    if (b.type === 'paragraph' || b.type === 'heading') inline(b.children);
    if (b.type === 'list') b.items.flat().forEach(block);
    if (b.type === 'quote') {
      b.children.forEach(block);
      inline(b.attribution ?? []);
    }
    if (b.type === 'key-figures') b.items.forEach((item) => found.add(item.citation));
    if (b.type === 'table') [...b.header, ...b.rows.flat()].forEach(inline);
  };
  blocks.forEach(block);
  return found;
}

describe('renderPdf on the sample report', () => {
  let doc: ReportDoc;
  let bytes: Buffer;
  let pdf: ReadPdf;
  let headings: HeadingBlock[];

  beforeAll(async () => {
    doc = sampleReportDoc();
    bytes = await renderPdf(doc, sampleChartAssets(), theme, { pageSize: 'A4' });
    pdf = await readPdf(bytes);
    headings = doc.blocks.filter((b): b is HeadingBlock => b.type === 'heading');
  });

  /** The first body page on which a heading's line appears (after the contents). */
  function pageOfHeading(title: string): number | undefined {
    return pdf.pages.slice(2).find((page) => bodyLines(page).some((line) => line.text === title))?.number;
  }

  it('starts with a cover carrying the meta, without page furniture', () => {
    const cover = pdf.pages[0]!.lines.map((line) => line.text).join('\n');
    expect(cover).toContain('U.S.–Ukraine talks in Geneva');
    expect(cover).toContain('26 February 2026');
    expect(cover).toContain('Geneva');
    expect(cover).toContain('Background briefing · open-source reporting');
    expect(cover).toContain('BRIEFKIT EXAMPLE BRIEFING');
    expect(cover).not.toMatch(/Page \d+ of/);
    expect(cover).not.toContain(doc.meta.shortTitle);
  });

  it('lists every heading in the contents with the page it is on, linked to it', () => {
    const contents = pdf.pages[1]!;
    expect(contents.lines[1]?.text).toBe('Contents');
    for (const heading of headings) {
      const title = headingTitle(heading);
      const entry = contents.lines.find((line) => line.text.startsWith(`${title} `));
      expect(entry, title).toBeDefined();
      const tocPage = Number(entry!.text.slice(title.length + 1));
      expect(tocPage, title).toBe(pageOfHeading(title));
    }
    const targets = contents.links.map((link) => [link.dest, link.targetPage]);
    expect(targets).toEqual(headings.map((h) => [h.anchor, pageOfHeading(headingTitle(h))]));
  });

  it('mirrors the headings in the outline, nested by level and pointing at their pages', () => {
    expect(pdf.outline.map((item) => [item.title, item.level])).toEqual(
      headings.map((h) => [headingTitle(h), h.level]),
    );
    for (const item of pdf.outline) expect(item.page, item.title).toBe(pageOfHeading(item.title));
  });

  it('repeats the table header at the top of every page the 200-row table spans', () => {
    const rowLine = /^(\d+) \d{4}-\d{2}-\d{2} /;
    const tablePages = pdf.pages.filter((page) => page.lines.some((line) => rowLine.test(line.text)));
    expect(tablePages.length).toBeGreaterThanOrEqual(4);
    for (const page of tablePages.slice(1)) {
      expect(bodyLines(page)[0]?.text, `page ${page.number}`).toBe('Day Date Region Drones Missiles');
    }
    const rows = pdf.pages.flatMap((page) =>
      bodyLines(page).flatMap((line) => {
        const match = rowLine.exec(line.text);
        return match ? [Number(match[1])] : [];
      }),
    );
    expect(rows).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));
  });

  it('never leaves a heading as the last line of a page, and keeps two lines under it', () => {
    const titles = new Set(headings.map(headingTitle));
    for (const page of pdf.pages.slice(2)) {
      const lines = bodyLines(page);
      lines.forEach((line, index) => {
        if (titles.has(line.text))
          expect(lines.length - index - 1, `${line.text} on ${page.number}`).toBeGreaterThanOrEqual(2);
      });
      expect(titles.has(lines.at(-1)?.text ?? ''), `page ${page.number}`).toBe(false);
    }
  });

  it('numbers every page but the cover "Page X of Y"', () => {
    const total = pdf.pages.length;
    for (const page of pdf.pages.slice(1)) {
      const footer = page.lines.filter((line) => line.y > page.height - bottom);
      expect(footer.map((line) => line.text).join(' | '), `page ${page.number}`).toBe(
        `26 February 2026 Page ${page.number} of ${total}`,
      );
      expect(page.lines.find((line) => line.y < top)?.text).toBe(doc.meta.shortTitle);
    }
  });

  it('lists every cited source in Sources, and citations link to it', () => {
    const sourcesPage = pdf.pages.find((page) =>
      page.lines.some((line) => line.text === 'Sources' && line.fontSize > 12),
    )!;
    const text = sourcesPage.lines.map((line) => line.text);
    for (const number of citedNumbers(doc.blocks)) {
      const source = doc.sources.find((s) => s.number === number)!;
      expect(
        text.some((line) => line.startsWith(`${number}. ${source.publisher}`)),
        `source ${number}`,
      ).toBe(true);
    }
    const citationLinks = pdf.pages.flatMap((page) =>
      page.links.filter((link) => link.dest?.startsWith('source-')),
    );
    expect(citationLinks.length).toBeGreaterThan(10);
    for (const link of citationLinks) expect(link.targetPage).toBe(sourcesPage.number);
  });

  it('makes only http(s) and mailto links clickable', () => {
    const urls = pdf.pages.flatMap((page) => page.links.flatMap((link) => (link.url ? [link.url] : [])));
    expect(urls).toContain('https://www.reuters.com/world/middle-east/');
    expect(urls).toContain('https://kyiv.gov.ua/news/nichna-ataka');
    expect(urls.every((url) => /^(https?:|mailto:)/.test(url))).toBe(true);
    const all = pdf.pages.flatMap((page) => page.lines.map((line) => line.text)).join('\n');
    expect(all).toContain('An unsafe script link stays plain text.');
  });

  it('wraps a word longer than the line inside the text area', () => {
    for (const page of pdf.pages) {
      for (const item of page.items)
        expect(item.x + item.width, item.text).toBeLessThanOrEqual(
          page.width - theme.page.margin.right + 0.5,
        );
    }
    const all = pdf.pages.flatMap((page) => page.lines.map((line) => line.text)).join('');
    expect(all).toContain('Supercalifragilisticexpialidocious-and-then');
  });

  it('keeps Cyrillic text as text', () => {
    const all = pdf.pages.flatMap((page) => page.lines.map((line) => line.text)).join('\n');
    expect(all).toContain('Air-defence crews in Київ reported');
    expect(all).toContain('Київська міська військова адміністрація');
  });

  it('draws charts as vectors with numbered captions and source lines', () => {
    expect(pdf.pages.every((page) => page.imageCount === 0)).toBe(true);
    const all = pdf.pages.flatMap((page) => page.lines.map((line) => line.text));
    expect(all).toContain('Figure 1 — Drones and missiles launched overnight, 25–26 February 2026');
    expect(all).toContain('Figure 2 — Reconstruction estimates compared');
    expect(all).toContain('Sources: Reuters [1]; World Bank [4]');
  });

  it('writes the metadata from the IR, dated by buildDate, and is tagged', () => {
    expect(pdf.info).toMatchObject({
      Title: doc.meta.title,
      Author: 'briefkit',
      Subject: doc.meta.subtitle,
      Keywords: 'Ukraine, United States, Geneva, reconstruction',
      CreationDate: 'D:20260227080000Z',
      ModDate: 'D:20260227080000Z',
      Language: 'en',
    });
    expect(pdf.xmp.get('dc:title')).toBe(doc.meta.title);
    expect(pdf.xmp.get('xmp:modifydate')).toBe('2026-02-27T08:00:00Z');
    expect(pdf.marked).toBe(true);
  });

  it('is byte-for-byte reproducible, and the build date is what changes it', async () => {
    const again = await renderPdf(sampleReportDoc(), sampleChartAssets(), theme, { pageSize: 'A4' });
    expect(again.equals(bytes)).toBe(true);
    const later = sampleReportDoc();
    const moved = { ...later, meta: { ...later.meta, buildDate: new Date('2026-03-01T00:00:00Z') } };
    expect((await renderPdf(moved, sampleChartAssets(), theme, { pageSize: 'A4' })).equals(bytes)).toBe(
      false,
    );
  });
});

describe('renderPdf options and edge cases', () => {
  it('uses Letter paper when asked', async () => {
    const pdf = await readPdf(
      await renderPdf(sampleReportDoc(), sampleChartAssets(), theme, { pageSize: 'Letter' }),
    );
    expect(pdf.pages.every((page) => page.width === 612 && page.height === 792)).toBe(true);
    const last = pdf.pages.at(-1)!;
    expect(last.lines.at(-1)?.text).toContain(`Page ${pdf.pages.length} of ${pdf.pages.length}`);
  });

  it('writes PDF/A-2b identification and an output intent when pdfa is set', async () => {
    const bytes = await renderPdf(sampleReportDoc(), sampleChartAssets(), theme, {
      pageSize: 'A4',
      pdfa: true,
    });
    const pdf = await readPdf(bytes);
    expect(pdf.xmp.get('pdfaid:part')).toBe('2');
    expect(pdf.xmp.get('pdfaid:conformance')).toBe('B');
    expect(bytes.includes('/OutputIntents')).toBe(true);
  });

  it('escapes XML in the XMP metadata', async () => {
    const doc = sampleReportDoc();
    const title = 'Q&A <draft> on "grain" exports';
    const bytes = await renderPdf({ ...doc, meta: { ...doc.meta, title } }, sampleChartAssets(), theme, {
      pageSize: 'A4',
    });
    const pdf = await readPdf(bytes);
    expect(pdf.info.Title).toBe(title);
    expect(pdf.xmp.get('dc:title')).toBe(title);
  });

  it('titles a sources block that has no heading, and reports a missing chart asset', async () => {
    const doc = sampleReportDoc();
    const blocks = doc.blocks.filter((b) => !(b.type === 'heading' && b.anchor === 'sources'));
    const pdf = await readPdf(
      await renderPdf({ ...doc, blocks }, sampleChartAssets(), theme, { pageSize: 'A4' }),
    );
    expect(pdf.outline.at(-1)?.title).toBe('Sources');
    await expect(renderPdf(doc, new Map(), theme, { pageSize: 'A4' })).rejects.toThrow(/overnight-strikes/);
  });

  it('spreads a long contents over several pages and still numbers it right', async () => {
    const doc = sampleReportDoc();
    const blocks: Block[] = Array.from({ length: 70 }, (_, i): Block[] => [
      {
        type: 'heading',
        level: i % 3 === 0 ? 1 : 2,
        number: `${i + 1}`,
        children: [{ type: 'text', text: `Section ${i + 1}` }],
        anchor: `s${i + 1}`,
      },
      { type: 'paragraph', children: [{ type: 'text', text: 'Body text. '.repeat(30 + (i % 5) * 20) }] },
    ]).flat();
    const pdf = await readPdf(await renderPdf({ ...doc, blocks }, new Map(), theme, { pageSize: 'A4' }));
    const tocPages = pdf.pages.filter(
      (page) => page.links.some((link) => link.dest?.startsWith('s')) && page.number > 1,
    );
    expect(tocPages.length).toBeGreaterThanOrEqual(2);
    const entries = tocPages.flatMap((page) => page.links).filter((link) => link.dest?.startsWith('s'));
    expect(entries).toHaveLength(70);
    for (const entry of entries) {
      const title = `${entry.dest!.slice(1)} Section ${entry.dest!.slice(1)}`;
      const page = pdf.pages.find(
        (p) => p.number > tocPages.length + 1 && p.lines.some((line) => line.text === title),
      );
      expect(entry.targetPage, title).toBe(page?.number);
      const line = tocPages.flatMap((p) => p.lines).find((l) => l.text.startsWith(`${title} `));
      expect(line?.text, title).toBe(`${title} ${page?.number}`);
    }
  });

  it('renders a document without headings or sources', async () => {
    const doc = sampleReportDoc();
    const blocks: Block[] = [{ type: 'paragraph', children: [{ type: 'text', text: 'Only a paragraph.' }] }];
    const pdf = await readPdf(await renderPdf({ ...doc, blocks }, new Map(), theme, { pageSize: 'A4' }));
    expect(pdf.pages).toHaveLength(2);
    expect(pdf.outline).toEqual([]);
    expect(pdf.pages[1]!.lines.map((line) => line.text)).toContain('Only a paragraph.');
  });
});
