import { describe, expect, it } from 'vitest';
import { resolveChart } from '../../src/charts/resolve-chart.js';
import { BriefkitError } from '../../src/errors.js';
import { formatFigure } from '../../src/locale/format.js';
import { chartById, en, spec, syntheticBriefing, theme, uk, withCharts } from './fixture.js';

const briefing = syntheticBriefing();
const palette = theme.colors.palette;
const resolve = (id: string, locale = en) => resolveChart(chartById(briefing, id), briefing, theme, locale);

describe('resolveChart: figures', () => {
  it('resolves a bar chart of counts', () => {
    const chart = resolve('strikes-bar');
    expect(chart).toMatchObject({
      id: 'strikes-bar',
      type: 'bar',
      title: 'One night of strikes',
      subtitle: 'Launched overnight',
      categories: ['Drones', 'Missiles'],
      unit: 'count',
      axisScale: 'none',
      numberFormat: '#,##0',
      dataLabelFormat: '#,##0',
      divisor: 1,
      dataLabels: true,
      sourceLine: 'Source: Synthetic test data',
      sourceIds: ['synthetic'],
      synthetic: false,
      alt: 'Bar chart: Drones 420; Missiles 39. Source: Synthetic test data.',
    });
    // One dataset is one colour: a bar's colour never says more than the axis does.
    expect(chart.datasets).toEqual([
      {
        label: 'One night of strikes',
        values: [420, 39],
        valueLabels: ['420', '39'],
        colors: [palette[0]],
      },
    ]);
  });

  it('labels categories with the figure labels when the spec gives none', () => {
    const bare = spec({ type: 'bar', figures: ['syn-drones', 'syn-missiles'] });
    const chart = resolveChart(bare, withCharts(briefing, [bare]), theme, en);
    expect(chart.categories).toEqual(['Drones (synthetic)', 'Missiles (synthetic)']);
  });

  it('keeps money in dollars, divides by a billion to plot, and names each publisher once', () => {
    const chart = resolve('money-hbar');
    expect(chart.unit).toBe('USD');
    expect(chart.axisScale).toBe('billion');
    expect(chart.divisor).toBe(1e9);
    expect(chart.datasets[0]?.values).toEqual([800e9, 588.5e9]);
    expect(chart.datasets[0]?.valueLabels).toEqual(['$800 billion', '$588.5 billion']);
    // 588.5 needs a decimal, so the deck's format has one too.
    expect(chart.numberFormat).toBe('"$"#,##0.0" bn"');
    expect(chart.sourceLine).toBe('Sources: Synthetic test data; Second synthetic source');
    expect(chart.sourceIds).toEqual(['synthetic', 'synthetic-b']);
    // The alt text keeps the figure's qualifier: a bar is exact, the claim is "about".
    expect(chart.alt).toContain('Funding aim about $800 billion; Assessed needs $588.5 billion.');
  });

  it('writes whole billions without a decimal', () => {
    const one = spec({ id: 'money-hbar', type: 'horizontal-bar', figures: ['syn-aim'] });
    const chart = resolveChart(one, withCharts(briefing, [one]), theme, en);
    expect(chart.numberFormat).toBe('"$"#,##0" bn"');
  });

  it('prints each value as the report text prints the figure', () => {
    for (const id of ['strikes-bar', 'money-hbar', 'shares-doughnut']) {
      const chartSpec = chartById(briefing, id);
      const chart = resolve(id);
      const expected = (chartSpec.figures ?? []).map((f) => {
        const figure = briefing.figures.find((x) => x.id === f)!;
        return formatFigure(figure, en).value;
      });
      expect(chart.datasets[0]?.valueLabels).toEqual(expected);
    }
  });

  it('resolves a doughnut of percentages with one colour per slice', () => {
    const chart = resolve('shares-doughnut');
    expect(chart.unit).toBe('percent');
    expect(chart.numberFormat).toBe('0"%"');
    expect(chart.datasets[0]?.valueLabels).toEqual(['55%', '30%', '15%']);
    expect(chart.datasets[0]?.colors).toEqual(palette.slice(0, 3));
    expect(chart.alt).toBe(
      'Doughnut chart: Share A 55%; Share B 30%; Share C 15%. Sources: Synthetic test data; Second synthetic source.',
    );
  });

  it('takes colours, axis titles, alt text and data labels from the spec', () => {
    const custom = spec({
      type: 'bar',
      figures: ['syn-drones', 'syn-missiles'],
      colors: ['#112233', '#445566'],
      xTitle: 'Weapon',
      yTitle: 'Launched',
      alt: 'Given alt text.',
      dataLabels: false,
    });
    const chart = resolveChart(custom, withCharts(briefing, [custom]), theme, en);
    expect(chart.datasets[0]?.colors).toEqual(['#112233', '#445566']);
    expect(chart.datasets[0]?.label).toBe('Launched');
    expect(chart).toMatchObject({
      xTitle: 'Weapon',
      yTitle: 'Launched',
      alt: 'Given alt text.',
      dataLabels: false,
    });
  });

  it('formats for the briefing locale', () => {
    const chart = resolve('money-hbar', uk);
    expect(chart.datasets[0]?.valueLabels[0]).toBe(formatFigure(briefing.figures[2]!, uk).value);
    // Ukrainian groups digits with a no-break space whatever the viewer's own locale does.
    expect(chart.numberFormat).toBe(
      '[>=1000000]#"\u00a0"###"\u00a0"##0.0" млрд $";[>=1000]#"\u00a0"##0.0" млрд $";0.0" млрд $"',
    );
    expect(chart.sourceLine.startsWith('Джерела: ')).toBe(true);
  });
});

