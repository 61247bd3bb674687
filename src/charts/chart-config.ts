import type { ChartConfiguration, ChartDataset, Plugin } from 'chart.js';
import { getLocale } from '../locale/locales.js';
import type { Locale } from '../locale/locales.js';
import type { Theme } from '../theme/types.js';
import { categoryAxis, timeAxis, valueAxis } from './chart-scales.js';
import { charsFitting, chartStyle, font, wrapText, type ChartStyle } from './chart-style.js';
import { dataLabelsPlugin } from './data-labels.js';
import { labelsEveryPoint, maxLabelledPoints } from '../document/chart-labels.js';
import { doughnutCutout, doughnutLegend } from '../document/doughnut-labels.js';
import type { LabelledChart, ResolvedChart } from './types.js';

/** The natural box of a chart, in points: about the width of a report's text column. */
export const defaultChartSize = { width: 480, height: 290 } as const;

export interface ChartConfigOptions {
  /** Width of the canvas, for wrapping the title and category names. */
  width?: number;
  /** Pixels per point; 1 for the PDF's vector drawing, 2 or more for PNG. Fixed, never read from a screen. */
  devicePixelRatio?: number;
  /** Filled behind the chart; transparent when absent. */
  background?: string;
  /** Formats axis ticks; the briefing's locale. Default: English. */
  locale?: Locale;
}

/**
 * One resolved chart as a chart.js configuration: the theme's fonts and colours,
 * a left-aligned bold title, data labels, no animation, no interaction. Pure: the
 * same chart gives the same configuration, so the same drawing.
 */
export function chartConfig(
  chart: LabelledChart,
  theme: Theme,
  options: ChartConfigOptions = {},
): ChartConfiguration {
  const style = chartStyle(theme);
  const width = options.width ?? defaultChartSize.width;
  const locale = options.locale ?? getLocale('en');
  const plugins: Plugin[] = [dataLabelsPlugin(chart, style)];
  if (options.background !== undefined) plugins.unshift(backgroundPlugin(options.background));
  const doughnut = chart.type === 'doughnut';
  const horizontal = chart.type === 'horizontal-bar';
  // Wrap names to the width of their column; beside horizontal bars, to a fixed third of the chart.
  const slot = (width - 60) / Math.max(1, chart.categories.length);
  const wrapAt = horizontal ? 26 : Math.max(8, charsFitting(slot, style.sizes.tick) - 1);
  const hasLegend = chart.type === 'doughnut' || chart.datasets.length > 1;
  // A legend on top brings its own padding (10 px above and below its row).
  const gapBelow = hasLegend && !doughnut ? 4 : headerGap(chart);
  const config = {
    type: doughnut ? 'doughnut' : lineLike(chart) ? 'line' : 'bar',
    data: {
      labels: categoryLabels(chart, wrapAt),
      datasets: chart.datasets.map((d) => dataset(chart, d, style)),
    },
    options: {
      responsive: false,
      maintainAspectRatio: false,
      animation: false,
      devicePixelRatio: options.devicePixelRatio ?? 1,
      events: [],
      indexAxis: horizontal ? 'y' : 'x',
      layout: { padding: { top: 2, right: rightPadding(chart, style), bottom: 2, left: 2 } },
      ...(doughnut && { cutout: `${doughnutCutout * 100}%` }),
      plugins: {
        title: {
          display: true,
          align: 'start',
          text: wrapText(chart.title, charsFitting(width, style.sizes.title) - 4),
          color: style.colors.text,
          font: font(style, style.sizes.title, 'bold'),
          padding: { top: 0, bottom: chart.subtitle ? 2 : gapBelow },
        },
        subtitle: {
          display: chart.subtitle !== undefined,
          align: 'start',
          text: wrapText(chart.subtitle ?? '', charsFitting(width, style.sizes.subtitle) - 4),
          color: style.colors.muted,
          font: font(style, style.sizes.subtitle),
          padding: { top: 0, bottom: gapBelow },
        },
        legend: legend(chart, style),
        tooltip: { enabled: false },
      },
      ...(!doughnut && { scales: scales(chart, style, locale) }),
    },
    plugins,
  };
  return config as unknown as ChartConfiguration;
}

/**
 * Dates stay on one line; long category names wrap instead of rotating. A
 * doughnut's names appear only in its legend, which also gives each value, since
 * a thin slice has no room for its own label.
 */
function categoryLabels(chart: ResolvedChart, wrapAt: number): (string | string[])[] {
  if (lineLike(chart)) return chart.categories;
  if (chart.type === 'doughnut') {
    return doughnutLegend(chart.categories, chart.datasets[0]?.valueLabels ?? []);
  }
  return chart.categories.map((c) => wrapText(c, wrapAt));
}

