import type { Plugin } from 'chart.js';
import { describe, expect, it } from 'vitest';
import { chartConfig } from '../../src/charts/chart-config.js';
import type { LabelledChart } from '../../src/charts/types.js';
import { en, resolveLabelled, syntheticBriefing, theme, uk } from './fixture.js';

const briefing = syntheticBriefing();
const resolve = (id: string, locale = en) => resolveLabelled(briefing, id, locale);

/** The config as plain data, for reading options without chart.js's deep generic types. */
interface Loose {
  type: string;
  data: { labels: unknown[]; datasets: Record<string, unknown>[] };
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- chart.js option types are too deep to index in a test
  options: Record<string, any>;
  plugins: Plugin[];
}
const configOf = (chart: LabelledChart, options = {}) =>
  chartConfig(chart, theme, options) as unknown as Loose;
const tick = (config: Loose, axis: 'x' | 'y', value: number) =>
  config.options.scales[axis].ticks.callback(value);

describe('chartConfig', () => {
  it('draws a still, fixed-size picture: no animation, no resizing, no interaction', () => {
    const config = configOf(resolve('strikes-bar'));
    expect(config.options).toMatchObject({
      animation: false,
      responsive: false,
      devicePixelRatio: 1,
      events: [],
    });
    expect(configOf(resolve('strikes-bar'), { devicePixelRatio: 3 }).options.devicePixelRatio).toBe(3);
  });

  it('makes a bar chart of counts in one colour and no legend', () => {
    const config = configOf(resolve('strikes-bar'));
    expect(config.type).toBe('bar');
    expect(config.options.indexAxis).toBe('x');
    expect(config.data.labels).toEqual([['Drones'], ['Missiles']]);
    // A few named bars: every name is shown, none skipped to save room.
    expect(config.options.scales.x.ticks.autoSkip).toBe(false);
    expect(config.data.datasets[0]).toMatchObject({
      data: [420, 39],
      backgroundColor: theme.colors.palette[0],
    });
    expect(config.options.plugins.legend.display).toBe(false);
    expect(tick(config, 'y', 1000)).toBe('1,000');
    // Counts step by whole numbers; the axis is the chart stage's (value-axis.ts), as in the deck.
    expect(Number.isInteger(config.options.scales.y.ticks.stepSize)).toBe(true);
    expect(config.options.scales.y.min).toBe(0);
  });

  it('uses the theme fonts and colours, with a bold title aligned left', () => {
    const { plugins, scales } = configOf(resolve('strikes-bar')).options;
    expect(plugins.title).toMatchObject({
      display: true,
      align: 'start',
      text: ['One night of strikes'],
      color: theme.colors.text,
      font: { family: theme.fonts.heading.family, weight: 'bold' },
    });
    expect(plugins.subtitle).toMatchObject({ display: true, align: 'start', text: ['Launched overnight'] });
    expect(plugins.subtitle.color).toBe(theme.colors.muted);
    expect(scales.x.ticks.font.family).toBe(theme.fonts.body.family);
    // Muted gridlines on the value axis only, no frame.
    expect(scales.x.grid.display).toBe(false);
    expect(scales.y.border.display).toBe(false);
    expect(scales.y.grid.color({ tick: { value: 100 } })).not.toBe(
      scales.y.grid.color({ tick: { value: 0 } }),
    );
  });

  it('plots billions and writes ticks like the text, "$800 bn"', () => {
    const config = configOf(resolve('money-hbar'));
    expect(config.type).toBe('bar');
    expect(config.options.indexAxis).toBe('y');
    expect(config.data.datasets[0]?.data).toEqual([800, 588.5]);
    expect(tick(config, 'x', 800)).toBe('$800 bn');
    // Every tick prints its step's digits, as the deck's number format does: "$600 bn", not "$600.0 bn".
    expect(tick(config, 'x', 600)).toBe('$600 bn');
    // Each bar carries its label, so the value axis is left out.
    expect(config.options.scales.x.display).toBe(false);
  });

  it('writes ticks in the briefing language', () => {
    const config = configOf(resolve('money-hbar', uk), { locale: uk });
    expect(tick(config, 'x', 800)).toBe('800 млрд $');
  });

  it('makes a line chart of a series with a legend and thin lines', () => {
    const config = configOf(resolve('nightly-line'));
    expect(config.type).toBe('line');
    expect(config.data.labels?.[0]).toBe('1 Feb');
    expect(config.data.datasets.map((d) => d.label)).toEqual(['Drones', 'Missiles', 'Regions struck']);
    expect(config.data.datasets.map((d) => d.borderColor)).toEqual(theme.colors.palette.slice(0, 3));
    expect(config.data.datasets[0]).toMatchObject({ fill: false, tension: 0, pointRadius: 0 });
    expect(config.options.plugins.legend).toMatchObject({ display: true, position: 'top', align: 'start' });
    expect(config.options.plugins.subtitle.text).toEqual(['Synthetic data · February 2026']);
  });

  it('stacks a stacked bar chart and groups a grouped one', () => {
    const stacked = configOf(resolve('week-stacked')).options.scales;
    expect([stacked.x.stacked, stacked.y.stacked]).toEqual([true, true]);
    const grouped = configOf(resolve('week-grouped'));
    expect([grouped.options.scales.x.stacked, grouped.options.scales.y.stacked]).toEqual([false, false]);
    expect(grouped.data.datasets).toHaveLength(2);
    expect(grouped.options.plugins.legend.display).toBe(true);
  });

  it('makes a doughnut with a legend of its slices and no axes', () => {
    const config = configOf(resolve('shares-doughnut'));
    expect(config.type).toBe('doughnut');
    expect(config.options.scales).toBeUndefined();
    expect(config.options.plugins.legend).toMatchObject({ display: true, position: 'right' });
    expect(config.data.datasets[0]).toMatchObject({
      data: [55, 30, 15],
      borderColor: theme.colors.background,
    });
    // The legend names each slice with its value, so a thin slice is never unlabelled.
    expect(config.data.labels).toEqual(['Share A  55%', 'Share B  30%', 'Share C  15%']);
  });

  it('draws data labels with its own plugin, and paints a background only when asked', () => {
    const ids = (config: Loose) => config.plugins.map((p) => p.id);
    expect(ids(configOf(resolve('strikes-bar')))).toEqual(['briefkitDataLabels']);
    expect(ids(configOf(resolve('strikes-bar'), { background: '#FFFFFF' }))).toEqual([
      'briefkitBackground',
      'briefkitDataLabels',
    ]);
  });

  it('wraps long titles and category names instead of cutting them', () => {
    const chart = resolve('strikes-bar');
    const long = {
      ...chart,
      title: 'A very long chart title '.repeat(6).trim(),
      categories: ['A name far too long to fit under one short column', 'B'],
    };
    const config = configOf(long);
    expect(config.options.plugins.title.text.length).toBeGreaterThan(1);
    expect((config.data.labels[0] as string[]).length).toBeGreaterThan(1);
    expect((config.data.labels[0] as string[]).join(' ')).toBe(long.categories[0]);
  });
});
