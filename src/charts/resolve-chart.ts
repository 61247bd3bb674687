import { formatPath } from '../briefing/problems.js';
import type { Briefing, ChartSpec, Figure, Series } from '../briefing/types.js';
import { BriefkitError } from '../errors.js';
import type { Locale } from '../locale/locales.js';
import type { Theme } from '../theme/types.js';
import {
  divisorFor,
  excelNumberFormat,
  formatShortDate,
  formatValue,
  fractionDigitsFor,
} from './chart-format.js';
import { getChartWords } from './chart-words.js';
import { defaultChartSize } from './chart-config.js';
import { chartStyle } from './chart-style.js';
import { checkChartSpec } from '../briefing/check-chart-spec.js';
import { planDataLabels } from './label-plan.js';
import { chartSources, describeFigureChart, describeSeriesChart } from './describe-chart.js';
import { formatForUnit, measuresOf } from '../briefing/series-data.js';
import type { ChartFormat, ResolvedChart } from './types.js';

/** The data part of a chart, before colours and words are added. */
interface ChartData {
  categories: string[];
  datasets: { label: string; values: number[] }[];
  format: ChartFormat;
  currency?: string;
  alt: (sourceLine: string) => string;
  sourceRefs: { sourceId: string; at: string }[];
  synthetic: boolean;
}

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
  const data =
    spec.figures !== undefined
      ? figureData(spec, spec.figures, briefing, locale)
      : seriesData(spec, findSeries(spec.series ?? '', briefing), briefing, locale);
  const divisor = divisorFor(data.format);
  const plotted = data.datasets.flatMap((d) => d.values.map((v) => v / divisor));
  const sources = chartSources(data.sourceRefs, briefing, locale);
  const words = getChartWords(locale);
  const datasets = colorDatasets(spec, data, theme).map((d) => ({
    ...d,
    valueLabels: d.values.map((v) => formatValue(v, data.format, data.currency, locale)),
  }));
  const subtitle = data.synthetic
    ? [words.synthetic, spec.subtitle].filter(Boolean).join(' · ')
    : spec.subtitle;
  return {
    id: spec.id,
    type: spec.type,
    title: spec.title,
    ...(subtitle !== undefined && { subtitle }),
    categories: data.categories,
    datasets,
    format: data.format,
    ...(data.currency !== undefined && { currency: data.currency }),
    numberFormat: excelNumberFormat(data.format, data.currency, locale, fractionDigitsFor(plotted)),
    dataLabelFormat: excelNumberFormat(
      data.format,
      data.currency,
      locale,
      fractionDigitsFor(plotted),
      'long',
    ),
    divisor,
    ...(spec.xTitle !== undefined && { xTitle: spec.xTitle }),
    ...(spec.yTitle !== undefined && { yTitle: spec.yTitle }),
    dataLabels: spec.dataLabels,
    labels: planDataLabels(
      { type: spec.type, categories: data.categories, datasets, dataLabels: spec.dataLabels },
      { width: defaultChartSize.width, labelSize: chartStyle(theme).sizes.label },
      (total) => formatValue(total, data.format, data.currency, locale),
    ),
    alt: spec.alt ?? data.alt(sources.line),
    sourceLine: sources.line,
    sourceIds: sources.ids,
    synthetic: data.synthetic,
  };
}

function figureData(spec: ChartSpec, ids: readonly string[], briefing: Briefing, locale: Locale): ChartData {
  const figures = ids.map((id) => briefing.figures.find((f) => f.id === id) as Figure);
  const first = figures[0] as Figure;
  const format = spec.format ?? formatForUnit(first.unit);
  const currency = format === 'currency-billions' ? first.unit : undefined;
  const categories = figures.map((f, i) => spec.labels?.[i] ?? f.label);
  const values = figures.map((f) => f.value);
  const qualifiers = figures.map((f) => (f.qualifier ? `${locale.qualifiers[f.qualifier]} ` : ''));
  return {
    categories,
    datasets: [{ label: spec.yTitle ?? spec.title, values }],
    format,
    ...(currency !== undefined && { currency }),
    // Alt text keeps the qualifier ("about $800 billion"): a bar is exact, the claim is not.
    alt: (sourceLine) =>
      describeFigureChart(
        spec.type,
        figures.map((f, i) => ({
          category: categories[i] ?? f.label,
          text: qualifiers[i] + formatValue(f.value, format, currency, locale),
        })),
        sourceLine,
        locale,
      ),
    sourceRefs: figures.map((f) => ({
      sourceId: f.source,
      at: formatPath(['figures', briefing.figures.indexOf(f), 'source']),
    })),
    synthetic: false,
  };
}

function seriesData(spec: ChartSpec, series: Series, briefing: Briefing, locale: Locale): ChartData {
  const words = getChartWords(locale);
  const dates = series.points.map((p) => p.date);
  const crossesYear = dates[0]?.slice(0, 4) !== dates[dates.length - 1]?.slice(0, 4);
  const datasets = measuresOf(series).map((m) => ({
    label: words.measures[m],
    // checkChartSpec guarantees every point gives each charted measure.
    values: series.points.map((p) => p[m] ?? 0),
  }));
  return {
    categories: dates.map((d) => formatShortDate(d, crossesYear, locale)),
    datasets,
    format: 'count',
    alt: (sourceLine) =>
      describeSeriesChart(
        spec.type,
        series.label,
        dates,
        datasets.map((d) => ({ ...d, format: (v: number) => formatValue(v, 'count', undefined, locale) })),
        series.synthetic,
        sourceLine,
        locale,
      ),
    sourceRefs: [
      { sourceId: series.source, at: formatPath(['series', briefing.series.indexOf(series), 'source']) },
    ],
    synthetic: series.synthetic,
  };
}

function findSeries(id: string, briefing: Briefing): Series {
  return briefing.series.find((s) => s.id === id) as Series;
}

/**
 * A colour per dataset; a one-dataset bar or doughnut chart of figures gets one
 * per category, since each bar is a different thing. Colours cycle when the
 * palette is shorter than the data.
 */
function colorDatasets(
  spec: ChartSpec,
  data: ChartData,
  theme: Theme,
): { label: string; values: number[]; colors: string[] }[] {
  const palette = spec.colors ?? theme.colors.palette;
  const pick = (i: number): string => palette[i % palette.length] ?? theme.colors.primary;
  const one = data.datasets.length === 1 && spec.type !== 'line';
  return data.datasets.map((d, i) => ({
    ...d,
    // A series over time keeps one colour even when every bar carries its own entry.
    colors: one ? d.values.map((_, j) => (spec.figures ? pick(j) : pick(i))) : [pick(i)],
  }));
}