describe('resolveChart: series', () => {
  it('turns a nightly log into dated categories and one dataset per measure', () => {
    const chart = resolve('nightly-line');
    expect(chart.categories).toHaveLength(28);
    expect(chart.categories[0]).toBe('1 Feb');
    expect(chart.categories[27]).toBe('28 Feb');
    expect(chart.datasets.map((d) => d.label)).toEqual(['Drones', 'Missiles', 'Regions struck']);
    expect(chart.datasets.map((d) => d.colors)).toEqual([[palette[0]], [palette[1]], [palette[2]]]);
    expect(chart.datasets[0]?.values.slice(0, 3)).toEqual([390, 340, 243]);
    expect(chart.datasets[0]?.valueLabels.slice(0, 3)).toEqual(['390', '340', '243']);
    expect(chart.unit).toBe('count');
    expect(chart.sourceLine).toBe('Source: Synthetic test data');
  });

  it('says "Synthetic data" in the subtitle and the alt text of synthetic series', () => {
    const chart = resolve('nightly-line');
    expect(chart.synthetic).toBe(true);
    expect(chart.subtitle).toBe('Synthetic data · February 2026');
    expect(resolve('week-stacked').subtitle).toBe('Synthetic data');
    expect(chart.alt).toBe(
      'Line chart: Synthetic nightly strike log, from 1 February 2026 to 28 February 2026, 28 points. ' +
        'Drones: lowest 60, highest 619, last 562. Missiles: lowest 0, highest 49, last 49. ' +
        'Regions struck: lowest 2, highest 13, last 11. Synthetic data. Source: Synthetic test data.',
    );
  });

  it('gives every bar of a one-measure series the same colour', () => {
    const oneMeasure = {
      ...briefing,
      series: [
        {
          ...briefing.series[1]!,
          points: briefing.series[1]!.points.map((p) => ({ date: p.date, drones: p.drones })),
        },
      ],
    };
    const bars = spec({ type: 'bar', series: 'synthetic-week' });
    const chart = resolveChart(bars, withCharts(oneMeasure, [bars]), theme, en);
    expect(chart.datasets).toHaveLength(1);
    expect(chart.datasets[0]?.colors).toEqual([palette[0]]);
  });

  it('adds the year to dates when a series crosses one', () => {
    const crossing = {
      ...briefing,
      series: [
        {
          ...briefing.series[1]!,
          points: [
            { date: '2025-12-31', drones: 1, missiles: 0 },
            { date: '2026-01-01', drones: 2, missiles: 1 },
          ],
        },
      ],
    };
    const line = spec({ type: 'line', series: 'synthetic-week' });
    expect(resolveChart(line, withCharts(crossing, [line]), theme, en).categories).toEqual([
      '31 Dec 2025',
      '1 Jan 2026',
    ]);
  });
});

describe('resolveChart: invalid specs', () => {
  it('throws VALIDATION_ERROR with paths from the briefing root', () => {
    const good = chartById(briefing, 'strikes-bar');
    const bad = spec({ id: 'bad', type: 'bar', figures: ['nope', 'syn-aim', 'syn-drones'] });
    const error = (() => {
      try {
        resolveChart(bad, withCharts(briefing, [good, bad]), theme, en);
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(BriefkitError);
    const problems = (error as BriefkitError).problems;
    expect((error as BriefkitError).code).toBe('VALIDATION_ERROR');
    expect(problems.map((p) => p.path)).toEqual(['charts[1].figures[0]', 'charts[1].figures[2]']);
  });
});
