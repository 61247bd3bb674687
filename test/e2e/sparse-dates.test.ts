import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { briefingSchema } from '../../src/briefing/schema.js';
import { createChartDrawer } from '../../src/charts/chart-drawer.js';
import type { StrokeOp } from '../../src/charts/drawing.js';
import { en, resolveLabelled, theme } from '../charts/fixture.js';
import { runCliCaptured } from '../helpers/cli.js';
import { readPdf, type PdfTextItem, type ReadPdf } from '../helpers/pdf.js';
import { attr, findAll, parseXml, readPptx, type PptxInfo, type XmlNode } from '../helpers/pptx.js';

/**
 * Sparse dates and short runs of months (QA issue 15: a line over a date column drew no
 * line in the PDF and dots only in the deck; twelve month labels touched). The fixture
 * test/fixtures/data/sparse-dates.yaml has a cap every six months then every quarter,
 * with one empty cell, and a year of months. Both outputs are read back.
 */
const fixture = 'test/fixtures/data/sparse-dates.yaml';
const out = mkdtempSync(path.join(tmpdir(), 'briefkit-sparse-dates-'));
const DAY = 86_400_000;
const serial = (iso: string): number => Date.parse(`${iso}T00:00:00Z`) / DAY + 25_569;
const capDates = [
  '2021-04-01',
  '2021-10-01',
  '2022-04-01',
  '2022-10-01',
  '2023-01-01',
  '2023-04-01',
  '2023-07-01',
];
let pdf: ReadPdf;
let deck: PptxInfo;

beforeAll(async () => {
  const result = await runCliCaptured(['build', fixture, '--out', out, '--date', '2025-03-01']);
  expect(result.code).toBe(0);
  pdf = await readPdf(readFileSync(path.join(out, 'sparse-dates.pdf')));
  deck = await readPptx(readFileSync(path.join(out, 'sparse-dates.pptx')));
}, 120_000);

afterAll(() => rmSync(out, { recursive: true, force: true }));

