import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Block, Inline } from '../../../src/document/types.js';
import { collect, createLayoutContext } from '../../../src/render/pdf/collect.js';
import { createFontSet } from '../../../src/render/pdf/fonts.js';
import { getPageGeometry } from '../../../src/render/pdf/geometry.js';
import { layoutReport } from '../../../src/render/pdf/layout-report.js';
import type { Box, Flowable, PageModel, ReportModel, TextBox } from '../../../src/render/pdf/page-model.js';
import { paginate } from '../../../src/render/pdf/paginate.js';
import { prepareBlocks } from '../../../src/render/pdf/prepare.js';
import { documentNode, type StructNode } from '../../../src/render/pdf/structure.js';
import type { Measurer } from '../../../src/render/pdf/text/metrics.js';
import type { LayoutContext } from '../../../src/render/pdf/types.js';
import { defaultTheme } from '../../../src/theme/default-theme.js';
import { sampleChartAssets, sampleReportDoc } from '../../fixtures/sample-report-doc.js';

/*
 * Layout as data: block layouters return positioned boxes, so positions are asserted
 * here with a fixed measurer (every character 5 pt wide) and no PDF at all.
 */
const mono: Measurer = { width: (_style, text) => Array.from(text).length * 5 };
const theme = defaultTheme();
const page = getPageGeometry('A4', theme); // text area x 64–531.28, y 72–769.89
const BODY = { lineHeight: 10.5 * 1.2 + 2.5, baseline: 2.5 / 2 + 10.5 * 0.95 };

function layout(blocks: Block[]): { ctx: LayoutContext; root: StructNode; flowables: Flowable[] } {
  const doc = { ...sampleReportDoc(), blocks };
  const prepared = prepareBlocks(doc);
  const ctx = createLayoutContext({
    doc,
    blocks: prepared,
    assets: new Map(),
    theme,
    fonts: createFontSet(theme),
    measure: mono,
    page,
  });
  const root = documentNode('en');
  return { ctx, root, flowables: collect(ctx, prepared, root) };
}

const t = (text: string): Inline => ({ type: 'text', text });
const paragraph = (text: string): Block => ({ type: 'paragraph', children: [t(text)] });
const textOf = (box: TextBox): string => box.line.items.map((item) => item.text).join('');
/** Every box, groups and artifacts opened, in paint order. */
const flat = (boxes: readonly Box[]): Box[] =>
  boxes.flatMap((box) =>
    box.kind === 'group' || box.kind === 'artifact' ? [box, ...flat(box.boxes)] : [box],
  );
const texts = (boxes: readonly Box[]): TextBox[] =>
  flat(boxes).filter((box): box is TextBox => box.kind === 'text');
const rolePath = (node: StructNode | undefined): string =>
  node ? [rolePath(node.parent), node.role].filter(Boolean).join('>') : '';