function dataset(
  chart: ResolvedChart,
  d: ResolvedChart['datasets'][number],
  style: ChartStyle,
): ChartDataset {
  // null stays null: chart.js leaves a gap (no bar, a break in the line), never a zero.
  const values = d.values.map((v) => (v === null ? null : v / chart.divisor));
  // On a long time axis each point sits at its date (days since 1970).
  const positions = chart.timeScale?.positions;
  const data = positions ? values.map((y, i) => ({ x: positions[i] ?? 0, y })) : values;
  const color = d.colors[0] ?? '#000000';
  if (lineLike(chart)) {
    const area = chart.type === 'area';
    const dots = chart.categories.length <= maxLabelledPoints;
    return {
      label: d.label,
      data,
      borderColor: color,
      backgroundColor: area ? `${color}59` : color,
      borderWidth: 1.75,
      pointRadius: dots ? 2.5 : 0,
      pointBackgroundColor: color,
      tension: 0,
      fill: area ? 'origin' : false,
      spanGaps: false,
      // Lines are stroked as plain paths, never through Path2D, which chart.js uses when the
      // process happens to define it (a test's PDF reader does): same drawing everywhere.
      segment: {},
    } as ChartDataset;
  }
  const bar = chart.type !== 'doughnut';
  return {
    label: d.label,
    data,
    backgroundColor: d.colors.length > 1 ? d.colors : color,
    ...(bar
      ? {
          borderWidth: 0,
          maxBarThickness: chart.type === 'horizontal-bar' ? 40 : 72,
          // On a long time axis chart.js would size bars by the closest two dates: a
          // hairline when two are a day apart. Each gets a share of the plot instead.
          // A bar on the first or last date reaches half out of the plot, not cut in half.
          ...(chart.timeScale && { barThickness: timeBarThickness(chart), clip: false }),
          categoryPercentage: 0.72,
          barPercentage: 0.92,
        }
      : // Slices are parted by a line of the background colour, not outlined.
        { borderWidth: 2, borderColor: style.colors.background, hoverOffset: 0 }),
  } as ChartDataset;
}

function timeBarThickness(chart: ResolvedChart): number {
  const bars = chart.categories.length * (chart.type === 'grouped-bar' ? chart.datasets.length : 1);
  return Math.min(10, Math.max(1, (0.35 * (defaultChartSize.width - 60)) / Math.max(1, bars)));
}

function lineLike(chart: ResolvedChart): boolean {
  return chart.type === 'line' || chart.type === 'area';
}

function scales(chart: ResolvedChart, style: ChartStyle, locale: Locale) {
  // xTitle and yTitle name the x and y axes as drawn, whichever of them holds the values.
  if (chart.type === 'horizontal-bar') {
    return { x: valueAxis(chart, style, locale, chart.xTitle), y: categoryAxis(chart, style, chart.yTitle) };
  }
  const x = chart.timeScale
    ? timeAxis(chart, chart.timeScale, style, chart.xTitle)
    : categoryAxis(chart, style, chart.xTitle);
  return { x, y: valueAxis(chart, style, locale, chart.yTitle) };
}

/** A legend only where colour carries meaning a reader cannot get from the axis. */
function legend(chart: ResolvedChart, style: ChartStyle) {
  const doughnut = chart.type === 'doughnut';
  const line = lineLike(chart);
  return {
    display: doughnut || chart.datasets.length > 1,
    position: doughnut ? 'right' : 'top',
    align: doughnut ? 'center' : 'start',
    labels: {
      color: style.colors.text,
      font: font(style, style.sizes.legend),
      boxWidth: line ? 16 : 10,
      boxHeight: line ? 2 : 10,
      padding: 10,
    },
  };
}

/**
 * Space between the heading (or legend) and the plot. Labels above the tallest
 * column or the highest point rise into it, so it is larger when they are drawn.
 */
function headerGap(chart: ResolvedChart): number {
  const labelsAbove = chart.dataLabels && chart.type !== 'horizontal-bar' && chart.type !== 'doughnut';
  return labelsAbove ? 16 : 10;
}

/** Room on the right for the labels written after the last point of a long line. */
function rightPadding(chart: LabelledChart, style: ChartStyle): number {
  const labelsAtEnd = lineLike(chart) && chart.labels.length > 0 && !labelsEveryPoint(chart.labels);
  if (!labelsAtEnd) return 12;
  const longest = Math.max(...chart.labels.map((label) => [...label.text].length));
  return Math.ceil(longest * style.sizes.label * 0.6) + 10;
}

/**
 * Paints the background of a PNG before anything else, with ordinary compositing
 * (the background option of chartjs-node-canvas composites "destination-over", a
 * mode the PDF's recorder refuses). The PDF's drawing has no background: the page
 * shows through.
 */
function backgroundPlugin(color: string): Plugin {
  return {
    id: 'briefkitBackground',
    beforeDraw(c) {
      const ctx = c.ctx;
      ctx.save();
      ctx.fillStyle = color;
      ctx.fillRect(0, 0, c.width, c.height);
      ctx.restore();
    },
  };
}
