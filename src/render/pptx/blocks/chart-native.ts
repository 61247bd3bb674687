import type * as Pptx from '../pptxgen.js';
import type { TimeScale } from '../../../charts/time-axis.js';
import type { LabelledChart, ResolvedChart } from '../../../charts/types.js';
import { labelsEveryPoint, maxLabelledPoints } from '../../../document/chart-labels.js';
import { doughnutLegend } from '../../../document/doughnut-labels.js';
import type { ChartPointLabels, PointLabel } from '../zip/chart-point-labels.js';
import { assertNever } from '../../../errors.js';
import type { SlideModel } from '../slide-model.js';
import type { Box, DeckContext } from '../types.js';

type ChartName = Pptx.ChartName;

/**
 * An editable PowerPoint chart drawn from the same resolved chart as the PDF's chart:
 * same categories, values (divided by `divisor`), colours and number format, and the
 * data labels of its IR block (`labels`, the document's choice, as the PDF draws them).
 */
export function addNativeChart(slide: SlideModel, chart: LabelledChart, box: Box, ctx: DeckContext): Box {
  const { type, options } = chartType(chart);
  const data = chart.datasets.map((dataset) => ({
    name: dataset.label,
    labels: chart.timeScale
      ? chart.timeScale.positions.map((day) => String(serial(day)))
      : chart.type === 'doughnut'
        ? // The legend names each slice with its value, as the report's does.
          doughnutLegend(chart.categories, dataset.valueLabels)
        : [...chart.categories],
    // An empty cell is written as an empty point: a gap, never 0 (dispBlanksAs "gap").
    values: dataset.values.map((value) => (value === null ? null : value / chart.divisor)) as number[],
  }));
  slide.elements.push({
    kind: 'chart',
    box,
    chartId: chart.id,
    type,
    data,
    options: {
      ...baseOptions(chart, ctx),
      ...options,
      ...(chart.timeScale && dateAxis(chart, chart.timeScale)),
      // The PDF's labels of a time axis of categories: every categoryLabelStep-th, from the first.
      ...(chart.categoryLabelStep !== undefined && {
        catAxisLabelFrequency: String(chart.categoryLabelStep),
      }),
      altText: chart.alt,
      objectName: `Chart ${chart.id}`,
    },
    pointLabels: pointLabels(chart, options.dataLabelPosition),
  });
  return box;
}

/** Excel's serial number of a day given as days since 1970 (serial 25569 is 1970-01-01). */
function serial(day: number): number {
  return day + 25_569;
}

/**
 * Time placed by date on a date axis (c:dateAx): categories are serial dates, spaced by
 * real time, with the PDF's range, its ticks (every `tickStep` days, months or years from
 * the minimum) and a format code that prints the PDF's tick labels.
 * A column is one base unit wide: a day is a hairline over years, so columns that fall
 * in different months are a month wide (each drawn at the start of its month).
 */
function dateAxis(chart: ResolvedChart, scale: TimeScale): Pptx.ChartOptions {
  const month = (day: number): number => {
    const date = new Date(day * 86_400_000);
    return date.getUTCFullYear() * 12 + date.getUTCMonth();
  };
  const columns = chart.type === 'bar' || chart.type === 'grouped-bar' || chart.type === 'stacked-bar';
  const byMonth = columns && new Set(scale.positions.map(month)).size === scale.positions.length;
  return {
    catLabelFormatCode: scale.formatCode,
    catAxisBaseTimeUnit: byMonth ? 'months' : 'days',
    catAxisMajorTimeUnit: scale.tickUnit,
    catAxisMajorUnit: scale.tickStep,
    catAxisMinVal: serial(scale.min),
    catAxisMaxVal: serial(scale.max),
  };
}

/**
 * The chart's planned labels (the PDF draws the same ones), point by point: a line's
 * end labels sit right of its last point, a stack's total inside the end of its top
 * segment (a stacked column allows no label outside it), others where the type puts them.
 */
function pointLabels(chart: LabelledChart, position: string | undefined): ChartPointLabels {
  const series: PointLabel[][] = chart.datasets.map(() => []);
  const endsOnly = chart.type === 'line' && !labelsEveryPoint(chart.labels);
  for (const label of chart.labels) {
    const where = label.total ? 'inEnd' : endsOnly ? 'r' : chart.type === 'doughnut' ? undefined : position;
    series[label.dataset]?.push({
      point: label.index,
      text: label.text,
      bold: label.total,
      ...(where !== undefined && { position: where }),
    });
  }
  return { series };
}

