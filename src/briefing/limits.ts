/**
 * How big a briefing may be. Each limit is far above what a real briefing needs (the
 * Geneva example is 22 KB, 6 levels deep, under 700 values) and low enough that any
 * briefing within all of them builds in seconds and a few hundred MB on a laptop:
 * the YAML parser needs about 1 KB of memory per value and rendering is linear in
 * text and charts, so bounding these bounds the whole build. The README's "Limits"
 * table (section "Bad input, limits and safety") lists them; src/build/limits.ts adds the build's time limit and memory budget.
 */
export const DATA_LIMITS = {
  /** Size of the briefing file. */
  inputBytes: 5 * 1024 * 1024,
  /** Nesting of lists and mappings (a briefing needs 6). */
  depth: 32,
  /**
   * Values in the file, counted generously before parsing (each line, comma and bracket):
   * the parser's memory grows with values, not bytes. 200,000 take it about 1.5 s and 300 MB.
   */
  values: 200_000,
  /**
   * Uses of one YAML anchor (`*name`), times the aliases inside what it names: stops
   * "billion laughs" documents, whose aliases nest to expand a few lines into gigabytes.
   */
  aliases: 1_000,
  /** Characters in one text field (summaries, points, notes). */
  textChars: 20_000,
  /** Characters in one single-line field (titles, labels, names). */
  lineChars: 500,
  /** Characters in a link (`url`) and in `$schema`. */
  urlChars: 2_000,
  /**
   * Largest magnitude of a number (a figure's value, a series point): 10^15, a
   * quadrillion, above any budget or GDP in base units. Beyond it numbers lose their
   * last digits, and charts would be scaled to values near the largest double.
   */
  valueMagnitude: 1e15,
  /** Characters of text in the whole briefing: about 500 printed pages. */
  totalTextChars: 1_000_000,
  /** Entries of each list. */
  sections: 100,
  points: 500,
  quotes: 100,
  people: 10_000,
  figures: 1_000,
  keyFigures: 24,
  series: 50,
  seriesPoints: 1_000,
  charts: 100,
  /** Charts placed in sections, all sections together: each placement is a chart drawn (and a deck part). */
  chartPlacements: 200,
  chartItems: 50,
  /** Datasets (lines, bar groups) in one chart. */
  chartDatasets: 12,
  tables: 100,
  /** Columns of one table: a page holds about 12. */
  tableColumns: 20,
  /** Rows of one table; a 10,000-row table builds in seconds. */
  tableRows: 10_000,
  sources: 1_000,
  listItems: 500,
  /** Images of a briefing (PNG, JPEG or SVG files next to it). */
  images: 100,
  /** Size of one image file: a full-page photo at print quality is 2–5 MB as JPEG. */
  imageBytes: 10 * 1024 * 1024,
  /** Size of all image files together: every one is embedded in both outputs. */
  imagesTotalBytes: 50 * 1024 * 1024,
  /**
   * Pixels of a PNG or JPEG (and of a PNG or JPEG embedded in an SVG), read from its
   * header before anything decodes it: 4096 × 4096, 64 MB once decoded.
   */
  imagePixels: 4096 * 4096,
  /** Images placed in sections, all sections together (each is a picture in the report and in the deck). */
  imagePlacements: 200,
  /** Bytes of the images placed, counted once per placement: what the outputs embed at most. */
  imagesPlacedBytes: 100 * 1024 * 1024,
} as const;

export type DataLimits = typeof DATA_LIMITS;
