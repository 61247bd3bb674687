import type { z } from 'zod';
import type {
  briefingSchema,
  chartSchema,
  figureSchema,
  personSchema,
  sectionSchema,
  seriesSchema,
  sourceSchema,
  tableSchema,
  columnSchema,
  rowSchema,
  imageSchema,
} from './schema.js';

/** A briefing after validation: defaults filled in, every id resolved. */
export type Briefing = z.output<typeof briefingSchema>;
export type Source = z.output<typeof sourceSchema>;
export type Figure = z.output<typeof figureSchema>;
export type Series = z.output<typeof seriesSchema>;
export type ChartSpec = z.output<typeof chartSchema>;
export type Person = z.output<typeof personSchema>;
export type Section = z.output<typeof sectionSchema>;
export type ChartType = ChartSpec['type'];
export type Table = z.output<typeof tableSchema>;
export type Column = z.output<typeof columnSchema>;
export type Row = z.output<typeof rowSchema>;
export type ImageSpec = z.output<typeof imageSchema>;

/** Where each value of the data file sits, to point errors at a line. */
export interface SourceMap {
  file: string;
  /** Line and column (1-based) of the value at a data path, or undefined. */
  locate(path: readonly (string | number)[]): { line: number; column: number } | undefined;
  /**
   * Line and column of the key that ends the path (`x` of `x:`), for problems about the key
   * itself: an unknown field whose value is a mapping starts a line below its key.
   */
  locateKey?(path: readonly (string | number)[]): { line: number; column: number } | undefined;
}

export interface LoadedBriefing {
  file: string;
  /** The parsed value, not yet validated. */
  raw: unknown;
  sourceMap: SourceMap;
  /** Bytes of the file, for the manifest hash. */
  bytes: Buffer;
}
