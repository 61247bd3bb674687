import type { ChartType } from '../briefing/types.js';

/**
 * The value axis of a chart, decided once in the chart stage so both outputs draw the
 * same one: its range and the step between ticks, in plotted units (values divided by
 * the chart's divisor). The PDF's chart.js axis and the deck's native axis are given
 * these numbers (c:min, c:max, c:majorUnit); neither autoscales on its own, which is
 * how a percent axis came out 0–15% in the PDF and 0–12% in the deck.
 */
export interface ValueAxis {
  min: number;
  max: number;
  step: number;
  /** Digits after the decimal point every tick prints ("2.5%" and "5.0%" alike). */
  digits: number;
}

/** At most this many ticks, as the PDF's axes have always had. */
const MAX_TICKS = 6;

export interface ValueAxisInput {
  type: ChartType;
  /** Each dataset's values, plotted units; null for an empty cell. */
  datasets: readonly (readonly (number | null)[])[];
  /** The spec's range, plotted units. */
  yMin?: number;
  yMax?: number;
  /** Room after the longest bar for its label (horizontal bars with data labels), a share of the range. */
  grace?: number;
  /** Whole steps only (counts at their own scale). */
  integer?: boolean;
}

/**
 * Nice ticks in the manner of chart.js's linear scale (steps of 1, 2 or 5 times a power
 * of ten, at most MAX_TICKS): from zero (or the lowest value when below it) unless
 * `yMin` says otherwise, up to the highest value (a stack's total) unless `yMax` does.
 */
export function valueAxis(input: ValueAxisInput): ValueAxis {
  const values = plottedExtent(input);
  let low = input.yMin ?? Math.min(0, ...values);
  let high = input.yMax ?? Math.max(0, ...values);
  if (input.grace !== undefined && input.yMax === undefined) high += (high - low) * input.grace;
  if (high <= low) high = low + 1;
  let step = niceNum((high - low) / (MAX_TICKS - 1));
  if (input.integer) step = Math.max(1, Math.ceil(step));
  if (input.yMin === undefined) low = Math.floor(round(low / step)) * step;
  if (input.yMax === undefined) high = Math.ceil(round(high / step)) * step;
  return { min: round(low), max: round(high), step: round(step), digits: decimalsOf(step) };
}

/** The values the axis must show: every value, or each category's positive and negative stack. */
function plottedExtent(input: ValueAxisInput): number[] {
  if (input.type !== 'stacked-bar') {
    return input.datasets.flatMap((values) => values.filter((v): v is number => v !== null));
  }
  const count = Math.max(0, ...input.datasets.map((values) => values.length));
  return Array.from({ length: count }, (_, i) => {
    const at = input.datasets.map((values) => values[i] ?? 0);
    return [
      at.filter((v) => v > 0).reduce((a, b) => a + b, 0),
      at.filter((v) => v < 0).reduce((a, b) => a + b, 0),
    ];
  }).flat();
}

function niceNum(range: number): number {
  const power = Math.pow(10, Math.floor(Math.log10(range)));
  const fraction = range / power;
  const nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10;
  return nice * power;
}

/** Rid of float noise (0.30000000000000004). */
function round(value: number): number {
  return Math.round(value * 1e9) / 1e9;
}

function decimalsOf(step: number): number {
  const text = String(round(step));
  const dot = text.indexOf('.');
  return dot < 0 ? 0 : Math.min(3, text.length - dot - 1);
}