/** Series colours: one per category for a single-series bar or doughnut, else one per series. */
export function chartColors(chart: ResolvedChart): string[] {
  const perCategory = chart.datasets.length === 1 && (chart.type === 'doughnut' || isBar(chart));
  const colors = perCategory
    ? chart.categories.map(
        (_, i) => chart.datasets[0]?.colors[i % Math.max(1, chart.datasets[0].colors.length)],
      )
    : chart.datasets.map((dataset) => dataset.colors[0]);
  // pptxgenjs picks a random colour when it runs out, which would break reproducible output.
  return colors.map((color, i) => (color ?? FALLBACK[i % FALLBACK.length]!).replace(/^#/, '').toUpperCase());
}

const FALLBACK = ['#1F3A5F', '#D98E04', '#4F8A8B', '#B5452F', '#7A6C9D', '#6B8E23'];

function isBar(chart: ResolvedChart): boolean {
  return chart.type === 'bar' || chart.type === 'horizontal-bar';
}

function baseOptions(chart: LabelledChart, ctx: DeckContext): Pptx.ChartOptions {
  const font = ctx.fonts.body;
  const multiSeries = chart.datasets.length > 1;
  return {
    chartColors: chartColors(chart),
    showTitle: chart.title.trim() !== '',
    title: chart.title,
    titleFontFace: font,
    titleFontSize: 16,
    titleColor: ctx.colors.text,
    showValue: chart.labels.length > 0,
    dataLabelFormatCode: chart.dataLabelFormat,
    dataLabelFontFace: font,
    dataLabelFontSize: 12,
    dataLabelColor: ctx.colors.text,
    // The chart stage's value axis (value-axis.ts), as the PDF draws it: PowerPoint's own
    // would autoscale to another range, step and number of digits.
    valAxisLabelFormatCode: chart.valueAxis?.numberFormat ?? chart.numberFormat,
    ...(chart.valueAxis !== undefined && {
      valAxisMinVal: chart.valueAxis.min,
      valAxisMaxVal: chart.valueAxis.max,
      valAxisMajorUnit: chart.valueAxis.step,
    }),
    displayBlanksAs: 'gap',
    valAxisLabelFontFace: font,
    valAxisLabelFontSize: 12,
    valAxisLabelColor: ctx.colors.muted,
    valAxisLineShow: false,
    valGridLine: { color: ctx.colors.rule, size: 0.75, style: 'solid' },
    catAxisLabelFontFace: font,
    catAxisLabelFontSize: 12,
    catAxisLabelColor: ctx.colors.text,
    catAxisLineShow: true,
    catAxisLineColor: ctx.colors.rule,
    catGridLine: { style: 'none' },
    showLegend: multiSeries || chart.type === 'doughnut',
    legendPos: 'b',
    legendFontFace: font,
    legendFontSize: 12,
    legendColor: ctx.colors.text,
    ...(chart.xTitle ? { showCatAxisTitle: true, catAxisTitle: chart.xTitle } : {}),
    ...(chart.yTitle ? { showValAxisTitle: true, valAxisTitle: chart.yTitle } : {}),
    catAxisTitleFontFace: font,
    catAxisTitleFontSize: 12,
    catAxisTitleColor: ctx.colors.muted,
    valAxisTitleFontFace: font,
    valAxisTitleFontSize: 12,
    valAxisTitleColor: ctx.colors.muted,
    lang: ctx.meta.lang,
  };
}

/** The mapping: bar → clustered column, horizontal-bar → bar, stacked-bar → stacked, ... */
function chartType(chart: ResolvedChart): { type: ChartName; options: Pptx.ChartOptions } {
  switch (chart.type) {
    case 'bar':
      return {
        type: 'bar',
        options: { barDir: 'col', barGrouping: 'clustered', dataLabelPosition: 'outEnd', barGapWidthPct: 60 },
      };
    case 'grouped-bar':
      return {
        type: 'bar',
        options: { barDir: 'col', barGrouping: 'clustered', dataLabelPosition: 'outEnd', barGapWidthPct: 80 },
      };
    case 'stacked-bar':
      return {
        type: 'bar',
        options: {
          barDir: 'col',
          barGrouping: 'stacked',
          barOverlapPct: 100,
          dataLabelPosition: 'ctr',
          dataLabelColor: 'FFFFFF',
          barGapWidthPct: 60,
        },
      };
    case 'horizontal-bar':
      return {
        type: 'bar',
        options: {
          barDir: 'bar',
          barGrouping: 'clustered',
          dataLabelPosition: 'outEnd',
          barGapWidthPct: 90,
          // First category on top, as in the report; the value axis is redundant next to data labels.
          catAxisOrientation: 'maxMin' as 'minMax',
          valAxisHidden: chart.dataLabels,
          ...(chart.dataLabels ? { valGridLine: { style: 'none' as const } } : {}),
        },
      };
    case 'line':
      return {
        type: 'line',
        options: {
          lineSize: 2.5,
          // No dots along a long run of points (as in the report): they would merge into a band.
          lineDataSymbol: chart.categories.length <= maxLabelledPoints ? 'circle' : 'none',
          lineDataSymbolSize: 7,
          dataLabelPosition: 't',
        },
      };
    case 'area':
      // See-through, as in the PDF, so a lower area behind a higher one still shows.
      return { type: 'area', options: { dataLabelPosition: 't', chartColorsOpacity: 65 } };
    case 'doughnut':
      return {
        type: 'doughnut',
        options: {
          holeSize: 55,
          dataLabelPosition: 'bestFit',
          dataLabelColor: 'FFFFFF',
          legendPos: 'r',
          showPercent: false,
        },
      };
    default:
      return assertNever(chart.type, 'chart type');
  }
}
