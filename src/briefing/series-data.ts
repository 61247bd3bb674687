import type { ChartSpec, Series } from './types.js';

/** The measures a nightly strike log can carry, in the order they are charted. */
export const measures = ['drones', 'missiles', 'regions'] as const;
export type Measure = (typeof measures)[number];

/** The measures that at least one point of the series gives. */
export function measuresOf(series: Series): Measure[] {
  return measures.filter((m) => series.points.some((p) => p[m] !== undefined));
}

/** The first point that lacks a measure other points give, to report a gap. */
export function firstGap(series: Series, measure: Measure): number | undefined {
  const index = series.points.findIndex((p) => p[measure] === undefined);
  return index === -1 ? undefined : index;
}

/** The chart format a figure's unit implies: counts, percentages, or money in billions. */
export function formatForUnit(unit: string): NonNullable<ChartSpec['format']> {
  return unit === 'count' || unit === 'percent' ? unit : 'currency-billions';
}
