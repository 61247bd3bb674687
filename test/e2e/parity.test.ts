import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { build } from '../../src/build/build.js';
import type { Briefing } from '../../src/briefing/types.js';
import { figureStrings } from '../../src/charts/figure-text.js';
import { resolveChart } from '../../src/charts/resolve-chart.js';
import type { ResolvedChart } from '../../src/charts/types.js';
import { labelsEveryPoint } from '../../src/document/chart-labels.js';
import { doughnutLegend } from '../../src/document/doughnut-labels.js';
import { entryText } from '../../src/document/source-entries.js';
import { plainText } from '../../src/document/plain-text.js';
import { shortenSourceLine } from '../../src/document/source-lines.js';
import type {
  Block,
  ChartBlock,
  DeckDoc,
  Inline,
  KeyFigure,
  ReportDoc,
  SourceLine,
  TableBlock,
} from '../../src/document/types.js';
import { getLocale } from '../../src/locale/locales.js';
import { defaultTheme } from '../../src/theme/default-theme.js';
import { generatedBriefing } from '../fixtures/parity/generate-briefing.js';
import { attr, findAll, parseXml, readChart, readPptx, type PptxInfo } from '../helpers/pptx.js';
import { tempDir } from '../helpers/temp.js';

/**
 * The promise that the report and the deck never disagree, checked from the IR rather
 * than from literal strings: every string the IR says both outputs print (figures,
 * key figures, captions, source lines, Sources entries, data labels) is found in the
 * PDF's text and in the deck's text (slides, and chart labels with their number formats
 * applied), and every source number either output cites is listed by both.
 */

const out = tempDir('briefkit-parity-');
const generated = path.join(out, 'generated.yaml');

const CASES = {
  geneva: 'data/geneva-2026-02-26.yaml',
  ukrainian: 'test/fixtures/locale/geneva-uk.yaml',
  'all chart types': 'test/fixtures/charts/synthetic-charts.yaml',
  'chart-only sources': 'test/fixtures/parity/chart-only-sources.yaml',
  'long time axes': 'test/fixtures/data/long-time-axes.yaml',
  'held-out energy (en)': 'test/fixtures/parity/held-out-energy.yaml',
  'held-out energy (uk)': 'test/fixtures/parity/held-out-uk.yaml',
  generated,
} as const;

interface Built {
  briefing: Briefing;
  report: ReportDoc;
  deck: DeckDoc;
  charts: Map<string, ResolvedChart>;
  pdfText: string;
  pptx: PptxInfo;
  deckText: string;
  /** Per chart id: the text each labelled point of its native chart shows. */
  deckLabels: Map<string, string[]>;
  /** Per chart id: the categories of its native chart's first series. */
  deckCategories: Map<string, string[]>;
  /** Per chart id: the text of the slide that shows it. */
  chartSlides: Map<string, string>;
}

const built = new Map<string, Built>();
const pdfs = new Map<string, Buffer>();

/** Compared without any whitespace: line breaks fall anywhere, also inside URLs. */
const squash = (text: string): string => text.replace(/\s+/g, '');

