import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { runCliCaptured } from '../helpers/cli.js';
import { readPdf, type PdfTextItem, type ReadPdf } from '../helpers/pdf.js';
import { attr, findAll, parseXml, readPptx, type PptxInfo, type XmlNode } from '../helpers/pptx.js';
import { tempDir } from '../helpers/temp.js';

/**
 * Time axes longer than the span that is filled period by period
 * (test/fixtures/data/long-time-axes.yaml: ten years of weekly counts with a year
 * missing, and costs on irregular dates over 24 years): both outputs place points by
 * real time, the PDF on a linear axis, the deck on a date axis, with the same year ticks.
 */
const out = tempDir('briefkit-long-axes-');
let pdf: ReadPdf;
let deck: PptxInfo;
const DAY = 86_400_000;
const serial = (iso: string): number => Date.parse(`${iso}T00:00:00Z`) / DAY + 25_569;
const fixture = 'test/fixtures/data/long-time-axes.yaml';
const rowDates = (table: string): string[] => {
  const text = readFileSync(fixture, 'utf8');
  const part = text.slice(
    text.indexOf(`id: ${table}`),
    text.indexOf('  - id:', text.indexOf(`id: ${table}`) + 5),
  );
  return [...part.matchAll(/(?:week|date): (\d{4}-\d{2}-\d{2})/g)].map((m) => m[1]!);
};

beforeAll(async () => {
  const result = await runCliCaptured(['build', fixture, '--out', out, '--date', '2026-01-01']);
  expect(result.err).not.toContain('error');
  expect(result.code).toBe(0);
  pdf = await readPdf(readFileSync(path.join(out, 'long-time-axes.pdf')));
  deck = await readPptx(readFileSync(path.join(out, 'long-time-axes.pptx')));
}, 120_000);

/** The year ticks under a chart of the PDF: items that are a year, on one baseline, left to right. */
function pdfTicks(title: string): PdfTextItem[] {
  const page = pdf.pages.find((p) => p.lines.some((line) => line.text === title))!;
  const top = page.lines.find((line) => line.text === title)!.y;
  const years = page.items.filter((item) => /^\d{4}$/.test(item.text) && item.y > top && item.y < top + 320);
  const baseline = Math.max(...years.map((item) => item.y));
  return years.filter((item) => Math.abs(item.y - baseline) < 1).sort((a, b) => a.x - b.x);
}

