import { describe, expect, it } from 'vitest';
import type { ReportDoc } from '../../../src/document/types.js';
import { perRowCandidates } from '../../../src/render/pdf/blocks/key-figures.js';
import { sourceInlines } from '../../../src/render/pdf/blocks/sources.js';
import { plainText } from '../../../src/document/plain-text.js';
import { fitColumnWidths } from '../../../src/document/table-columns.js';
import { formatPageOf } from '../../../src/render/pdf/furniture.js';
import { paginate } from '../../../src/render/pdf/paginate.js';
import { prepareBlocks } from '../../../src/render/pdf/prepare.js';
import { breakLines } from '../../../src/render/pdf/text/line-break.js';
import type { Measurer } from '../../../src/render/pdf/text/metrics.js';
import { isSafeHref } from '../../../src/document/links.js';
import { entryWords, withWording } from '../../../src/document/source-entries.js';
import { getLocale } from '../../../src/locale/locales.js';
import type { Run, TextStyle } from '../../../src/render/pdf/text/runs.js';
import type { Flowable } from '../../../src/render/pdf/page-model.js';
import { sampleReportDoc } from '../../fixtures/sample-report-doc.js';

const style: TextStyle = {
  role: 'body',
  face: 'regular',
  size: 10,
  color: '#000000',
  superscript: false,
  underline: false,
};
// Every character is 5pt wide: line breaks can be computed by hand.
const mono: Measurer = { width: (_style, text) => Array.from(text).length * 5 };
const text = (value: string, s: TextStyle = style): Run => ({ kind: 'text', text: value, style: s });
const lineTexts = (runs: Run[], width: number): string[] =>
  breakLines(runs, width, mono).map((line) => line.items.map((item) => item.text).join(''));

describe('breakLines', () => {
  it('breaks on spaces and drops the space at the break', () => {
    expect(lineTexts([text('aaa bbb ccc ddd')], 40)).toEqual(['aaa bbb', 'ccc ddd']);
  });

  it('keeps a figure and its citation number together', () => {
    const sup = { ...style, superscript: true };
    expect(lineTexts([text('aaa bbbb'), text('1', sup), text(' cc')], 40)).toEqual(['aaa', 'bbbb1 cc']);
  });

  it('breaks a word longer than the line, preferring a URL separator', () => {
    const lines = lineTexts([text('see https://example.org/very/long/path')], 100);
    // 20 characters a line: the break falls after the dot, not in the middle of "org".
    expect(lines.every((line) => line.length * 5 <= 100)).toBe(true);
    expect(lines.join('')).toBe('see https://example.org/very/long/path');
    expect(lines).toEqual(['see https://example.', 'org/very/long/path']);
  });

  it('splits anywhere when there is no separator', () => {
    expect(lineTexts([text('abcdefghijklmnopqrstuvwxyz')], 50)).toEqual([
      'abcdefghij',
      'klmnopqrst',
      'uvwxyz',
    ]);
  });

  it('honours hard breaks and positions items', () => {
    const bold = { ...style, face: 'bold' as const };
    const [first, second] = breakLines(
      [text('ab '), text('cd', bold), { kind: 'break' }, text('ef')],
      100,
      mono,
    );
    expect(first?.items.map((item) => [item.text, item.x])).toEqual([
      ['ab ', 0],
      ['cd', 15],
    ]);
    expect(second?.items[0]?.text).toBe('ef');
  });
});