beforeAll(async () => {
  writeFileSync(generated, stringify(generatedBriefing()));
  // Every build before any PDF is read back: pdfjs installs globals that chart.js would pick up.
  const results = new Map<string, Awaited<ReturnType<typeof build>>>();
  for (const [name, file] of Object.entries(CASES)) {
    results.set(name, await build(file, { date: '2026-03-01', config: false }));
  }
  const { readPdf } = await import('../helpers/pdf.js');
  for (const [name, result] of results) {
    const { report, deck, briefing } = result.result;
    const locale = getLocale(briefing.locale);
    const charts = new Map(
      briefing.charts.map((spec) => [spec.id, resolveChart(spec, briefing, defaultTheme(), locale)]),
    );
    const pdf = await readPdf(result.pdf!);
    pdfs.set(name, result.pdf!);
    const pptx = await readPptx(result.pptx!);
    const deckLabels = new Map<string, string[]>();
    const chartSlides = new Map<string, string>();
    const deckCategories = new Map<string, string[]>();
    for (const slide of pptx.slides) {
      const names = slide.shapes.filter((s) => s.kind === 'chart').map((s) => s.name.replace(/^Chart /, ''));
      for (const [i, part] of slide.charts.entries()) {
        const id = names[i]!;
        chartSlides.set(id, slide.text.join('\n'));
        deckLabels.set(id, pointLabels(await pptx.zip.file(part)!.async('string')));
        deckCategories.set(id, (await readChart(pptx, part)).series[0]?.categories ?? []);
      }
    }
    built.set(name, {
      briefing,
      report,
      deck,
      charts,
      // In reading order, and column by column (cells side by side, such as key figures).
      pdfText: squash(
        pdf.pages
          .map((p) => {
            const byColumn = [...p.items].sort((a, b) => Math.round(a.x) - Math.round(b.x) || a.y - b.y);
            return `${p.lines.map((l) => l.text).join(' ')} ${byColumn.map((i) => i.text).join(' ')}`;
          })
          .join(' '),
      ),
      pptx,
      deckText: squash(pptx.slides.map((s) => s.text.join(' ')).join(' ')),
      deckLabels,
      deckCategories,
      chartSlides,
    });
  }
}, 300_000);

/** The labels a chart part shows: each c:dLbl not deleted, its number format applied to its value. */
function pointLabels(xml: string): string[] {
  const tree = parseXml(xml);
  return findAll(tree, 'c:dLbl').flatMap((dLbl) => {
    if (findAll([dLbl], 'c:delete').some((d) => attr(d, 'val') === '1')) return [];
    const format = attr(findAll([dLbl], 'c:numFmt')[0]!, 'formatCode') ?? '';
    return [applyLiteralFormat(format)];
  });
}

/** A number format made only of quoted literals (and escaped quotes) prints those. */
function applyLiteralFormat(format: string): string {
  const literal = /^(?:"[^"]*"|\\")+$/;
  if (!literal.test(format)) throw new Error(`not a literal number format: ${format}`);
  return [...format.matchAll(/"([^"]*)"|\\(")/g)].map((m) => m[1] ?? m[2]).join('');
}

function* inlinesOf(blocks: readonly Block[]): Generator<Inline> {
  const walk = function* (inlines: readonly Inline[]): Generator<Inline> {
    for (const inline of inlines) {
      yield inline;
      if (inline.type === 'strong' || inline.type === 'emphasis' || inline.type === 'link') {
        yield* walk(inline.children);
      }
    }
  };
  for (const block of blocks) {
    if (block.type === 'paragraph' || block.type === 'heading') yield* walk(block.children);
    else if (block.type === 'list') for (const item of block.items) yield* inlinesOf(item);
    else if (block.type === 'quote') {
      yield* inlinesOf(block.children);
      if (block.attribution) yield* walk(block.attribution);
    } else if (block.type === 'table')
      for (const cell of [...block.header, ...block.rows.flat()]) yield* walk(cell);
  }
}

const reportBlocks = (b: Built): Block[] => b.report.blocks;
const deckBlocks = (b: Built): Block[] =>
  b.deck.slides.flatMap((s) => [...s.blocks, { type: 'paragraph', children: s.title } as Block]);
const chartsIn = (blocks: readonly Block[]): ChartBlock[] =>
  blocks.filter((b): b is ChartBlock => b.type === 'chart');
const keyFiguresIn = (blocks: readonly Block[]): KeyFigure[] =>
  blocks.flatMap((b) => (b.type === 'key-figures' ? b.items : []));

/** Numbers cited in blocks: marks, figures, key figures and charts. */
function citedNumbers(blocks: readonly Block[]): Set<number> {
  const numbers = new Set<number>();
  for (const inline of inlinesOf(blocks)) {
    if (inline.type === 'citation') numbers.add(inline.number);
    if (inline.type === 'figure') inline.marks.forEach((n) => numbers.add(n));
  }
  keyFiguresIn(blocks).forEach((k) => numbers.add(k.citation));
  chartsIn(blocks).forEach((c) => c.citations.forEach((n) => numbers.add(n)));
  return numbers;
}

