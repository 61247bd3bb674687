import { describe, expect, it } from 'vitest';
import { chartConfig } from '../../src/charts/chart-config.js';
import { renderChartAssets } from '../../src/charts/index.js';
import { chartById, en, labelled, syntheticBriefing, theme, withCharts } from './fixture.js';

/**
 * The nightly strike log in test/fixtures/charts is made up (seeded random
 * numbers). These tests check that it is drawn, and that every drawing and
 * description of it says so, so it can never pass for a fact.
 */
const briefing = syntheticBriefing();

describe('synthetic nightly series', () => {
  it('is marked synthetic in the fixture', () => {
    expect(briefing.series.map((s) => s.synthetic)).toEqual([true, true]);
    expect(briefing.title).toContain('not real data');
  });

  it('renders as a line chart and a stacked bar chart, each saying "Synthetic data"', async () => {
    const charts = withCharts(briefing, [
      chartById(briefing, 'nightly-line'),
      chartById(briefing, 'week-stacked'),
    ]);
    const assets = await renderChartAssets(charts, theme, en, { png: true, pngScale: 2 });
    for (const [id, type] of [
      ['nightly-line', 'line'],
      ['week-stacked', 'stacked-bar'],
    ] as const) {
      const asset = assets.get(id)!;
      expect(asset.chart.type).toBe(type);
      expect(asset.chart.synthetic).toBe(true);
      expect(asset.chart.subtitle).toMatch(/^Synthetic data/);
      expect(asset.chart.alt).toContain('Synthetic data.');
      // The subtitle is drawn on the chart itself, not only kept as metadata.
      const options = chartConfig(labelled(asset.chart), theme).options as {
        plugins: { subtitle: { display: boolean; text: string[] } };
      };
      expect(options.plugins.subtitle.display).toBe(true);
      expect(options.plugins.subtitle.text.join(' ')).toContain('Synthetic data');
      const texts = asset.drawing!.ops.flatMap((op) => (op.op === 'text' ? [op.text] : []));
      expect(texts.join(' ')).toContain('Synthetic data');
      expect(asset.png!.readUInt32BE(16)).toBe(960);
    }
    expect(assets.get('nightly-line')!.chart.datasets.map((d) => d.values.length)).toEqual([28, 28, 28]);
    expect(assets.get('week-stacked')!.chart.datasets.map((d) => d.label)).toEqual(['Drones', 'Missiles']);
  });
});