describe('block layout as boxes (5-pt measurer)', () => {
  it('sets a paragraph in lines of the text width, one flowable per line, as one P', () => {
    // 93 characters fit in 467.28 pt: 18 words of 4 and their spaces (89), not 19 (94).
    const { flowables } = layout([paragraph(Array.from({ length: 40 }, () => 'word').join(' '))]);
    expect(flowables.map((f) => f.height)).toEqual([BODY.lineHeight, BODY.lineHeight, BODY.lineHeight]);
    const lines = flowables.flatMap((f) => texts(f.boxes));
    expect(lines.map((line) => [textOf(line).length, line.x, line.baseline])).toEqual([
      [89, 64, BODY.baseline],
      [89, 64, BODY.baseline],
      [4 * 4 + 3, 64, BODY.baseline],
    ]);
    expect(new Set(lines.map((line) => line.node)).size).toBe(1);
    expect(rolePath(lines[0]!.node)).toBe('Document>P');
    // Widows and orphans: the first line keeps with the second, the penultimate with the last.
    expect(flowables.map((f) => f.keepWithNext)).toEqual([true, true, false]);
  });

  it('hangs a heading number, anchors the heading and rules level 1', () => {
    const heading: Block = {
      type: 'heading',
      level: 1,
      number: '2',
      children: [t('Context')],
      anchor: 'context',
    };
    const { flowables } = layout([heading]);
    const [only] = flowables;
    const lineHeight = 18 * 1.2 + 2.5 * 0.6 * (18 / 10.5);
    const baseline = (2.5 * 0.6 * (18 / 10.5)) / 2 + 18 * 0.95;
    expect(only?.keepWithNext).toBe(true);
    expect(only?.boxes[0]).toEqual({
      kind: 'anchor',
      name: 'context',
      y: -10,
      outline: { title: '2 Context', level: 1 },
    });
    const [number, title] = texts(only!.boxes);
    expect([textOf(number!), number!.x, number!.baseline]).toEqual(['2 ', 64, baseline]);
    // The title starts after the number's width (5 pt) and 0.6 em.
    expect([textOf(title!), title!.x]).toEqual(['Context', 64 + 5 + 18 * 0.6]);
    expect(rolePath(title!.node)).toBe('Document>H1');
    const rule = flat(only!.boxes).find((box) => box.kind === 'rule');
    expect(rule).toMatchObject({ x: 64, y: lineHeight + 12 * 0.35, width: page.contentWidth });
    expect(only!.boxes.at(-1)?.kind).toBe('artifact');
  });

  it('right-aligns ordered list numbers and hangs the items', () => {
    const items = Array.from({ length: 10 }, (_, i): Block[] => [paragraph(`item ${i + 1}`)]);
    const { flowables } = layout([{ type: 'list', ordered: true, start: 1, items }]);
    const [first, , , , , , , , , tenth] = flowables.map((f) => texts(f.boxes));
    // "10." is 15 pt wide, "1." 10 pt: numbers end at the same x; bodies start 0.7 em after.
    expect(first!.map((box) => [textOf(box), box.x])).toEqual([
      ['1.', 64 + 5],
      ['item 1', 64 + 15 + 10.5 * 0.7],
    ]);
    expect(tenth!.map((box) => [textOf(box), box.x])).toEqual([
      ['10.', 64],
      ['item 10', 64 + 15 + 10.5 * 0.7],
    ]);
    expect(first!.map((box) => rolePath(box.node))).toEqual(['Document>L>LI>Lbl', 'Document>L>LI>LBody>P']);
  });

  it('lays a table out as rows of TR > TD groups, with the header repeated as an artifact', () => {
    const cell = (text: string): Inline[] => [t(text)];
    const table: Block = {
      type: 'table',
      header: [cell('Place'), cell('Count')],
      align: ['left', 'right'],
      rows: [
        [cell('Kyiv'), cell('12')],
        [cell('Lviv'), []],
      ],
    };
    const { flowables } = layout([table]);
    const [header, row1, row2] = flowables;
    // Natural widths (text + 2 × 5 pt padding) 35 and 35; the spare room is shared equally.
    const column = page.contentWidth / 2;
    expect(texts(row1!.boxes).map((box) => [textOf(box), box.x])).toEqual([
      ['Kyiv', 64 + 5],
      ['12', 64 + column + column - 5 - 10],
    ]);
    const groups = (f: Flowable): string[] =>
      flat(f.boxes)
        .filter((box) => box.kind === 'group')
        .map((box) => rolePath(box.node));
    expect(groups(header!)).toEqual(['Document>Table>TR', 'Document>Table>TR>TH', 'Document>Table>TR>TH']);
    // An empty cell is still a TD, so columns line up for assistive technology.
    expect(groups(row2!)).toEqual(['Document>Table>TR', 'Document>Table>TR>TD', 'Document>Table>TR>TD']);
    expect(row1!.repeat?.boxes.map((box) => box.kind)).toEqual(['artifact']);
    expect(texts(row1!.repeat!.boxes).every((box) => box.node === undefined)).toBe(true);
  });

  it('breaks a long paragraph over pages without leaving one line alone', () => {
    const words = Array.from({ length: 18 * 48 }, () => 'word').join(' ');
    const { flowables } = layout([paragraph(words)]);
    const pages = paginate(page, flowables);
    // 48 lines; 46 fit on a page (697.89 / 15.1), and the last page gets two, not one.
    expect(pages.map((p) => texts(p.boxes).length)).toEqual([46, 2]);
    const lastOnFirst = texts(pages[0]!.boxes).at(-1)!;
    expect(lastOnFirst.baseline).toBeCloseTo(72 + 45 * BODY.lineHeight + BODY.baseline, 6);
    expect(texts(pages[1]!.boxes)[0]!.baseline).toBeCloseTo(72 + BODY.baseline, 6);
  });

  it('keeps a quote bar continuous between its paragraphs but not above a page top', () => {
    const quote: Block = { type: 'quote', children: [paragraph('first'), paragraph('second')] };
    const { flowables } = layout([paragraph('before'), quote]);
    const pages = paginate(page, flowables);
    const bars = flat(pages[0]!.boxes).filter((box) => box.kind === 'rect');
    const gap = 7;
    const top = 72 + BODY.lineHeight + gap * 1.8;
    const expected = [
      [top, BODY.lineHeight],
      [top + BODY.lineHeight, BODY.lineHeight + gap],
    ];
    expect(bars).toHaveLength(2);
    bars.forEach((bar, index) => {
      expect(bar.kind === 'rect' && bar.y).toBeCloseTo(expected[index]![0]!, 6);
      expect(bar.kind === 'rect' && bar.height).toBeCloseTo(expected[index]![1]!, 6);
    });
  });

  it('declares structure in reading order', () => {
    const { ctx } = layout([
      { type: 'heading', level: 1, number: '1', children: [t('One')], anchor: 'one' },
      paragraph('text'),
      { type: 'list', ordered: false, start: 1, items: [[paragraph('a')]] },
    ]);
    expect(ctx.struct.declared.map(rolePath)).toEqual([
      'Document>H1',
      'Document>P',
      'Document>L',
      'Document>L>LI',
      'Document>L>LI>Lbl',
      'Document>L>LI>LBody',
      'Document>L>LI>LBody>P',
    ]);
  });

  it('keeps src/render/pdf/blocks free of pdfkit', () => {
    const dir = path.resolve(import.meta.dirname, '../../../src/render/pdf/blocks');
    for (const file of readdirSync(dir)) {
      const source = readFileSync(path.join(dir, file), 'utf8');
      expect(source, file).not.toMatch(/pdfkit|\bctx\.pdf\b|\bpdf\s*\./);
    }
  });
});