/** A source line as printed, or shortened to fit with its numbers kept. */
function showsSourceLine(text: string, line: SourceLine): boolean {
  const longest = Math.max(1, ...line.entries.map((e) => [...e.name].length));
  for (let max = longest; max >= 1; max--)
    if (text.includes(squash(shortenSourceLine(line, max)))) return true;
  return false;
}

describe.each(Object.keys(CASES))('the report and the deck agree: %s', (name) => {
  const get = (): Built => built.get(name)!;

  it('prints every figure of the text as the IR carries it, in both outputs', () => {
    const b = get();
    for (const [blocks, text, where] of [
      [reportBlocks(b), b.pdfText, 'PDF'],
      [deckBlocks(b), b.deckText, 'deck'],
    ] as const) {
      for (const inline of inlinesOf(blocks)) {
        if (inline.type === 'figure') expect(text, `${where}: ${inline.text}`).toContain(squash(inline.text));
      }
    }
  });

  it('shows on a slide every figure the report prints: the deck drops nothing the report argues', () => {
    const b = get();
    const figureIds = (blocks: readonly Block[]): Set<string> =>
      new Set([
        ...[...inlinesOf(blocks)].flatMap((i) => (i.type === 'figure' ? [i.figureId] : [])),
        ...keyFiguresIn(blocks).map((k) => k.figureId),
      ]);
    const onSlides = figureIds(deckBlocks(b));
    const missing = [...figureIds(reportBlocks(b))].filter((id) => !onSlides.has(id));
    expect(missing, 'figures printed in the report but on no slide').toEqual([]);
  });

  it('prints key figures with their source lines, numbers kept where shortened', () => {
    const b = get();
    for (const [blocks, text, where] of [
      [reportBlocks(b), b.pdfText, 'PDF'],
      [deckBlocks(b), b.deckText, 'deck'],
    ] as const) {
      for (const k of keyFiguresIn(blocks)) {
        expect(text, `${where}: ${k.value}`).toContain(squash(k.value));
        expect(text, `${where}: ${k.label}`).toContain(squash(k.label));
        expect(showsSourceLine(text, k.sourceLine), `${where}: ${k.sourceLine.text}`).toBe(true);
      }
    }
  });

  it('prints each chart caption and source line, and the deck shows them on the chart slide', () => {
    const b = get();
    for (const chart of chartsIn(reportBlocks(b))) {
      expect(b.pdfText).toContain(squash(chart.captionText));
      expect(b.pdfText).toContain(squash(chart.sourceLine.text));
    }
    for (const chart of chartsIn(deckBlocks(b))) {
      const slide = squash(b.chartSlides.get(chart.chartId) ?? '');
      expect(slide, chart.captionText).toContain(squash(chart.captionText));
      for (const n of chart.citations) expect(slide, `${chart.chartId} cites [${n}]`).toContain(`[${n}]`);
      expect(chart.citations.length).toBeGreaterThan(0);
    }
  });

  it('prints the same data labels in the PDF and on the native deck chart, as the IR decides them', () => {
    const b = get();
    const reportLabels = new Map(chartsIn(reportBlocks(b)).map((c) => [c.chartId, c.dataLabels]));
    for (const chart of chartsIn(deckBlocks(b))) {
      // One policy: a chart placed in both documents carries the same labels in both.
      const inReport = reportLabels.get(chart.chartId);
      if (inReport) expect(chart.dataLabels, chart.chartId).toEqual(inReport);
      expect(b.deckLabels.get(chart.chartId), chart.chartId).toEqual(
        // The deck lists labels series by series, point by point.
        [...chart.dataLabels].sort((x, y) => x.dataset - y.dataset || x.index - y.index).map((l) => l.text),
      );
    }
    for (const chart of chartsIn(reportBlocks(b))) {
      for (const { text } of chart.dataLabels)
        expect(b.pdfText, `${chart.chartId}: ${text}`).toContain(squash(text));
    }
  });

  it('reads every doughnut slice value in both legends; ends each line at its last mark', () => {
    const b = get();
    for (const chart of chartsIn([...reportBlocks(b), ...deckBlocks(b)])) {
      const resolved = b.charts.get(chart.chartId)!;
      if (resolved.type === 'doughnut') {
        // A label too wide for the ring is left off it: the legend gives it, in both outputs.
        const legend = doughnutLegend(resolved.categories, resolved.datasets[0]!.valueLabels);
        if (b.deckCategories.has(chart.chartId)) expect(b.deckCategories.get(chart.chartId)).toEqual(legend);
        for (const entry of legend) expect(b.pdfText, `${chart.chartId}: ${entry}`).toContain(squash(entry));
      }
      if ((resolved.type === 'line' || resolved.type === 'area') && !labelsEveryPoint(chart.dataLabels)) {
        // Each series with a value is labelled at its own last value, also one that stops early.
        resolved.datasets.forEach((d, dataset) => {
          const last = d.values.findLastIndex((v) => v !== null);
          if (last < 0 || !resolved.dataLabels) return;
          expect(chart.dataLabels, `${chart.chartId} series ${dataset}`).toContainEqual(
            expect.objectContaining({ dataset, index: last }),
          );
        });
      }
    }
  });

  it('labels the marks the charts stage resolved, with their formatted strings', () => {
    const b = get();
    for (const chart of [...chartsIn(reportBlocks(b)), ...chartsIn(deckBlocks(b))]) {
      const resolved = b.charts.get(chart.chartId)!;
      for (const label of chart.dataLabels) {
        const text = label.total
          ? resolved.stackTotals[label.index]
          : resolved.datasets[label.dataset]?.valueLabels[label.index];
        expect(label.text, chart.chartId).toBe(text);
      }
    }
  });

  it('prints each figure from its one record (FigureText), with its source number', () => {
    const b = get();
    expect(b.deck.figures).toEqual(b.report.figures);
    const records = new Map(b.report.figures.map((f) => [f.figureId, f]));
    const figure = (id: string) => b.briefing.figures.find((f) => f.id === id)!;
    for (const blocks of [reportBlocks(b), deckBlocks(b)]) {
      for (const inline of inlinesOf(blocks)) {
        if (inline.type !== 'figure') continue;
        const record = records.get(inline.figureId)!;
        expect([record.inline, record.keyFigure.value], inline.figureId).toContain(inline.text);
        expect(inline.citation, inline.figureId).toBe(record.citation);
        expect(b.report.sources[record.citation - 1]!.id).toBe(figure(inline.figureId).source);
      }
      for (const k of keyFiguresIn(blocks)) {
        const record = records.get(k.figureId)!;
        expect({ prefix: k.prefix, value: k.value, suffix: k.suffix }, k.figureId).toEqual(record.keyFigure);
        expect([k.text, k.citation]).toEqual([record.inline, record.citation]);
      }
    }
    // A chart of figures labels each with the figure's own data-label string (unless it fixes a scale).
    const locale = getLocale(b.briefing.locale);
    for (const spec of b.briefing.charts) {
      const groups = spec.datasets?.map((d) => d.figures) ?? (spec.figures ? [spec.figures] : []);
      if (spec.scale !== undefined || spec.format === 'currency-billions') continue;
      groups.forEach((ids, d) =>
        ids.forEach((id, i) => {
          const own = records.get(id)?.dataLabel ?? figureStrings(figure(id), locale).dataLabel;
          expect(b.charts.get(spec.id)!.datasets[d]!.valueLabels[i], `${spec.id}: ${id}`).toBe(own);
        }),
      );
    }
  });

  it('names in the source line of each table every source its rows cite, on every slide of the table', () => {
    const b = get();
    const textOf = (cell: readonly Inline[]): string => squash(plainText(cell));
    const allTables = (blocks: readonly Block[]): TableBlock[] =>
      blocks.filter((x): x is TableBlock => x.type === 'table');
    const tables = (blocks: readonly Block[]): TableBlock[] =>
      allTables(blocks).filter((x) => x.data !== undefined);
    for (const table of [...tables(reportBlocks(b)), ...tables(deckBlocks(b))]) {
      const line = table.data!.sourceLine.entries.map((e) => e.number);
      const marks = [...inlinesOf([table])].flatMap((i) => (i.type === 'citation' ? [i.number] : []));
      expect(line, table.data!.captionText).toEqual([...new Set(line)].sort((x, y) => x - y));
      for (const n of marks) expect(line, `${table.data!.captionText} row mark [${n}]`).toContain(n);
    }
    for (const table of tables(reportBlocks(b))) {
      expect(showsSourceLine(b.pdfText, table.data!.sourceLine), table.data!.sourceLine.text).toBe(true);
    }
    // Every slide with a part of a table (a "(cont.)" slide too) names the table's sources at its foot.
    // (Tables written in the Markdown, such as the people table, have no source line.)
    const deckTables = allTables(deckBlocks(b));
    for (const slide of b.pptx.slides) {
      for (const shape of slide.shapes.filter((s) => s.kind === 'table')) {
        const cells = shape.paragraphs.map(squash);
        const table = deckTables.find((t) => {
          const header = t.header.map(textOf);
          const first = cells[header.length] ?? '';
          return (
            header.every((h, i) => cells[i] === h) &&
            t.rows.some((row) => textOf(row[0] ?? []) !== '' && first.startsWith(textOf(row[0] ?? [])))
          );
        });
        expect(table, `slide ${slide.number}: a table of the IR`).toBeDefined();
        const foot = squash(slide.text.join(' '));
        for (const { number } of table!.data?.sourceLine.entries ?? [])
          expect(foot, `slide ${slide.number} names [${number}]`).toContain(`[${number}]`);
      }
    }
  });

  it('lists every cited source in both outputs under the same number', () => {
    const b = get();
    expect(b.deck.sources).toEqual(b.report.sources);
    const listed = new Set(b.report.sources.map((s) => s.number));
    for (const n of [...citedNumbers(reportBlocks(b)), ...citedNumbers(deckBlocks(b))]) {
      expect(listed.has(n), `source [${n}] is listed`).toBe(true);
    }
    for (const source of b.report.sources) {
      expect(b.pdfText, source.id).toContain(squash(entryText(source.entry)));
      expect(b.deckText, source.id).toContain(squash(`[${source.number}] ${entryText(source.brief)}`));
    }
  });
});

