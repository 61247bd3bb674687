import { chartBlock } from '../../fixtures/ir-builders.js';
import { describe, expect, it } from 'vitest';
import type { ResolvedChart } from '../../../src/charts/types.js';
import type { DeckDoc } from '../../../src/document/types.js';
import { renderPptx } from '../../../src/render/pptx/index.js';
import { defaultTheme } from '../../../src/theme/default-theme.js';
import { DECK_META, DECK_SOURCES, resolvedChart, sampleChartAssets } from '../../fixtures/sample-deck-doc.js';
import { readChart, readPptx } from '../../helpers/pptx.js';

const two = (label: string, values: number[], color: string) => ({
  label,
  values,
  valueLabels: values.map(String),
  colors: [color],
});

const CHARTS: ResolvedChart[] = [
  resolvedChart('bar', {
    type: 'bar',
    title: 'Bar',
    categories: ['Drones', 'Missiles'],
    datasets: [
      { label: 'Launched', values: [420, 39], valueLabels: ['420', '39'], colors: ['#1F3A5F', '#D98E04'] },
    ],
    alt: 'Bar chart.',
  }),
  resolvedChart('horizontal', {
    type: 'horizontal-bar',
    title: 'Horizontal',
    categories: ['Target', 'Needs'],
    datasets: [
      {
        label: 'US$',
        values: [800e9, 588e9],
        valueLabels: ['$800 billion', '$588 billion'],
        colors: ['#1F3A5F', '#4F8A8B'],
      },
    ],
    numberFormat: '"$"#,##0" bn"',
    dataLabelFormat: '"$"#,##0" billion"',
    divisor: 1e9,
    alt: 'Horizontal bar chart.',
  }),
  resolvedChart('stacked', {
    type: 'stacked-bar',
    title: 'Stacked',
    categories: ['Mon', 'Tue'],
    datasets: [two('Drones', [100, 120], '#1F3A5F'), two('Missiles', [10, 12], '#D98E04')],
    alt: 'Stacked bar chart.',
  }),
  resolvedChart('grouped', {
    type: 'grouped-bar',
    title: 'Grouped',
    categories: ['Mon', 'Tue'],
    datasets: [two('Drones', [100, 120], '#1F3A5F'), two('Missiles', [10, 12], '#D98E04')],
    alt: 'Grouped bar chart.',
  }),
  resolvedChart('line', {
    type: 'line',
    title: 'Line',
    categories: ['Mon', 'Tue', 'Wed'],
    datasets: [two('Share', [0.2, 0.25, 0.3], '#B5452F')],
    unit: 'percent',
    numberFormat: '0%',
    dataLabelFormat: '0%',
    alt: 'Line chart.',
  }),
  resolvedChart('doughnut', {
    type: 'doughnut',
    title: 'Doughnut',
    categories: ['Public', 'Private'],
    datasets: [
      { label: 'Funds', values: [60, 40], valueLabels: ['60', '40'], colors: ['#1F3A5F', '#D98E04'] },
    ],
    alt: 'Doughnut chart.',
  }),
];

function chartDeck(): DeckDoc {
  return {
    meta: DECK_META,
    sources: DECK_SOURCES,
    figures: [],
    slides: CHARTS.map((chart, index) => ({
      layout: 'chart' as const,
      title: [{ type: 'text' as const, text: chart.title }],
      blocks: [chartBlock(chart.id, index + 1, '')],
      notes: [`${chart.title} chart.`],
      citations: [],
    })),
  };
}

describe('native chart types', () => {
  it('maps every chart type to its PowerPoint chart, with the spec’s series and formats', async () => {
    const deck = await readPptx(
      await renderPptx(chartDeck(), sampleChartAssets(CHARTS), defaultTheme(), { charts: 'native' }),
    );
    const charts = await Promise.all(
      deck.slides.flatMap((slide) => slide.charts).map((part) => readChart(deck, part)),
    );
    expect(charts.map((c) => [c.type, c.barDir, c.grouping])).toEqual([
      ['barChart', 'col', 'clustered'],
      ['barChart', 'bar', 'clustered'],
      ['barChart', 'col', 'stacked'],
      ['barChart', 'col', 'clustered'],
      ['lineChart', undefined, 'standard'],
      ['doughnutChart', undefined, undefined],
    ]);
    const [bar, horizontal, stacked, grouped, line, doughnut] = charts;
    expect(bar!.series[0]!.colors).toEqual(['1F3A5F', 'D98E04']);
    expect(horizontal!.series[0]!.values).toEqual([800, 588]);
    expect(stacked!.series.map((s) => [s.name, s.values, s.colors])).toEqual([
      ['Drones', [100, 120], ['1F3A5F']],
      ['Missiles', [10, 12], ['D98E04']],
    ]);
    expect(grouped!.series).toHaveLength(2);
    expect(line!.valueAxisFormat).toBe('0%');
    expect(line!.dataLabelFormats).toContain('0%');
    // The legend names each slice with its value, as the report's does (a label too wide
    // for the ring is read there).
    expect(doughnut!.series[0]!.categories).toEqual(['Public  60', 'Private  40']);
    const alts = deck.slides.flatMap((slide) =>
      slide.shapes.filter((s) => s.kind === 'chart').map((s) => s.descr),
    );
    expect(alts).toEqual(CHARTS.map((c) => c.alt));
  });
});