async function chartXml(title: string): Promise<XmlNode[]> {
  for (const slide of deck.slides) {
    for (const part of slide.charts) {
      const xml = await deck.zip.file(part)!.async('string');
      if (xml.includes(title)) return parseXml(xml);
    }
  }
  throw new Error(`no chart titled ${title}`);
}
const val = (node: XmlNode, tag: string): string | undefined => {
  const found = findAll([node], tag)[0];
  return found ? attr(found, 'val') : undefined;
};
const numbers = (nodes: XmlNode[]): number[] =>
  findAll(nodes, 'c:v').map((v) => Number(JSON.stringify(v).match(/"#text":"?([\d.]+)/)![1]));

/** Tick labels under a chart of the PDF: items on the lowest baseline matching `pattern`, left to right. */
function pdfTicks(title: string, pattern: RegExp): PdfTextItem[] {
  const page = pdf.pages.find((p) => p.lines.some((line) => line.text === title))!;
  const top = page.lines.find((line) => line.text === title)!.y;
  const items = page.items.filter((item) => pattern.test(item.text) && item.y > top && item.y < top + 320);
  const baseline = Math.max(...items.map((item) => item.y));
  return items.filter((item) => Math.abs(item.y - baseline) < 1).sort((a, b) => a.x - b.x);
}

describe('a line over sparse dates', () => {
  const title = 'Cap and floor on sparse dates (synthetic)';

  it('is one point per row at its date in the deck, on a date axis with month ticks', async () => {
    const tree = await chartXml(title);
    const axis = findAll(tree, 'c:dateAx')[0]!;
    const series = findAll(tree, 'c:ser');
    expect(numbers(findAll([series[0]!], 'c:cat'))).toEqual(capDates.map(serial));
    // The floor's empty cell is the only point left out: the line breaks there only.
    const floor = findAll(findAll([series[1]!], 'c:val'), 'c:pt').map((pt) => Number(attr(pt, 'idx')));
    expect(floor).toEqual([0, 1, 2, 4, 5, 6]);
    expect([val(axis, 'c:majorTimeUnit'), val(axis, 'c:majorUnit')]).toEqual(['months', '6']);
    expect(val(axis, 'c:min')).toBe(String(serial('2021-01-01')));
    expect(findAll([axis], 'c:numFmt').map((n) => attr(n, 'formatCode'))).toEqual(['[$-809]mmm yyyy']);
    // Dots on the points, as in the PDF (11 rows, not 1,000 day slots).
    expect(val(findAll([series[0]!], 'c:marker')[0]!, 'c:symbol')).toBe('circle');
    const descr = deck.slides.flatMap((s) => s.shapes.map((shape) => shape.descr ?? '')).join(' ');
    expect(descr).toContain('7 points');
  });

  it('prints the same month ticks in the PDF, spaced by time', () => {
    const ticks = pdfTicks(title, /^(Jan|Jul) \d{4}$/);
    expect(ticks.map((t) => t.text)).toEqual([
      'Jan 2021',
      'Jul 2021',
      'Jan 2022',
      'Jul 2022',
      'Jan 2023',
      'Jul 2023',
    ]);
    const centres = ticks.map((t) => t.x + t.width / 2);
    const gaps = centres.slice(1).map((x, i) => x - centres[i]!);
    // Six months are 181 or 184 days: evenly spaced within a few per cent.
    for (const gap of gaps) expect(Math.abs(gap - gaps[0]!) / gaps[0]!).toBeLessThan(0.03);
  });

  it('draws the line in the PDF through every point of a column without empty cells', async () => {
    const briefing = briefingSchema.parse(parse(readFileSync(fixture, 'utf8')));
    const chart = resolveLabelled(briefing, 'cap-line');
    const drawer = await createChartDrawer(theme, { locale: en });
    // Open paths of straight segments in a dataset's colour: its lines (legend swatches and dots are closed).
    const lines = (dataset: number): number[] =>
      drawer
        .draw(chart)
        .ops.filter(
          (op): op is StrokeOp =>
            op.op === 'stroke' &&
            op.color === chart.datasets[dataset]!.colors[0] &&
            !op.path.some((seg) => seg[0] === 'Z'),
        )
        .map((s) => s.path.filter((seg) => seg[0] === 'L').length);
    expect(lines(0)).toEqual([capDates.length - 1]);
    // The floor, with one empty cell, is two lines of three points each.
    expect(lines(1)).toEqual([2, 2]);
  });
});

describe('the value axis', () => {
  it('is the same in both outputs without yMin or yMax: range, step and tick strings', async () => {
    const title = 'Cap and floor on sparse dates (synthetic)';
    const axis = findAll(await chartXml(title), 'c:valAx')[0]!;
    const [min, max, step] = ['c:min', 'c:max', 'c:majorUnit'].map((tag) => Number(val(axis, tag)));
    expect([min, max, step]).toEqual([0, 5000, 1000]);
    expect(findAll([axis], 'c:numFmt').map((n) => attr(n, 'formatCode'))).toEqual(['"£"#,##0']);
    const expected = Array.from(
      { length: (max! - min!) / step! + 1 },
      (_, i) => `£${(i * step!).toLocaleString('en-GB')}`,
    );
    const page = pdf.pages.find((p) => p.lines.some((line) => line.text === title))!;
    const printed = page.items.filter((item) => /^£[\d,]+$/.test(item.text)).map((item) => item.text);
    expect(expected.every((tick) => printed.includes(tick))).toBe(true);
    // Percent ticks print as many digits as their step needs, in both: "2%", never "2.0%".
    const percent = findAll(await chartXml('A year of months (synthetic)'), 'c:valAx')[0]!;
    expect(findAll([percent], 'c:numFmt').map((n) => attr(n, 'formatCode'))).toEqual(['0"%"']);
  });
});

describe('a year of months', () => {
  const title = 'A year of months (synthetic)';

  it('labels every other month in the PDF, the labels apart, and the deck skips the same', async () => {
    const ticks = pdfTicks(title, /^[A-Z][a-z]{2,3} 2024$/);
    expect(ticks.map((t) => t.text)).toEqual([
      'Jan 2024',
      'Mar 2024',
      'May 2024',
      'Jul 2024',
      'Sept 2024',
      'Nov 2024',
    ]);
    for (let i = 1; i < ticks.length; i += 1) {
      expect(ticks[i]!.x).toBeGreaterThan(ticks[i - 1]!.x + ticks[i - 1]!.width + 4);
    }
    const axis = findAll(await chartXml(title), 'c:catAx')[0]!;
    expect(val(axis, 'c:tickLblSkip')).toBe('2');
  });
});

describe('an area with an empty cell', () => {
  it('is the PDF drawing in the deck (a native area draws the blank as zero), with its alt text', async () => {
    const shapes = deck.slides.flatMap((slide) => slide.shapes);
    const picture = shapes.find((shape) => shape.name === 'Chart floor-area');
    expect(picture?.descr).toContain('Floor');
    for (const slide of deck.slides) {
      for (const part of slide.charts) {
        expect(await deck.zip.file(part)!.async('string')).not.toContain('Floor as an area');
      }
    }
    // The lines and other charts stay native.
    expect(await chartXml('Cap and floor on sparse dates (synthetic)')).toBeDefined();
  });
});
