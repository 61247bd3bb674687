import { describe, expect, it } from 'vitest';
import type { Block, Inline, TableBlock } from '../../../src/document/types.js';
import { collect, createLayoutContext } from '../../../src/render/pdf/collect.js';
import { createFontSet } from '../../../src/render/pdf/fonts.js';
import { getPageGeometry } from '../../../src/render/pdf/geometry.js';
import type { Box, PageModel, TextBox } from '../../../src/render/pdf/page-model.js';
import { paginate } from '../../../src/render/pdf/paginate.js';
import { prepareBlocks } from '../../../src/render/pdf/prepare.js';
import { documentNode } from '../../../src/render/pdf/structure.js';
import type { Measurer } from '../../../src/render/pdf/text/metrics.js';
import { defaultTheme } from '../../../src/theme/default-theme.js';
import { sampleReportDoc } from '../../fixtures/sample-report-doc.js';

/*
 * Tables in the page flow, with the fixed 5-pt measurer: a data table whose start does
 * not fit waits while the text after it fills the page, and a row taller than a page is
 * split between lines, never clipped.
 */
const mono: Measurer = { width: (_style, text) => Array.from(text).length * 5 };
const theme = defaultTheme();
const page = getPageGeometry('A4', theme);

function pages(blocks: Block[]): PageModel[] {
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
  return paginate(page, collect(ctx, prepared, documentNode('en')));
}

const t = (text: string): Inline => ({ type: 'text', text });
const paragraph = (text: string): Block => ({ type: 'paragraph', children: [t(text)] });
const heading = (text: string): Block => ({
  type: 'heading',
  level: 1,
  number: '',
  children: [t(text)],
  anchor: text,
});
/** Text boxes in paint order, groups and artifacts opened, with whether they are artifacts. */
function lines(boxes: readonly Box[], artifact = false): { text: string; box: TextBox; artifact: boolean }[] {
  return boxes.flatMap((box) => {
    if (box.kind === 'group') return lines(box.boxes, artifact);
    if (box.kind === 'artifact') return lines(box.boxes, true);
    if (box.kind !== 'text') return [];
    return [{ text: box.line.items.map((item) => item.text).join(''), box, artifact }];
  });
}
const pageText = (p: PageModel): string[] => lines(p.boxes).map((line) => line.text);

function dataTable(rows: string[][], id = 'log'): TableBlock {
  const cell = (text: string): Inline[] => (text === '' ? [] : [t(text)]);
  return {
    type: 'table',
    header: [cell('Night'), cell('Account')],
    align: ['left', 'left'],
    rows: rows.map((row) => row.map(cell)),
    data: {
      tableId: id,
      number: 1,
      label: 'Table 1',
      captionText: 'Table 1 — Nightly accounts',
      sourceLine: { text: 'Source: Test [1]', label: 'Source', entries: [{ number: 1, name: 'Test' }] },
    },
  };
}
const filler = (label: string, count: number): Block[] =>
  Array.from({ length: count }, (_, i) => paragraph(`${label} ${i + 1} of the section's text.`));

describe('a data table in the page flow', () => {
  const rows = Array.from({ length: 6 }, (_, i) => [`Night ${i + 1}`, `Calm night number ${i + 1}`]);

  it('starts where it is written when its caption, header and first rows fit', () => {
    const result = pages([heading('One'), ...filler('Before', 3), dataTable(rows), ...filler('After', 3)]);
    expect(result).toHaveLength(1);
    const text = pageText(result[0]!);
    expect(text.indexOf('Table 1 — Nightly accounts')).toBeLessThan(
      text.indexOf("After 1 of the section's text."),
    );
  });

  it('waits while the text after it fills the page, and opens the next page with its caption', () => {
    // 30 one-line paragraphs fill an A4 text area; 27 leave less room than the table's start
    // (caption, header, 3 rows: 25 would let it start), more than a paragraph needs.
    const before = filler('Before', 27);
    const result = pages([
      heading('One'),
      ...before,
      dataTable(rows),
      ...filler('After', 12),
      heading('Two'),
    ]);
    const first = pageText(result[0]!);
    const second = pageText(result[1]!);
    expect(first).not.toContain('Table 1 — Nightly accounts');
    // The text after the table fills the first page…
    expect(first).toContain("After 1 of the section's text.");
    // …and the table, caption to source line, opens the second, before the rest of that text.
    expect(second[0]).toBe('Table 1 — Nightly accounts');
    expect(second.slice(1, 3)).toEqual(['Night', 'Account']);
    const source = second.indexOf('Source: Test [1]');
    expect(source).toBeGreaterThan(second.indexOf('Night 6'));
    const rest = second.slice(source + 1).filter((line) => line.startsWith('After'));
    expect(first.filter((line) => line.startsWith('After')).length + rest.length).toBe(12);
    // It never leaves its section: the next heading comes after it.
    expect(second.indexOf('Two')).toBeGreaterThan(source);
  });

  it('does not wait when a heading follows it: there is no text of its section to fill the page', () => {
    const result = pages([heading('One'), ...filler('Before', 40), dataTable(rows), heading('Two')]);
    const all = result.map(pageText);
    const page = all.findIndex((text) => text.includes('Table 1 — Nightly accounts'));
    expect(all[page]!.indexOf('Two')).toBeGreaterThan(all[page]!.indexOf('Source: Test [1]'));
  });
});

describe('a table row taller than a page', () => {
  const words = Array.from({ length: 2000 }, (_, i) => `w${String(i + 1).padStart(4, '0')}`);
  const result = pages([
    heading('One'),
    paragraph('Before the table.'),
    dataTable([
      ['Night 1', 'A short account.'],
      ['Night 2', words.join(' ')],
      ['Night 3', 'Another short account.'],
    ]),
    paragraph('After the table.'),
  ]);

  it('is split between lines over pages: every word once, in order, none below the text area', () => {
    const printed = result
      .flatMap((p) => lines(p.boxes))
      .filter((line) => !line.artifact)
      .flatMap((line) => line.text.split(/\s+/))
      .filter((word) => /^w\d{4}$/.test(word));
    expect(printed).toEqual(words);
    for (const p of result) {
      for (const line of lines(p.boxes)) {
        expect(line.box.baseline).toBeLessThanOrEqual(page.bottom);
        expect(line.box.baseline).toBeGreaterThan(page.top);
      }
    }
    expect(result.length).toBeGreaterThan(3);
  });

  it('repeats the header on every page the row continues on, as an artifact', () => {
    const withWords = result.filter((p) => lines(p.boxes).some((line) => /w\d{4}/.test(line.text)));
    expect(withWords.length).toBeGreaterThan(2);
    for (const p of withWords.slice(1)) {
      const [first, second] = lines(p.boxes);
      expect([first?.text, second?.text, first?.artifact]).toEqual(['Night', 'Account', true]);
    }
    // Its first cell is printed once, on the row's first page.
    expect(result.flatMap(pageText).filter((line) => line === 'Night 2')).toHaveLength(1);
  });

  it('fills the page it starts on instead of leaving it blank', () => {
    const first = pageText(result[0]!);
    expect(first).toContain('Night 2');
    expect(first.filter((line) => /w\d{4}/.test(line)).length).toBeGreaterThan(30);
  });
});
