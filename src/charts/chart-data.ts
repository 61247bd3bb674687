import { columnType } from '../briefing/check-tables.js';
import { isPeriodType, parsePeriod, periodStart, type PeriodType } from '../briefing/periods.js';
import { formatDate } from '../locale/format.js';
import { formatPath } from '../briefing/problems.js';
import type { Briefing, ChartSpec, Column, Figure, Series, Table } from '../briefing/types.js';
import type { FigureStrings } from '../document/types.js';
import type { Locale } from '../locale/locales.js';
import type { ScaleSetting } from '../locale/values.js';
import { getChartWords } from './chart-words.js';
import { measuresOf } from '../briefing/series-data.js';
import { crossesYear, periodLabel, timeSlots, type TimeScale } from './time-axis.js';
import { figureStrings, plottedValue } from './figure-text.js';

/**
 * The data of a chart, whatever it was written as: figures (one dataset), figure
 * datasets over shared labels, a table's columns, or a legacy series. A value is a
 * number or null (an empty cell: a gap, never 0).
 */
export interface ChartData {
  categories: string[];
  datasets: { label: string; values: (number | null)[] }[];
  unit: string;
  /** The scale the data asks for; the spec's `scale` overrides it. */
  scale: ScaleSetting | undefined;
  decimals?: number;
  /** Qualifiers of figure values ("about "), per dataset and category, for alt text. */
  qualifiers?: string[][];
  /** A chart of figures: each figure's own data-label string (FigureStrings.dataLabel), per dataset. */
  figureLabels?: string[][];
  /** Set when the categories are periods of time: the series alt text reads the span. */
  time?: { first: string; last: string };
  /** Set when a long span of time places its categories by date (see time-axis.ts). */
  timeScale?: TimeScale;
  /** A label describing what the data is (series label, table title). */
  subject: string;
  sourceRefs: { sourceId: string; at: string }[];
  synthetic: boolean;
}

const figureById = (briefing: Briefing, id: string): Figure =>
  briefing.figures.find((f) => f.id === id) as Figure;

/**
 * Resolves the data of a spec that checkChartSpec accepted. `strings` are the figures'
 * printed forms as the build formatted them once; without them they are formatted here.
 */
export function chartData(
  spec: ChartSpec,
  briefing: Briefing,
  locale: Locale,
  strings?: ReadonlyMap<string, FigureStrings>,
): ChartData {
  if (spec.table !== undefined) {
    return tableData(spec, briefing.tables.find((t) => t.id === spec.table) as Table, briefing, locale);
  }
  if (spec.series !== undefined) {
    return seriesData(briefing.series.find((s) => s.id === spec.series) as Series, briefing, locale);
  }
  const groups = spec.datasets ?? [{ label: spec.yTitle ?? spec.title, figures: spec.figures ?? [] }];
  const figures = groups.map((g) => g.figures.map((id) => figureById(briefing, id)));
  const first = figures[0]![0]!;
  const categories = (figures[0] ?? []).map((f, i) => spec.labels?.[i] ?? f.label);
  return {
    categories,
    datasets: groups.map((g, i) => ({
      label: g.label,
      values: figures[i]!.map((f) => plottedValue(f.value)),
    })),
    unit: first.unit,
    scale: first.scale,
    ...(first.decimals !== undefined && { decimals: first.decimals }),
    qualifiers: figures.map((list) =>
      list.map((f) => (f.qualifier ? `${locale.qualifiers[f.qualifier]} ` : '')),
    ),
    figureLabels: figures.map((list) =>
      list.map((f) => (strings?.get(f.id) ?? figureStrings(f, locale)).dataLabel),
    ),
    subject: spec.title,
    sourceRefs: figures.flat().map((f) => ({
      sourceId: f.source,
      at: formatPath(['figures', briefing.figures.indexOf(f), 'source']),
    })),
    synthetic: false,
  };
}

