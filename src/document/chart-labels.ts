import type { ChartType } from '../briefing/types.js';
import { doughnutLegend, slicesHoldingLabels } from './doughnut-labels.js';
import { estimateLabelWidth } from './label-width.js';
import type { Block, DataLabel } from './types.js';

/**
 * The data-label policy, decided once per chart by the document stage: the labels go
 * into the chart's IR block (`ChartBlock.dataLabels`), and the PDF's drawing and the
 * deck's native chart print exactly those. The texts are the chart's own formatted
 * strings (the report's string for each value, and each stack's total); this module
 * only chooses which marks carry one.
 */

/** Lines with more points than this are labelled at the last point of each series only. */
export const maxLabelledPoints = 12;
/** Columns and bars with more marks than this leave their values to the axis. */
export const maxLabelledBars = 24;

/** What the policy reads of a resolved chart (see ChartFacts in fact-lookup.ts). */
export interface LabelPlanInput {
  type: ChartType;
  categories: readonly string[];
  /** null: an empty cell, which has no mark and so no label. */
  datasets: readonly { values: readonly (number | null)[]; valueLabels: readonly string[] }[];
  /** Each category's stack total, formatted like the values: a stacked chart labels these. */
  stackTotals: readonly string[];
  dataLabels: boolean;
  /** Width of the chart's natural box and the label size, in points, to judge whether labels fit. */
  room: { width: number; height: number; labelSize: number };
}

/**
 * The data-label policy for both outputs:
 * - columns of one series: every column whose label fits at the column width and the
 *   label size; when they crowd, every Nth column (counted back from the last);
 * - grouped columns: every column when each label fits over its column and there are
 *   at most `maxLabelledBars`; otherwise none, so no series is labelled at some groups only;
 * - horizontal bars: every bar, up to `maxLabelledBars`;
 * - stacked columns: the total of each stack (the number a reader looks for), every Nth
 *   stack when the totals would touch;
 * - lines: every point of one short line; otherwise the last point of each line (its
 *   last non-empty one);
 * - doughnuts: every slice whose label fits on the ring (doughnut-labels.ts); the legend
 *   gives every slice's value, so a label that does not fit is still read there.
 */
export function planDataLabels(chart: LabelPlanInput): DataLabel[] {
  const size = chart.room;
  if (!chart.dataLabels) return [];
  const all = (): DataLabel[] =>
    chart.datasets.flatMap((d, dataset) =>
      d.valueLabels.flatMap((text, index) => (text === '' ? [] : [{ dataset, index, text, total: false }])),
    );
  const marks = chart.categories.length * chart.datasets.length;
  switch (chart.type) {
    case 'bar':
    case 'grouped-bar': {
      // Side by side columns of several series: all or none (every Nth group would hide
      // some series' values at random); one series: every Nth column when they crowd.
      const labels = all();
      if (chart.datasets.length > 1) {
        const fits = everyNth(labels, marks, size, 1) === 1;
        return marks <= maxLabelledBars && fits ? labels : [];
      }
      return thinned(labels, chart.categories.length, size, 1);
    }
    case 'horizontal-bar':
      return marks > maxLabelledBars ? [] : all();
    case 'stacked-bar': {
      if (chart.datasets.length < 2) return thinned(all(), chart.categories.length, size, 1);
      const top = chart.datasets.length - 1;
      const totals = chart.categories.flatMap((_, index) => {
        const text = chart.stackTotals[index] ?? '';
        return text === '' ? [] : [{ dataset: top, index, text, total: true }];
      });
      // Totals are bold, a little wider than the plain labels.
      return thinned(totals, chart.categories.length, size, boldWidth);
    }
    case 'line':
    case 'area': {
      const every = chart.datasets.length === 1 && chart.categories.length <= maxLabelledPoints;
      if (every) return all();
      // Each line's own last point: a series that stops early (empty cells after it) is
      // labelled where it ends, not at a category where it has no mark.
      return chart.datasets.flatMap((d, dataset) => {
        const index = d.valueLabels.findLastIndex((text, i) => text !== '' && d.values[i] !== null);
        return index < 0 ? [] : [{ dataset, index, text: d.valueLabels[index]!, total: false }];
      });
    }
    case 'doughnut': {
      const d = chart.datasets[0];
      if (!d) return [];
      const legend = doughnutLegend(chart.categories, d.valueLabels);
      const fits = slicesHoldingLabels(d.values, d.valueLabels, legend, size);
      return all().filter((label) => label.dataset === 0 && fits[label.index] === true);
    }
  }
}

/**
 * Whether a line chart labels every point, else only the end of each line (one label
 * per series, at that series' last mark, which need not be the last category).
 */
export function labelsEveryPoint(labels: readonly DataLabel[]): boolean {
  const seen = new Set<number>();
  return labels.some((label) => seen.size === seen.add(label.dataset).size);
}

/** Bold glyphs are about this much wider than regular ones. */
const boldWidth = 1.1;
/** Space kept between two neighbouring labels, in points. */
const labelGap = 4;

/**
 * One in how many columns can carry its label without touching the next: each of the
 * `columns` gets an equal share of the plot (the box less the value axis), and a label
 * centred on its column may use its neighbours' free room, so the widest label needs
 * `n` shares. 1 when all fit.
 */
function everyNth(
  labels: readonly DataLabel[],
  columns: number,
  room: LabelPlanInput['room'],
  weight: number,
): number {
  const slot = (room.width - 60) / Math.max(1, columns);
  const widest = Math.max(
    0,
    ...labels.map((label) => estimateLabelWidth(label.text, room.labelSize) * weight),
  );
  return Math.max(1, Math.ceil((widest + labelGap) / Math.max(1, slot)));
}

/**
 * The labels of a row of columns, thinned so none collides with its neighbour: every
 * column when they fit, else every Nth counted back from the last (the latest value is
 * the one a reader looks for), so the labelled columns are evenly spaced.
 */
function thinned(
  labels: readonly DataLabel[],
  columns: number,
  room: LabelPlanInput['room'],
  weight: number,
): DataLabel[] {
  const n = everyNth(labels, columns, room, weight);
  const last = columns - 1;
  return labels.filter((label) => (last - label.index) % n === 0);
}

/**
 * Each placed chart's data labels, by chart id, for the charts stage to draw: the same
 * chart gets the same labels wherever it is placed (one policy, one input).
 */
export function dataLabelsByChart(blocks: readonly Block[]): Map<string, DataLabel[]> {
  const labels = new Map<string, DataLabel[]>();
  const visit = (block: Block): void => {
    if (block.type === 'chart') labels.set(block.chartId, block.dataLabels);
    else if (block.type === 'list') block.items.flat().forEach(visit);
    else if (block.type === 'quote') block.children.forEach(visit);
  };
  blocks.forEach(visit);
  return labels;
}
