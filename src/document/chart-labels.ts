import type { ChartType } from '../briefing/types.js';
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
/** Doughnut slices smaller than this share have no room for a label; the legend gives the value. */
const minLabelledShare = 0.06;
/** Average glyph width as a share of the font size, for estimating a label's width. */
const glyphWidth = 0.56;

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
  room: { width: number; labelSize: number };
}

/**
 * The data-label policy for both outputs:
 * - columns (bar, grouped-bar): every column, when each label fits over its column;
 *   otherwise none, so a crowded chart does not label some columns only;
 * - horizontal bars: every bar, up to `maxLabelledBars`;
 * - stacked columns: the total of each stack (the number a reader looks for);
 * - lines: every point of one short line; otherwise the last point of each line;
 * - doughnuts: every slice big enough to hold its label.
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
      if (marks > maxLabelledBars) return [];
      // The plot is the box less the value axis; each column gets its share of it.
      const slot = ((size.width - 60) / Math.max(1, marks)) * 0.9;
      const widest = Math.max(0, ...all().map((label) => estimateWidth(label.text, size.labelSize)));
      return widest <= slot + 8 ? all() : [];
    }
    case 'horizontal-bar':
      return marks > maxLabelledBars ? [] : all();
    case 'stacked-bar': {
      if (chart.datasets.length < 2) return marks > maxLabelledBars ? [] : all();
      const top = chart.datasets.length - 1;
      return chart.categories.map((_, index) => ({
        dataset: top,
        index,
        text: chart.stackTotals[index] ?? '',
        total: true,
      }));
    }
    case 'line':
    case 'area': {
      const every = chart.datasets.length === 1 && chart.categories.length <= maxLabelledPoints;
      if (every) return all();
      const last = chart.categories.length - 1;
      return all().filter((label) => label.index === last);
    }
    case 'doughnut': {
      const values = chart.datasets[0]?.values ?? [];
      const sum = values.reduce<number>((a, b) => a + Math.abs(b ?? 0), 0);
      return all().filter((label) => sum > 0 && Math.abs(values[label.index] ?? 0) / sum >= minLabelledShare);
    }
  }
}

/** Whether a line chart labels every point (else the end of each line). */
export function labelsEveryPoint(labels: readonly DataLabel[], categories: number): boolean {
  return categories > 0 && labels.some((label) => label.index < categories - 1);
}

function estimateWidth(text: string, size: number): number {
  return [...text].length * size * glyphWidth;
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
