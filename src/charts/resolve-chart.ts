import { formatPath } from '../briefing/problems.js';
import type { Briefing, ChartSpec } from '../briefing/types.js';
import { BriefkitError, isBriefkitError, type Problem } from '../errors.js';
import type { Locale } from '../locale/locales.js';
import type { Theme } from '../theme/types.js';
import {
  divisorOf,
  excelNumberFormat,
  formatValue,
  fractionDigitsFor,
  valueFormatFor,
  type ChartValueFormat,
} from './chart-format.js';
import { chartData, type ChartData } from './chart-data.js';
import { valueAxis } from './value-axis.js';
import { getChartWords } from './chart-words.js';
import { defaultChartSize } from './chart-config.js';
import { chartStyle } from './chart-style.js';
import { checkChartSpec } from '../briefing/check-chart-spec.js';
import { chartSources, describeFigureChart, describeSeriesChart } from './describe-chart.js';
import type { ResolvedChart } from './types.js';
import type { FigureStrings } from '../document/types.js';

/**
 * Resolves a chart spec against the briefing: ids become numbers, numbers become
 * the same strings the report prints, and the sources become a source line.
 * Values stay in base units (dollars, not billions); renderers divide by `divisor`.
 * Throws VALIDATION_ERROR with every problem, at paths like `charts[1].figures[0]`.
 */
export function resolveChart(
  spec: ChartSpec,
  briefing: Briefing,
  theme: Theme,
  locale: Locale,
  figures?: ReadonlyMap<string, FigureStrings>,
): ResolvedChart {
  const index = briefing.charts.findIndex((c) => c.id === spec.id);
  const problems = checkChartSpec(spec, briefing);
  if (problems.length > 0) {
    const prefix = index >= 0 ? ['charts', index] : ['charts'];
    throw new BriefkitError(
      'VALIDATION_ERROR',
      problems.map((p) => ({
        path: formatPath([...prefix, ...p.path]),
        message: index >= 0 ? p.message : `chart "${spec.id}": ${p.message}`,
        expected: p.expected,
      })),
    );
  }
  const data = chartData(spec, briefing, locale, figures);
  // `format: currency-billions` is the older way of fixing the scale.
  const legacy = spec.format === 'currency-billions' ? 'billion' : undefined;
  const format = valueFormatFor(spec.scale ?? legacy ?? data.scale, data.unit, data.decimals, data.datasets);
  const divisor = divisorOf(format);
  const plotted = data.datasets.flatMap((d) => d.values.flatMap((v) => (v === null ? [] : [v / divisor])));
  const sources = chartSources(data.sourceRefs, briefing, locale);
  const words = getChartWords(locale);
  // A chart of figures labels each with the figure's own data-label string, so a bar reads as
  // the sentence that cites it; a chart that fixes one scale for all writes each in that scale.
  const own = spec.scale === undefined && legacy === undefined ? data.figureLabels : undefined;
  const datasets = colorDatasets(spec, data, theme).map((d, i) => ({
    ...d,
    valueLabels: own?.[i] ?? d.values.map((v) => (v === null ? '' : formatValue(v, format, locale))),
  }));
  const subtitle = data.synthetic
    ? [words.synthetic, spec.subtitle].filter(Boolean).join(' · ')
    : spec.subtitle;
  const digits = fractionDigitsFor(plotted);
  const axis =
    spec.type === 'doughnut'
      ? undefined
      : valueAxis({
          type: spec.type,
          datasets: data.datasets.map((d) => d.values.map((v) => (v === null ? null : v / divisor))),
          ...(spec.yMin !== undefined && { yMin: spec.yMin / divisor }),
          ...(spec.yMax !== undefined && { yMax: spec.yMax / divisor }),
          ...(spec.type === 'horizontal-bar' && spec.dataLabels && { grace: 0.3 }),
          integer: format.unit === 'count' && format.axisScale === 'none',
        });
  // Time runs along the horizontal axis of columns, stacks, lines and areas only.
  const acrossTime = spec.type !== 'horizontal-bar' && spec.type !== 'doughnut';
  const timeScale = acrossTime ? data.timeScale : undefined;
  const style = chartStyle(theme);
  const labelStep =
    data.time !== undefined && timeScale === undefined && acrossTime
      ? categoryLabelStep(data.categories, style.sizes.tick)
      : undefined;
  return {
    id: spec.id,
    type: spec.type,
    title: spec.title,
    ...(subtitle !== undefined && { subtitle }),
    categories: data.categories,
    ...(timeScale !== undefined && { timeScale }),
    ...(labelStep !== undefined && { categoryLabelStep: labelStep }),
    datasets,
    unit: format.unit,
    axisScale: format.axisScale,
    ...(format.decimals !== undefined && { decimals: format.decimals }),
    ...(axis !== undefined && {
      valueAxis: {
        ...axis,
        // A per-value scale prints each tick in its own scale (conditional sections), as before.
        numberFormat: excelNumberFormat(
          format,
          locale,
          format.axisScale === 'per-value' ? digits : axis.digits,
          'short',
          plotted,
        ),
      },
    }),
    ...(spec.type === 'area' && data.datasets.some((d) => d.values.includes(null)) && { deckImage: true }),
    numberFormat: excelNumberFormat(format, locale, digits, 'short', plotted),
    dataLabelFormat: excelNumberFormat(format, locale, format.decimals ?? digits, 'long', plotted),
    divisor,
    ...(spec.yMin !== undefined && { yMin: spec.yMin }),
    ...(spec.yMax !== undefined && { yMax: spec.yMax }),
    ...(spec.xTitle !== undefined && { xTitle: spec.xTitle }),
    ...(spec.yTitle !== undefined && { yTitle: spec.yTitle }),
    dataLabels: spec.dataLabels,
    stackTotals:
      spec.type === 'stacked-bar' && datasets.length > 1
        ? data.categories.map((_, i) =>
            formatValue(
              datasets.reduce((sum, d) => sum + (d.values[i] ?? 0), 0),
              format,
              locale,
            ),
          )
        : [],
    labelRoom: {
      width: defaultChartSize.width,
      height: defaultChartSize.height,
      labelSize: style.sizes.label,
    },
    alt: spec.alt ?? describe(spec, data, format, sources.line, locale),
    sourceLine: sources.line,
    sourceIds: sources.ids,
    synthetic: data.synthetic,
  };
}