function tableData(spec: ChartSpec, table: Table, briefing: Briefing, locale: Locale): ChartData {
  const t = briefing.tables.indexOf(table);
  const column = (id: string): Column => table.columns.find((c) => c.id === id) as Column;
  const x = column(spec.x ?? '');
  const ys = (spec.y ?? []).map(column);
  const xType = columnType(x);
  const cellNumber = (value: unknown): number | null => (typeof value === 'number' ? value : null);
  let categories: string[];
  let rowsAt: (number | undefined)[][];
  let time: ChartData['time'];
  let timeScale: TimeScale | undefined;
  if (isPeriodType(xType)) {
    const indexes = table.rows.map((row) => parsePeriod(xType, row[x.id]));
    const { slots, slotOf, scale } = timeSlots(
      xType,
      indexes.filter((i): i is number => i !== undefined),
      locale,
    );
    const withYear = crossesYear(xType, slots);
    categories = slots.map((slot) => periodLabel(xType, slot, locale, withYear));
    rowsAt = slots.map(() => []);
    indexes.forEach((index, r) => {
      if (index !== undefined) rowsAt[slotOf.get(index)!]!.push(r);
    });
    time = timeSpan(xType, slots, locale);
    timeScale = scale;
  } else {
    const rows = table.rows.map((row, r) => ({ row, r })).filter(({ row }) => row[x.id] != null);
    categories = rows.map(({ row }) => String(row[x.id]));
    rowsAt = rows.map(({ r }) => [r]);
  }
  const used = new Set(rowsAt.flat());
  const sourceRefs: ChartData['sourceRefs'] = [];
  if (table.source !== undefined)
    sourceRefs.push({ sourceId: table.source, at: formatPath(['tables', t, 'source']) });
  table.rows.forEach((row, r) => {
    if (!used.has(r)) return;
    row.sources?.forEach((s, k) =>
      sourceRefs.push({ sourceId: s, at: formatPath(['tables', t, 'rows', r, 'sources', k]) }),
    );
  });
  const first = ys[0]!;
  return {
    categories,
    datasets: ys.map((y) => ({
      label: y.label,
      values: rowsAt.map((rows) => (rows[0] === undefined ? null : cellNumber(table.rows[rows[0]]![y.id]))),
    })),
    unit: first.unit ?? '',
    scale: first.scale,
    ...(first.decimals !== undefined && { decimals: first.decimals }),
    ...(time !== undefined && { time }),
    ...(timeScale !== undefined && { timeScale }),
    subject: table.title,
    sourceRefs,
    synthetic: false,
  };
}

/** The first and last period in words: dates in full ("1 February 2026"), other periods as on the axis. */
function timeSpan(type: PeriodType, slots: readonly number[], locale: Locale): ChartData['time'] {
  const words = (slot: number): string =>
    type === 'date'
      ? formatDate(periodStart(type, slot).toISOString().slice(0, 10), locale)
      : periodLabel(type, slot, locale, true);
  return { first: words(slots[0] ?? 0), last: words(slots[slots.length - 1] ?? 0) };
}

/** The legacy nightly log: a table with a date column and one column per measure. */
function seriesData(series: Series, briefing: Briefing, locale: Locale): ChartData {
  const words = getChartWords(locale);
  const indexes = series.points.map((p) => parsePeriod('date', p.date) ?? 0);
  const { slots, slotOf, scale } = timeSlots('date', indexes, locale);
  const withYear = crossesYear('date', slots);
  const pointAt = new Map(series.points.map((p, i) => [slotOf.get(indexes[i]!)!, p]));
  return {
    categories: slots.map((slot) => periodLabel('date', slot, locale, withYear)),
    datasets: measuresOf(series).map((m) => ({
      label: words.measures[m],
      values: slots.map((_, slot) => pointAt.get(slot)?.[m] ?? null),
    })),
    unit: 'count',
    scale: undefined,
    time: timeSpan('date', slots, locale),
    ...(scale !== undefined && { timeScale: scale }),
    subject: series.label,
    sourceRefs: [
      { sourceId: series.source, at: formatPath(['series', briefing.series.indexOf(series), 'source']) },
    ],
    synthetic: series.synthetic,
  };
}
