import { describe, expect, it } from 'vitest';
import { normalizeMarks } from '../../src/document/citation-marks.js';
import { mapDeckText, mapReportText } from '../../src/document/map-text.js';
import { shortenSourceLine, sourceLine } from '../../src/document/source-lines.js';
import type { Inline } from '../../src/document/types.js';
import { sampleDeckDoc } from '../fixtures/sample-deck-doc.js';
import { sampleReportDoc } from '../fixtures/sample-report-doc.js';

const cite = (number: number): Inline => ({ type: 'citation', number });
const fig = (citation: number): Inline => ({
  type: 'figure',
  figureId: 'f',
  text: '76 drones',
  citation,
  marks: [citation],
});
const t = (text: string): Inline => ({ type: 'text', text });

describe('citation marks', () => {
  it('sorts a group and names each source once', () => {
    expect(normalizeMarks([t('a'), cite(11), cite(2), cite(12), cite(6), cite(2)])).toEqual([
      t('a'),
      cite(2),
      cite(6),
      cite(11),
      cite(12),
    ]);
  });

  it('joins marks written right after a figure to its own, once', () => {
    const [figure] = normalizeMarks([fig(13), cite(13), cite(4)]);
    expect(figure).toMatchObject({ type: 'figure', citation: 13, marks: [4, 13] });
  });

  it('does not repeat a figure’s source at the end of the same text', () => {
    expect(normalizeMarks([fig(13), t(' overnight.'), cite(13), cite(2)])).toEqual([
      { ...fig(13) },
      t(' overnight.'),
      cite(2),
    ]);
  });
});

describe('source lines', () => {
  const labels = { source: 'Source', sources: 'Sources' };
  it('names each source once, in number order, with its number', () => {
    const names = new Map([
      [3, 'World Bank, Government of Ukraine'],
      [1, 'Reuters'],
    ]);
    expect(sourceLine([3, 1, 3], names, labels).text).toBe(
      'Sources: Reuters [1]; World Bank, Government of Ukraine [3]',
    );
  });

  it('is shortened by its names, never by its numbers', () => {
    const line = sourceLine([3], new Map([[3, 'World Bank, Government of Ukraine']]), labels);
    expect(shortenSourceLine(line, 25)).toBe('Source: World Bank, Government… [3]');
    expect(shortenSourceLine(line, 1)).toMatch(/\[3\]$/);
  });
});

describe('the IR text walker', () => {
  it('rewrites printed text only: ids, anchors, link targets, URLs and the language stay exact', () => {
    const upper = (text: string): string => text.toUpperCase();
    const report = sampleReportDoc();
    const mapped = mapReportText(report, upper);
    expect(mapped.meta.lang).toBe(report.meta.lang);
    const headings = (blocks: typeof report.blocks) => blocks.filter((b) => b.type === 'heading');
    expect(headings(mapped.blocks).map((h) => h.anchor)).toEqual(
      headings(report.blocks).map((h) => h.anchor),
    );
    expect(mapped.sources.map((s) => [s.id, s.url])).toEqual(report.sources.map((s) => [s.id, s.url]));
    const charts = mapped.blocks.filter((b) => b.type === 'chart');
    expect(charts.map((c) => c.chartId)).toEqual(['overnight-strikes', 'reconstruction']);
    expect(charts[0]!.captionText).toBe(charts[0]!.captionText.toUpperCase());
    const urlRuns = mapped.sources.flatMap((s) => s.entry.filter((run) => run.text === s.url));
    expect(urlRuns.length).toBeGreaterThan(0);
    const deck = mapDeckText(sampleDeckDoc(), upper);
    expect(deck.slides.flatMap((s) => s.citations)).toEqual(
      sampleDeckDoc().slides.flatMap((s) => s.citations),
    );
  });
});
