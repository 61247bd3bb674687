import type { Figure, ImageSpec, Source, Table } from '../briefing/types.js';
import type { Locale } from '../locale/locales.js';
import type { LabelPlanInput } from './chart-labels.js';
import type { FigureStrings } from './types.js';

/**
 * What the Markdown parser needs to know about the briefing's facts: figures as
 * formatted once, sources, and each chart's title and the sources behind its data.
 * compose's Facts provides it; parse depends on nothing else of compose.
 */
export interface FactLookup {
  locale: Locale;
  /** Each figure with its printed forms, formatted once (charts/figure-text.ts). */
  figures: ReadonlyMap<string, { figure: Figure; text: FigureStrings }>;
  sources: ReadonlyMap<string, Source>;
  charts: ReadonlyMap<string, ChartFacts>;
  /** Tables with every cell formatted from its column, row by row in column order. */
  tables: ReadonlyMap<string, TableFacts>;
  /** The briefing's images by id, as written (alt, caption, credit, source); none when absent. */
  images?: ReadonlyMap<string, ImageSpec>;
}

export interface TableFacts {
  table: Table;
  cells: string[][];
}

export interface ChartFacts {
  title: string;
  /** Ids of the sources behind the chart's data, in order of first use. */
  sourceIds: readonly string[];
  /** The chart's values and their formatted strings, from which its data labels are chosen. */
  labelling: LabelPlanInput;
}