describe('paginate', () => {
  const page = { top: 0, bottom: 100, contentHeight: 100 };
  /** A flowable whose only box is an anchor named `name` at its top. */
  const piece = (name: string, height: number, keepWithNext = false, spaceBefore = 0): Flowable => ({
    height,
    spaceBefore,
    keepWithNext,
    boxes: [{ kind: 'anchor', name, y: 0 }],
  });
  /** Where each piece landed, page by page: "name@y". */
  const placed = (flowables: Flowable[]): string[][] =>
    paginate(page, flowables).map((p) =>
      p.boxes.map((box) => (box.kind === 'anchor' ? `${box.name}@${box.y}` : '?')),
    );

  it('moves a flowable that does not fit to the next page', () => {
    expect(placed([piece('a', 60), piece('b', 50)])).toEqual([['a@0'], ['b@0']]);
  });

  it('moves a whole keep-with-next chain when it would straddle the break', () => {
    expect(placed([piece('a', 70), piece('b', 10, true), piece('c', 10, true), piece('d', 15)])).toEqual([
      ['a@0'],
      ['b@0', 'c@10', 'd@20'],
    ]);
  });

  it('drops spaceBefore at the top of a page', () => {
    expect(placed([piece('a', 90), piece('b', 10, false, 5), piece('c', 85, false, 5)])).toEqual([
      ['a@0'],
      ['b@0', 'c@15'],
    ]);
  });

  it('places the repeat (table header) before a flowable moved to a new page', () => {
    const header = piece('header', 10, true);
    const row = (name: string): Flowable => ({ ...piece(name, 40), repeat: header });
    expect(placed([row('a'), row('b'), row('c')])).toEqual([
      ['a@0', 'b@40'],
      ['header@0', 'c@10'],
    ]);
  });

  it('lets a figure that does not fit wait while the text after it fills the page', () => {
    const figure = { ...piece('figure', 60), float: true };
    expect(placed([piece('a', 50), figure, piece('b', 20), piece('c', 20), piece('d', 20)])).toEqual([
      ['a@0', 'b@50', 'c@70'],
      ['figure@0', 'd@60'],
    ]);
  });

  it('places a run of waiting figures over as many pages as they need, in order', () => {
    const figure = (name: string) => ({ ...piece(name, 45), float: true });
    const heading = { ...piece('h', 10, true), barrier: true };
    expect(
      placed([
        piece('a', 70),
        figure('f1'),
        figure('f2'),
        figure('f3'),
        figure('f4'),
        heading,
        piece('c', 5),
      ]),
    ).toEqual([['a@0'], ['f1@0', 'f2@45'], ['f3@0', 'f4@45'], ['h@0', 'c@10']]);
  });

  it('never lets a figure pass the next heading: its section ends after it', () => {
    const figure = { ...piece('figure', 60), float: true };
    const heading = { ...piece('h', 10, true), barrier: true };
    expect(placed([piece('a', 50), figure, piece('b', 20), heading, piece('c', 20)])).toEqual([
      ['a@0', 'b@50'],
      ['figure@0', 'h@60', 'c@70'],
    ]);
    // With no text of its section after it, the figure moves to the next page as before.
    expect(placed([piece('a', 50), figure, heading, piece('c', 20)])).toEqual([
      ['a@0'],
      ['figure@0', 'h@60', 'c@70'],
    ]);
  });

  it('lets a table whose start does not fit wait, then break over pages from the next one', () => {
    const header = piece('header', 10, true);
    const row = (name: string): Flowable => ({ ...piece(name, 30), repeat: header });
    // Caption, header, rows r1..r4: its start (caption, header, 3 rows) is 10 + 10 + 90.
    const table = (): Flowable[] => [
      { ...piece('caption', 10, true), float: true, floatKind: 'table', floatSpan: 6, floatStart: 90 },
      piece('head', 10, true),
      row('r1'),
      row('r2'),
      row('r3'),
      row('r4'),
    ];
    expect(placed([piece('a', 50), ...table(), piece('b', 20), piece('c', 20), piece('d', 20)])).toEqual([
      ['a@0', 'b@50', 'c@70'],
      ['caption@0', 'head@10', 'r1@20', 'r2@50'],
      ['header@0', 'r3@10', 'r4@40', 'd@70'],
    ]);
    // When its start fits, it starts where it is written.
    expect(placed([piece('a', 5), ...table(), piece('b', 20)])[0]!.slice(0, 3)).toEqual([
      'a@0',
      'caption@5',
      'head@15',
    ]);
  });

  it('never leaves a table caption alone under figures that opened the page (QA issue 15)', () => {
    const figure = { ...piece('f1', 85), float: true };
    const heading = { ...piece('h', 10, true), barrier: true };
    // The figure waits; the table cannot (a heading follows) and its caption, header and
    // first row do not fit: the new page opens with the figure, under which only the
    // caption would fit. Caption, header and row go together to the page after.
    const table: Flowable[] = [
      { ...piece('caption', 10, true), float: true, floatKind: 'table', floatSpan: 3, floatStart: 50 },
      piece('head', 10, true),
      piece('r1', 30),
    ];
    expect(placed([piece('a', 60), figure, ...table, heading])).toEqual([
      ['a@0'],
      ['f1@0'],
      ['caption@0', 'head@10', 'r1@20', 'h@50'],
    ]);
  });

  it('shrinks a figure that ends its section to the rest of the page, down to its minimum', () => {
    const heading = { ...piece('h', 10, true), barrier: true };
    const figure = (minHeight: number): Flowable => ({
      ...piece('figure', 60),
      float: true,
      shrink: { minHeight, at: (height) => ({ ...piece(`figure${height}`, height), float: true }) },
    });
    // 55 left, 42 the least it may take: shrunk to 55 on this page.
    expect(placed([piece('a', 45), figure(42), heading])).toEqual([['a@0', 'figure55@45'], ['h@0']]);
    // 55 left, 56 the least: it moves whole to the next page as before.
    expect(placed([piece('a', 45), figure(56), heading])).toEqual([['a@0'], ['figure@0', 'h@60']]);
    // Text of its section follows: it waits instead, as before.
    expect(placed([piece('a', 45), figure(42), piece('b', 20)])).toEqual([['a@0', 'b@45'], ['figure@0']]);
  });

  it('shrinks a waiting figure into the rest of the page the floats before it opened', () => {
    const heading = { ...piece('h', 10, true), barrier: true };
    const figure = (name: string, height: number, minHeight: number): Flowable => ({
      ...piece(name, height),
      float: true,
      shrink: { minHeight, at: (room) => ({ ...piece(`${name}${room}`, room), float: true }) },
    });
    // f1 and f2 both wait behind the text; on the next page f2 (60) does not fit under
    // f1 (50), but may take the 50 left at its reduced size instead of a page of its own.
    expect(placed([piece('a', 80), figure('f1', 50, 40), figure('f2', 60, 45), heading])).toEqual([
      ['a@0'],
      ['f1@0', 'f250@50'],
      ['h@0'],
    ]);
    // Not that small: it opens the page after, as before.
    expect(placed([piece('a', 80), figure('f1', 50, 40), figure('f2', 60, 55), heading])).toEqual([
      ['a@0'],
      ['f1@0'],
      ['f2@0', 'h@60'],
    ]);
  });

  it('keeps figures in order, while a table may pass a waiting figure', () => {
    const figure = (name: string) => ({ ...piece(name, 45), float: true });
    const heading = { ...piece('h', 10, true), barrier: true };
    // f2 fits and cannot wait (a heading follows), but f1 waits: f2 waits behind it.
    expect(placed([piece('a', 60), figure('f1'), piece('b', 10), figure('f2'), heading])).toEqual([
      ['a@0', 'b@60'],
      ['f1@0', 'f2@45', 'h@90'],
    ]);
    const table = { ...piece('t', 20), float: true, floatKind: 'table' as const };
    expect(placed([piece('a', 60), figure('f1'), table, piece('b', 10), heading])).toEqual([
      ['a@0', 't@60', 'b@80'],
      ['f1@0', 'h@45'],
    ]);
  });

  it('lets a bridging bar grow over the gap above, except at the top of a page', () => {
    const bar = (spaceBefore: number): Flowable => ({
      height: 40,
      spaceBefore,
      keepWithNext: false,
      boxes: [{ kind: 'rect', x: 0, y: 0, width: 2, height: 40, color: '#000000', bridgeAbove: spaceBefore }],
    });
    const rects = paginate(page, [bar(0), bar(6), bar(6)]).map((p) =>
      p.boxes.map((box) => (box.kind === 'rect' ? [box.y, box.height] : [])),
    );
    expect(rects).toEqual([
      [
        [0, 40],
        [40, 46],
      ],
      [[0, 40]],
    ]);
  });
});