describe('the whole report as a page model (5-pt measurer)', () => {
  const model = (): ReportModel =>
    layoutReport(sampleReportDoc(), sampleChartAssets(), theme, { pageSize: 'A4' }, mono);
  /** The text boxes' strings of a page, in paint order. */
  const pageTexts = (page: PageModel): string[] => texts(page.boxes).map(textOf);

  it('is the same data when run twice', () => {
    expect(JSON.stringify(model())).toBe(JSON.stringify(model()));
  });

  it('prints in the contents the page each heading landed on', () => {
    const { body, contents } = model();
    const firstBodyPage = 2 + contents.pages.length;
    const landed = new Map<string, number>();
    body.pages.forEach((page, index) =>
      flat(page.boxes).forEach((box) => {
        if (box.kind === 'anchor' && box.outline) landed.set(box.name, firstBodyPage + index);
      }),
    );
    const entries = contents.pages.flatMap((page) => flat(page.boxes)).filter((box) => box.kind === 'group');
    const links = contents.pages
      .flatMap((page) => flat(page.boxes))
      .filter((box) => box.kind === 'link-area');
    expect(links.length).toBe(landed.size);
    for (const link of links) {
      if (link.kind !== 'link-area' || link.target.kind !== 'destination')
        throw new Error('not a contents link');
      const entry = entries.find((box) => box.kind === 'group' && flat(box.boxes).includes(link));
      // The page number is the entry's last text box, right-aligned on the text area's edge.
      const number = texts(entry && entry.kind === 'group' ? entry.boxes : []).at(-1)!;
      expect(textOf(number)).toBe(String(landed.get(link.target.name)));
      expect(number.x + number.line.width).toBeCloseTo(page.right, 6);
    }
  });

  it('numbers every page but the cover in its footer', () => {
    const { furniture, body, contents } = model();
    const count = 1 + contents.pages.length + body.pages.length;
    expect(furniture).toHaveLength(count - 1);
    furniture.forEach((page, index) => {
      expect(pageTexts(page).at(-1)).toBe(`Page ${index + 2} of ${count}`);
      expect(page.boxes.every((box) => box.kind === 'artifact' && box.type === 'Pagination')).toBe(true);
    });
  });
});
