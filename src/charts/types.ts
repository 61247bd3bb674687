import type { Scale } from '../locale/values.js';
import type { ChartType } from '../briefing/types.js';
import type { ChartDrawing } from './drawing.js';
import type { DataLabel } from '../document/types.js';
import type { TimeScale } from './time-axis.js';
import type { ValueAxis } from './value-axis.js';

/**
 * A chart with every id resolved and every value formatted: what both renderers draw,
 * with the data labels the document chose from `valueLabels` and `stackTotals` (see
 * LabelledChart). Built once from the briefing's chart spec; the PDF's vector chart and
 * the deck's native chart are two drawings of this one value.
 */
export interface ResolvedChart {
  id: string;
  type: ChartType;
  title: string;
  subtitle?: string;
  /** Category labels along the category axis (figure labels, or dates for series). */
  categories: string[];
  /**
   * Set when a long span of time places the categories by date rather than one slot
   * each: their positions, the axis range and its year ticks (time-axis.ts). Column and
   * line charts only; a horizontal bar or doughnut keeps one slot per category.
   */
  timeScale?: TimeScale;
  /**
   * Set when the categories are periods of time on a category axis: only every
   * `categoryLabelStep`-th is labelled (from the first), so labels never touch; both
   * outputs show the same ones (the deck as c:tickLblSkip). Names of figures are never skipped.
   */
  categoryLabelStep?: number;
  datasets: {
    label: string;
    /** In base units; null is an empty cell, drawn as a gap (no bar, a break in the line). */
    values: (number | null)[];
    /** Formatted like the text of the report: "420", "$800 billion", "20%". */
    valueLabels: string[];
    /** One colour per dataset; one per category for a doughnut or a bar chart given `colors`. */
    colors: string[];
  }[];
  /** The values' unit: count, percent, a currency code, a CLDR unit or unit text ('' for none). */
  unit: string;
  /** One scale for the axis, or each value its own (see chart-format.ts). */
  axisScale: Scale | 'per-value';
  /** Digits after the decimal point the data asks for. */
  decimals?: number;
  /** The value axis range, in base units, when the spec fixes it. */
  yMin?: number;
  yMax?: number;
  /**
   * The value axis both outputs draw (not for a doughnut): range and step in plotted
   * units, the digits its ticks print, and the Excel format that prints the same tick
   * strings in the deck (value-axis.ts).
   */
  valueAxis?: ValueAxis & { numberFormat: string };
  /**
   * Set when a native deck chart cannot draw the chart as the PDF does: an area with an
   * empty cell (PowerPoint and LibreOffice draw a blank of an area chart as zero, whatever
   * dispBlanksAs says). The deck then places the PDF's drawing as a picture (with the alt text).
   */
  deckImage?: true;
  /** Excel-style number format for native deck charts, e.g. '"$"#,##0" bn"'. */
  numberFormat: string;
  /** The same for data labels, with the scale word as the report prints it: '"$"#,##0" billion"'. */
  dataLabelFormat: string;
  /** Values are divided by this before plotting (1e9 for an axis in billions). */
  divisor: number;
  xTitle?: string;
  yTitle?: string;
  dataLabels: boolean;
  /** Each category's stack total, formatted like the values (stacked charts only; else empty). */
  stackTotals: string[];
  /**
   * The natural box's size and the data-label size, in points: what the document's label
   * policy (document/chart-labels.ts) needs to judge whether labels fit.
   */
  labelRoom: { width: number; height: number; labelSize: number };
  /** Alt text: given in the spec or generated from the data. */
  alt: string;
  /** "Source: Reuters; The Associated Press". */
  sourceLine: string;
  /** Ids of the sources behind the chart, in order of first use. */
  sourceIds: string[];
  /** True when any series is synthetic test data; shown on the chart. */
  synthetic: boolean;
}

/**
 * A resolved chart with the data labels the document chose for it (ChartBlock.dataLabels):
 * what a drawing draws. The charts stage never chooses labels itself.
 */
export interface LabelledChart extends ResolvedChart {
  labels: readonly DataLabel[];
}

export interface ChartAsset {
  chart: ResolvedChart;
  /** Vector drawing for the PDF (chart.js on a recording canvas context); absent when no PDF is built. */
  drawing?: ChartDrawing;
  /** Raster drawing for image mode in the deck (2x or more); absent when not asked for. */
  png?: Buffer;
  /** Size in points of the drawing's natural box; renderers scale to fit. */
  width: number;
  height: number;
}

export type ChartAssets = ReadonlyMap<string, ChartAsset>;
