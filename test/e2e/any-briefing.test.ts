import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCliCaptured } from '../helpers/cli.js';
import { readPdf, type ReadPdf } from '../helpers/pdf.js';
import { readChart, readPptx, type ChartInfo, type PptxInfo } from '../helpers/pptx.js';
import { tempDir } from '../helpers/temp.js';

/**
 * A briefing that is not Geneva (test/fixtures/data/any-briefing.yaml, synthetic numbers):
 * units and scales, ranges, plural nouns, tables over pages and slides, charts from tables
 * and figure datasets, time axes with a missing month. Both outputs are read back.
 */
const out = tempDir('briefkit-any-');
let pdf: ReadPdf;
let deck: PptxInfo;
let lines: string[];
let charts: ChartInfo[];

beforeAll(async () => {
  const result = await runCliCaptured([
    'build',
    'test/fixtures/data/any-briefing.yaml',
    '--out',
    out,
    '--date',
    '2026-01-01',
  ]);
  expect(result.err).not.toContain('error');
  expect(result.code).toBe(0);
  pdf = await readPdf(readFileSync(path.join(out, 'any-briefing.pdf')));
  deck = await readPptx(readFileSync(path.join(out, 'any-briefing.pptx')));
  lines = pdf.pages.flatMap((p) => p.lines.map((l) => l.text));
  charts = await Promise.all(deck.slides.flatMap((s) => s.charts).map((part) => readChart(deck, part)));
}, 120_000);

const text = (): string => lines.join('\n');

describe('a briefing with tables, units and scales', () => {
  it('prints money per value in millions or billions, ranges, units and plural nouns', () => {
    const deckText = deck.slides.map((s) => s.text.join('\n')).join('\n');
    // Line breaks may fall inside a sentence: search the text joined.
    const flat = text().replace(/\s+/g, ' ');
    for (const fact of ['$4 million', 'about €225 million', '9.2 GW', '16 hours', '98.6%', '1 drone']) {
      expect(flat, fact).toContain(fact);
    }
    expect(flat).toContain('€1.2 billion');
    expect(flat).toContain('$10,000–20,000');
    expect(flat).not.toMatch(/\$0 billion|€0\.2 billion/);
    // {fig:drones|value}: the number only, no noun.
    expect(flat).toMatch(/ and 2\S* flew/);
    for (const fact of ['$4 million', '9.2 GW']) expect(deckText, fact).toContain(fact);
  });

  it('captions tables "Table N — title" and gives each its source line', () => {
    expect(lines).toContain('Table 1 — Monthly launches and interceptions (synthetic)');
    expect(lines).toContain('Table 2 — Quarterly cost (synthetic)');
    expect(lines.filter((l) => l.startsWith('Source: Synthetic test data')).length).toBeGreaterThanOrEqual(3);
  });

  it('prints cells from their column, an empty cell as nothing, in row order', () => {
    const may = lines.find((l) => l.startsWith('May 2025'));
    expect(may).toBe('May 2025 4,200 3,900');
    expect(lines).toContain('January 2025 1,200 1,100 91.7%');
    expect(lines).toContain('Q3 2025 $1.2 billion');
    const log = lines.filter((l) => /^\d+ (Jan|Feb|Mar) 2025/.test(l));
    expect(log).toHaveLength(80);
    expect(log[0]).toBe('1 Jan 2025 100 100 $2 million');
    // Row 5 has an empty cost: printed empty, never 0 or a dash.
    expect(log[4]).toBe('5 Jan 2025 248 196');
  });

  it('repeats the header of a table that runs over pages', () => {
    const pagesWithLog = pdf.pages.filter((p) => p.lines.some((l) => /^\d+ (Jan|Feb|Mar) 2025/.test(l.text)));
    expect(pagesWithLog.length).toBeGreaterThan(1);
    for (const page of pagesWithLog) {
      expect(page.lines.map((l) => l.text)).toContain('Night Drones Shot down or jammed Cost');
    }
  });

  it('splits a long table across slides with its header and "(cont.)"', () => {
    const logSlides = deck.slides.filter((s) => s.text.some((t) => /^\d+ (Jan|Feb|Mar) 2025/.test(t)));
    expect(logSlides.length).toBeGreaterThan(2);
    expect(logSlides.slice(1).every((s) => s.title.endsWith('(cont.)'))).toBe(true);
    for (const slide of logSlides) expect(slide.text).toContain('Shot down or jammed');
    const rows = logSlides.flatMap((s) => s.text.filter((t) => /^\d+ (Jan|Feb|Mar) 2025/.test(t)));
    expect(rows).toHaveLength(80);
    // The source line is never alone on a slide; it names the table's source and the one
    // its rows cite, and every slide of the table names both at its foot.
    const last = logSlides.at(-1)!;
    const line = 'Sources: Synthetic test data [1]; Second synthetic source [2]';
    expect(last.text.some((t) => t.startsWith(line))).toBe(true);
    for (const slide of logSlides) expect(slide.text.join(' ')).toContain(line);
  });

  it('draws one native series per dataset, with the values of the table and gaps for empty cells', async () => {
    const monthly = charts.find((c) => c.title === 'Launched and stopped per month (synthetic)')!;
    expect(monthly.type).toBe('lineChart');
    expect(monthly.series.map((s) => s.name)).toEqual(['Launched', 'Stopped']);
    // March is missing: a category with no value, so the line breaks.
    expect(monthly.series[0]!.categories).toEqual([
      'Jan 2025',
      'Feb 2025',
      'Mar 2025',
      'Apr 2025',
      'May 2025',
      'Jun 2025',
    ]);
    // The empty cell is left out of the value cache (a blank), never written as 0.
    expect(monthly.series[0]!.values).toEqual([1200, 1500, 2100, 4200, 5300]);
    const part = deck.slides.flatMap((s) => s.charts)[0]!;
    const xml = await deck.zip.file(part)!.async('string');
    expect(xml).toContain('<c:ptCount val="6"/>');
    const firstValues = /<c:val>[\s\S]*?<\/c:val>/.exec(xml)![0];
    expect(firstValues).toContain('<c:ptCount val="6"/>');
    expect(firstValues).not.toContain('<c:pt idx="2">');
    expect(xml).toContain('<c:dispBlanksAs val="gap"/>');
    const nights = charts.find((c) => c.title === 'Record nights (synthetic)')!;
    expect(nights.grouping).toBe('clustered');
    expect(nights.series.map((s) => s.values)).toEqual([
      [728, 810],
      [718, 747],
    ]);
    // One colour per dataset.
    expect(nights.series.map((s) => s.colors.length)).toEqual([1, 1]);
    expect(nights.series[0]!.colors[0]).not.toBe(nights.series[1]!.colors[0]);
  });

  it('writes mixed scales in native number formats per value', () => {
    const cost = charts.find((c) => c.title === 'Cost per quarter (synthetic)')!;
    expect(cost.series[0]!.values).toEqual([4e6, 225e6, 1.2e9]);
    expect(cost.dataLabelFormats[0]).toBe(
      '[>=999950000]"$"0.0,,," billion";[>=1000000]"$"0,," million";"$"#,##0',
    );
  });

  it('prints month ticks on the PDF axis as "Jun 2025"', () => {
    expect(lines.join(' ')).toMatch(/Jan 2025.*Jun 2025/);
  });
});