describe('layout helpers', () => {
  it('fits table columns to content and fills the frame', () => {
    // Room to spare: shared equally.
    expect(fitColumnWidths([20, 40], [10, 20], 100)).toEqual([40, 60]);
    // A short column keeps its natural width; the long ones share the rest by natural width.
    expect(fitColumnWidths([50, 600, 400], [30, 60, 60], 450)).toEqual([50, 240, 160]);
    // A wide column is never squeezed below its longest word.
    expect(fitColumnWidths([300, 900], [200, 50], 400)).toEqual([200, 200]);
    // Not even the words fit: everything scales down to the frame.
    const squeezed = fitColumnWidths([300, 300], [300, 100], 200);
    expect(squeezed.reduce((a, b) => a + b)).toBeCloseTo(200);
  });

  it('lays key figures out 2–4 per row', () => {
    expect(perRowCandidates(2)).toEqual([2]);
    expect(perRowCandidates(3)).toEqual([3]);
    expect(perRowCandidates(4)).toEqual([4, 2]);
    expect(perRowCandidates(5)[0]).toBe(3);
    expect(perRowCandidates(7)[0]).toBe(4);
    expect(perRowCandidates(9)[0]).toBe(3);
  });

  it('links only http(s) and mailto', () => {
    expect(isSafeHref('https://example.org')).toBe(true);
    expect(isSafeHref('mailto:desk@example.org')).toBe(true);
    expect(isSafeHref('javascript:alert(1)')).toBe(false);
    expect(isSafeHref('file:///etc/passwd')).toBe(false);
    expect(isSafeHref('/relative')).toBe(false);
  });

  it('writes each source entry as sentences', () => {
    const entry = (source: Parameters<typeof withWording>[0]): string =>
      plainText(sourceInlines(withWording(source, entryWords(getLocale('en')))));
    expect(
      entry({ number: 6, id: 'tass', publisher: 'TASS', via: 'Reuters', note: 'as cited by Reuters' }),
    ).toBe('TASS (via Reuters). As cited by Reuters.');
    expect(
      entry({
        number: 1,
        id: 'r',
        publisher: 'Reuters',
        title: 'Talks end?',
        date: '26 February 2026',
        url: 'https://r.example/a',
      }),
    ).toBe('Reuters. Talks end? 26 February 2026. https://r.example/a');
  });

  it('fills in the page label', () => {
    expect(formatPageOf('Сторінка {page} з {pages}', 3, 12)).toBe('Сторінка 3 з 12');
  });

  it('makes heading anchors unique without changing the input', () => {
    const doc: ReportDoc = sampleReportDoc();
    const heading = doc.blocks[0]!;
    const input = { ...doc, blocks: [heading, heading, { ...heading, anchor: '' }] };
    const anchors = prepareBlocks(input).map((b) => (b.type === 'heading' ? b.anchor : ''));
    expect(anchors).toEqual(['summary', 'summary-2', 'section-1']);
    expect(input.blocks[1]).toBe(heading);
  });
});
