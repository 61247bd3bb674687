import type { Scale, ScriptableScaleContext } from 'chart.js';
import type { Locale } from '../locale/locales.js';
import { formatTick } from './chart-format.js';
import { font, type ChartStyle } from './chart-style.js';
import type { TimeScale } from './time-axis.js';
import type { ResolvedChart } from './types.js';

/**
 * Axes in the manner of the FT and The Economist: no frame, quiet gridlines along
 * the value axis only, a darker line at zero, ticks written like the text.
 */
export function valueAxis(chart: ResolvedChart, style: ChartStyle, locale: Locale, title?: string) {
  const horizontal = chart.type === 'horizontal-bar';
  return {
    // A horizontal bar chart with data labels needs no value axis: each bar says its value.
    display: !(horizontal && chart.dataLabels),
    // The chart stage's axis (value-axis.ts): the deck's native chart is given the same numbers.
    beginAtZero: false,
    ...(chart.valueAxis !== undefined && { min: chart.valueAxis.min, max: chart.valueAxis.max }),
    stacked: chart.type === 'stacked-bar',
    grace: 0,
    border: { display: false },
    grid: {
      color: (ctx: ScriptableScaleContext) => (ctx.tick?.value === 0 ? style.colors.zero : style.colors.grid),
      lineWidth: (ctx: ScriptableScaleContext) => (ctx.tick?.value === 0 ? 1 : 0.75),
      drawTicks: false,
    },
    ticks: {
      color: style.colors.muted,
      font: font(style, style.sizes.tick),
      padding: 6,
      ...(chart.valueAxis !== undefined && { stepSize: chart.valueAxis.step }),
      maxTicksLimit: 12,
      callback: (value: number | string) => formatTick(Number(value), chart, locale, chart.valueAxis?.digits),
    },
    title: axisTitle(style, title),
  };
}

export function categoryAxis(chart: ResolvedChart, style: ChartStyle, title?: string) {
  const horizontal = chart.type === 'horizontal-bar';
  return {
    stacked: chart.type === 'stacked-bar',
    // Across a horizontal bar chart the value axis is hidden, so this line is the baseline.
    border: { display: horizontal, color: style.colors.zero, width: 1 },
    grid: { display: false },
    ticks: {
      color: style.colors.text,
      font: font(style, style.sizes.tick),
      padding: horizontal ? 8 : 4,
      // Names beside horizontal bars read from a common left edge, like a table.
      ...(horizontal && { crossAlign: 'far' }),
      maxRotation: 0,
      // Every figure's bar is named; periods of time are labelled every categoryLabelStep-th
      // (the chart stage's choice, which the deck shows too), never by chart.js's own skipping.
      autoSkip: false,
      ...(chart.categoryLabelStep !== undefined && {
        callback(this: Scale, value: number | string, index: number) {
          return index % chart.categoryLabelStep! === 0 ? this.getLabelForValue(Number(value)) : '';
        },
      }),
    },
    title: axisTitle(style, title),
  };
}

/**
 * Time placed by date as a linear axis of days: points at their dates, ticks at the starts
 * of days, months or years chosen for the span (time-axis.ts), as the deck's date axis shows them.
 */
export function timeAxis(chart: ResolvedChart, scale: TimeScale, style: ChartStyle, title?: string) {
  const labels = new Map(scale.ticks.map((tick) => [tick.at, tick.label]));
  return {
    type: 'linear',
    min: scale.min,
    max: scale.max,
    stacked: chart.type === 'stacked-bar',
    // Bars sit on their dates; the axis must not widen by half a bar at each end.
    offset: false,
    border: { display: false },
    grid: { display: false },
    afterBuildTicks: (axis: Scale) => {
      axis.ticks = scale.ticks.map((tick) => ({ value: tick.at }));
    },
    ticks: {
      color: style.colors.text,
      font: font(style, style.sizes.tick),
      padding: 4,
      maxRotation: 0,
      autoSkip: false,
      callback: (value: number | string) => labels.get(Number(value)) ?? '',
    },
    title: axisTitle(style, title),
  };
}

function axisTitle(style: ChartStyle, text: string | undefined) {
  return {
    display: text !== undefined,
    text: text ?? '',
    color: style.colors.muted,
    font: font(style, style.sizes.axisTitle),
    padding: { top: 6, bottom: 2 },
  };
}