/**
 * Every how many periods a time axis of categories is labelled: the widest label (as the
 * chart's tick font sets it, with 10 pt between labels) fits in that many category slots
 * of the chart's natural plot width. The PDF and the deck then show the same labels.
 */
export function categoryLabelStep(categories: readonly string[], tickSize: number): number {
  const widest = Math.max(0, ...categories.map((c) => c.length)) * tickSize * CHAR_EM + 10;
  const slot = (defaultChartSize.width - PLOT_INSET) / Math.max(1, categories.length);
  return Math.max(1, Math.ceil(widest / slot));
}

/** Noto Sans averages a little over half an em per character (see charsFitting). */
const CHAR_EM = 0.56;
/** What the value axis and paddings take from the chart's width, about. */
const PLOT_INSET = 70;

/** Alt text: every value for charts of a few categories, the shape of the data over time. */
function describe(
  spec: ChartSpec,
  data: ChartData,
  format: ChartValueFormat,
  sourceLine: string,
  locale: Locale,
): string {
  const text = (v: number | null): string => (v === null ? '–' : formatValue(v, format, locale));
  if (data.time) {
    return describeSeriesChart(
      spec.type,
      data.subject,
      data.time,
      data.categories.length,
      data.datasets.map((d) => ({ label: d.label, values: d.values, format: text })),
      data.synthetic,
      sourceLine,
      locale,
    );
  }
  const many = data.datasets.length > 1;
  return describeFigureChart(
    spec.type,
    data.datasets.flatMap((d, i) =>
      data.categories.map((category, j) => ({
        category: many ? `${d.label}, ${category}` : category,
        // Alt text keeps the qualifier ("about $800 billion"): a bar is exact, the claim is not.
        text: (data.qualifiers?.[i]?.[j] ?? '') + text(d.values[j] ?? null),
      })),
    ),
    sourceLine,
    locale,
  );
}

/**
 * One colour per dataset, from the theme's palette in order: a one-dataset chart is one
 * colour, unless the spec's `colors` gives a bar chart one per category; a doughnut's
 * slices always take one each. Colours cycle when the palette is shorter than the data.
 */
function colorDatasets(
  spec: ChartSpec,
  data: ChartData,
  theme: Theme,
): { label: string; values: (number | null)[]; colors: string[] }[] {
  const palette = spec.colors ?? theme.colors.palette;
  const pick = (i: number): string => palette[i % palette.length] ?? theme.colors.primary;
  const perCategory =
    data.datasets.length === 1 &&
    (spec.type === 'doughnut' ||
      (spec.colors !== undefined && spec.colors.length > 1 && spec.type.endsWith('bar')));
  return data.datasets.map((d, i) => ({
    ...d,
    colors: perCategory ? d.values.map((_, j) => pick(j)) : [pick(i)],
  }));
}

/**
 * Every chart of the briefing, resolved. All are resolved before any problem is thrown,
 * so every broken spec is reported at once.
 */
export function resolveCharts(
  briefing: Briefing,
  theme: Theme,
  locale: Locale,
  figures?: ReadonlyMap<string, FigureStrings>,
): ResolvedChart[] {
  const problems: Problem[] = [];
  const charts: ResolvedChart[] = [];
  for (const spec of briefing.charts) {
    try {
      charts.push(resolveChart(spec, briefing, theme, locale, figures));
    } catch (error) {
      if (!isBriefkitError(error) || error.code !== 'VALIDATION_ERROR') throw error;
      problems.push(...error.problems);
    }
  }
  if (problems.length > 0) throw new BriefkitError('VALIDATION_ERROR', problems);
  return charts;
}