describe('sources cited only by charts', () => {
  it('are numbered, listed in both outputs and named under their charts', () => {
    const b = built.get('chart-only sources')!;
    const ids = b.report.sources.map((s) => s.id);
    expect(ids).toEqual(['desk-note', 'ledger-a', 'ledger-b', 'counter-log']);
    expect(b.chartSlides.get('spend-bars')).toContain('Sources: Ledger A (test) [2]; Ledger B (test) [3]');
    expect(b.chartSlides.get('nightly-line')).toContain('Source: Counter log (test) [4]');
    expect(b.deckText).toContain(squash('[4] Counter log (test). Nightly counts (made up).'));
  });

  it('a money chart labels each bar as the text prints it, whatever its neighbours', () => {
    expect(built.get('chart-only sources')!.deckLabels.get('spend-bars')).toEqual([
      '$800 billion',
      '$1.5 billion',
    ]);
  });
});

describe('citation marks', () => {
  it('come sorted and once each', () => {
    for (const b of built.values()) {
      for (const blocks of [reportBlocks(b), deckBlocks(b)]) {
        for (const inline of inlinesOf(blocks)) {
          if (inline.type === 'figure')
            expect(inline.marks).toEqual([...new Set(inline.marks)].sort((x, y) => x - y));
        }
        for (const block of blocks) {
          if (block.type !== 'paragraph') continue;
          const runs: number[][] = [[]];
          for (const inline of block.children) {
            if (inline.type === 'citation') runs.at(-1)!.push(inline.number);
            else runs.push([]);
          }
          for (const run of runs) expect(run).toEqual([...new Set(run)].sort((x, y) => x - y));
        }
      }
    }
  });
});

describe('the deck Sources slides', () => {
  it('fit sixty sources on three slides', () => {
    const slides = built.get('generated')!.pptx.slides.filter((s) => s.layout === 'BRIEFKIT_SOURCES');
    expect(slides.length).toBeLessThanOrEqual(3);
  });
});