let chartPart = '';
async function dateAxis(title: string): Promise<{ axis: XmlNode; categories: number[] }> {
  for (const slide of deck.slides) {
    for (const part of slide.charts) {
      const xml = await deck.zip.file(part)!.async('string');
      if (!xml.includes(title)) continue;
      chartPart = part;
      const tree = parseXml(xml);
      const axis = findAll(tree, 'c:dateAx')[0]!;
      const cat = findAll(findAll(tree, 'c:ser'), 'c:cat')[0]!;
      const categories = findAll([cat], 'c:v').map((v) =>
        Number(JSON.stringify(v).match(/"#text":"?([\d.]+)/)![1]),
      );
      return { axis, categories };
    }
  }
  throw new Error(`no chart titled ${title}`);
}
const val = (axis: XmlNode, tag: string): string | undefined => {
  const node = findAll([axis], tag)[0];
  return node ? attr(node, 'val') : undefined;
};
/** The labels a date axis shows: the year of its minimum, then every majorUnit years up to its maximum. */
function deckTicks(axis: XmlNode): string[] {
  const min = new Date((Number(val(axis, 'c:min')) - 25_569) * DAY).getUTCFullYear();
  const max = new Date((Number(val(axis, 'c:max')) - 25_569) * DAY).getUTCFullYear();
  const step = Number(val(axis, 'c:majorUnit'));
  const ticks: string[] = [];
  for (let year = min; year <= max; year += step) ticks.push(String(year));
  return ticks;
}

describe('a time axis over years', () => {
  it('places weekly points by date in the deck, on a date axis with year ticks', async () => {
    const { axis, categories } = await dateAxis('Weekly count (synthetic)');
    const dates = rowDates('weekly');
    expect(dates.length).toBeGreaterThan(400);
    // One point per row at its serial date; the missing year 2017 is one empty point (the
    // day after the last week of 2016), so the line breaks there instead of bridging it.
    const gap = serial('2016-12-27');
    expect(categories).toEqual([...dates.map(serial), gap].sort((a, b) => a - b));
    const values = findAll(
      findAll(parseXml(await deck.zip.file(chartPart)!.async('string')), 'c:val'),
      'c:pt',
    );
    expect(values).toHaveLength(dates.length);
    expect(values.map((pt) => Number(attr(pt, 'idx')))).not.toContain(categories.indexOf(gap));
    expect(val(axis, 'c:baseTimeUnit')).toBe('days');
    expect(val(axis, 'c:majorTimeUnit')).toBe('years');
    expect(val(axis, 'c:min')).toBe(String(serial('2015-01-01')));
    expect(findAll([axis], 'c:numFmt').map((n) => attr(n, 'formatCode'))).toEqual(['yyyy']);
  });

  it('prints the same year ticks in both outputs, evenly spaced in the PDF', async () => {
    for (const title of ['Weekly count (synthetic)', 'Cost on irregular dates (synthetic)']) {
      const ticks = pdfTicks(title);
      const { axis } = await dateAxis(title);
      expect(ticks.map((tick) => tick.text)).toEqual(deckTicks(axis));
      expect(ticks.length).toBeGreaterThanOrEqual(4);
      const centres = ticks.map((tick) => tick.x + tick.width / 2);
      const gaps = centres.slice(1).map((x, i) => x - centres[i]!);
      for (const gap of gaps) expect(gap).toBeCloseTo(gaps[0]!, 0);
    }
    expect(pdfTicks('Weekly count (synthetic)').map((t) => t.text)).toEqual([
      '2015',
      '2017',
      '2019',
      '2021',
      '2023',
    ]);
    expect(pdfTicks('Cost on irregular dates (synthetic)').map((t) => t.text)).toEqual([
      '2000',
      '2005',
      '2010',
      '2015',
      '2020',
    ]);
  });

  it('gives columns on dates in different months a month each on the deck axis', async () => {
    const { axis, categories } = await dateAxis('Cost on irregular dates (synthetic)');
    expect(categories).toEqual(rowDates('irregular').map(serial));
    expect(val(axis, 'c:baseTimeUnit')).toBe('months');
  });
});

describe('a long daily table', () => {
  it('builds 10,000 days (27 years) in bounded time, one point per day at its date', async () => {
    const start = Date.UTC(1999, 0, 1);
    const rows = Array.from({ length: 10_000 }, (_, i) => ({
      day: new Date(start + i * DAY).toISOString().slice(0, 10),
      count: 100 + (i % 365),
    }));
    const briefing = {
      title: 'Ten thousand days (test)',
      date: '2026-01-01',
      locale: 'en',
      summary: 'A long daily series.',
      sections: [{ id: 's', title: 'Days', summary: 'Every day.', charts: ['days'] }],
      tables: [
        {
          id: 'daily',
          title: 'Daily (synthetic)',
          source: 'syn',
          columns: [
            { id: 'day', label: 'Day', type: 'date' },
            { id: 'count', label: 'Count', unit: 'count' },
          ],
          rows,
        },
      ],
      charts: [
        { id: 'days', type: 'area', title: 'Every day (synthetic)', table: 'daily', x: 'day', y: ['count'] },
      ],
      sources: [{ id: 'syn', publisher: 'Synthetic test data' }],
    };
    const file = path.join(out, 'days.yaml');
    writeFileSync(file, stringify(briefing));
    const started = performance.now();
    const result = await runCliCaptured(['build', file, '--out', out, '--date', '2026-01-01']);
    expect(result.code).toBe(0);
    expect(performance.now() - started).toBeLessThan(60_000);
    const days = await readPptx(readFileSync(path.join(out, 'days.pptx')));
    const part = days.slides.flatMap((slide) => slide.charts)[0]!;
    const xml = await days.zip.file(part)!.async('string');
    expect(xml).toContain('<c:dateAx>');
    expect(xml).toContain('<c:ptCount val="10000"/>');
  }, 120_000);
});
