/**
 * The document IR: the contract between compose/parse and the renderers.
 * Renderers read only these types (and chart assets), never the briefing.
 * Every union is discriminated on `type`; renderers dispatch through a table.
 */
import type { Labels } from '../locale/locales.js';

// The labels belong to locale/ (every stage prints them); re-exported for the IR's readers.
export type { Labels };

export type Inline =
  | { type: 'text'; text: string }
  | { type: 'strong'; children: Inline[] }
  | { type: 'emphasis'; children: Inline[] }
  | { type: 'code'; text: string }
  | { type: 'link'; href: string; children: Inline[] }
  | { type: 'break' }
  /**
   * A figure printed through the `fig` helper: its formatted text, the number of its
   * source (`citation`) and the citation marks printed right after it (`marks`: its
   * own source and any citations written just after it, deduplicated and sorted).
   */
  | { type: 'figure'; figureId: string; text: string; citation: number; marks: number[] }
  /**
   * A citation of a source: rendered as a superscript number. Adjacent citations come
   * sorted by number and without repeats (see citation-marks.ts).
   */
  | { type: 'citation'; number: number };

export interface HeadingBlock {
  type: 'heading';
  level: 1 | 2 | 3;
  /** "1", "1.2", ... for numbered headings; empty when unnumbered. */
  number: string;
  children: Inline[];
  /** Stable anchor for links and the outline. */
  anchor: string;
}
export interface ParagraphBlock {
  type: 'paragraph';
  children: Inline[];
}
export interface ListBlock {
  type: 'list';
  ordered: boolean;
  start: number;
  items: Block[][];
}
export interface QuoteBlock {
  type: 'quote';
  children: Block[];
  /** "Steve Witkoff, U.S. envoy" — from a final line that starts with an em dash. */
  attribution?: Inline[];
}
export interface TableBlock {
  type: 'table';
  header: Inline[][];
  align: ('left' | 'right' | 'center')[];
  rows: Inline[][][];
  /** Set for a table of the briefing's data (not a table written in a template). */
  data?: DataTableInfo;
}
/** What a data table prints around its rows, decided once for both outputs. */
export interface DataTableInfo {
  tableId: string;
  /** Counted in document order, apart from figures: 2 for "Table 2". */
  number: number;
  /** "Table 2", in the document's language. */
  label: string;
  /** The caption line both outputs print above the table: "Table 2 — Record nights". */
  captionText: string;
  /** Printed under the table: "Source: AP [3]". */
  sourceLine: SourceLine;
  /** The table's note, printed after its source line. */
  note?: string;
}
/**
 * A source line as printed under a chart, on a key figure or at the foot of a slide:
 * "Sources: Reuters [1]; AP [2]". Where it must be shortened to fit, only the names
 * are cut ("Source: World Bank, Gover… [3]"): see shortenSourceLine in source-lines.ts.
 */
export interface SourceLine {
  /** The whole line, as printed where it fits. */
  text: string;
  /** "Source" or "Sources", as the locale says it. */
  label: string;
  /** One entry per cited source, in number order. */
  entries: { number: number; name: string }[];
}

/**
 * One data label of a chart, decided once (chart-labels.ts): the mark that carries it
 * (dataset, category index) and the exact text it prints. The PDF's drawing and the
 * deck's native chart (as a literal number format per point) both print these.
 */
export interface DataLabel {
  dataset: number;
  index: number;
  text: string;
  /** The sum of a stacked column, carried by its top segment. */
  total: boolean;
}

export interface ChartBlock {
  type: 'chart';
  chartId: string;
  /** Counted in document order: 2 for "Figure 2". */
  number: number;
  /** "Figure 2", in the document's language. */
  label: string;
  /** The caption's words: the template's caption, else the chart's title. */
  caption: string;
  /** The caption line both outputs print: "Figure 2 — Overnight strikes". */
  captionText: string;
  /** The sources behind the chart's data, with the numbers they have everywhere. */
  sourceLine: SourceLine;
  /** Citation numbers of the chart's sources, sorted. */
  citations: number[];
  /**
   * The data labels both outputs print, mark by mark; a mark not listed has none. Empty
   * when the chart has no data labels or no room for them.
   */
  dataLabels: DataLabel[];
}
/**
 * A picture of the briefing (`images:`), numbered with the charts ("Figure 3"): what
 * both outputs print around it is decided here; the renderers only place it.
 */
export interface ImageBlock {
  type: 'image';
  imageId: string;
  /** Counted in document order with the charts: 3 for "Figure 3". */
  number: number;
  /** "Figure 3", in the document's language. */
  label: string;
  /** The caption's words: the template's caption, else the image's `caption`. */
  caption: string;
  /** The caption line both outputs print: "Figure 3 — Venue map". */
  captionText: string;
  /** What the picture shows, for readers who cannot see it (PDF /Alt, the deck picture's descr). */
  alt: string;
  /** The image's credit as written ("Photo: Jane Doe / Reuters"), when it has one. */
  credit?: string;
  /** "Source: AP [3]" for an image with a `source`; empty text and no entries without one. */
  sourceLine: SourceLine;
  /** The line printed under the picture: its credit and its source line, "Photo: … · Source: AP [3]"; may be empty. */
  footText: string;
  /** Citation numbers of the image's source, sorted (none without a source). */
  citations: number[];
}
export interface KeyFigure {
  figureId: string;
  /** The number as printed large: "420", "$800 billion". */
  value: string;
  /** The qualifier and noun around it: "about", "drones". */
  prefix: string;
  suffix: string;
  label: string;
  /** Full formatted text, identical to the `fig` helper's output: "about $800 billion". */
  text: string;
  citation: number;
  /** "Reuters", or "TASS (via Reuters)". */
  sourceLabel: string;
  /** "Source: Reuters [3]": printed under the figure in both outputs. */
  sourceLine: SourceLine;
}
export interface KeyFiguresBlock {
  type: 'key-figures';
  items: KeyFigure[];
}
export interface SourcesBlock {
  type: 'sources';
}
export interface RuleBlock {
  type: 'rule';
}

export type Block =
  | HeadingBlock
  | ParagraphBlock
  | ListBlock
  | QuoteBlock
  | TableBlock
  | ChartBlock
  | ImageBlock
  | KeyFiguresBlock
  | SourcesBlock
  | RuleBlock;

/** A piece of a source entry's final wording, with the emphasis and link it prints with. */
export interface SourceEntryRun {
  text: string;
  strong?: boolean;
  emphasis?: boolean;
  /** A safe (http, https, mailto) link target. */
  href?: string;
}

export interface CitedSource {
  number: number;
  id: string;
  publisher: string;
  /** "Reuters", or "TASS (via Reuters)": how source lines name it. */
  label: string;
  /** The full entry, URL printed: "Publisher (via X). Title. Date. Note. https://…" (the report). */
  entry: SourceEntryRun[];
  /** The short entry, "Publisher. Title. Date.", linked to the URL instead of printing it (the deck). */
  brief: SourceEntryRun[];
  title?: string;
  /** Formatted for the locale. */
  date?: string;
  url?: string;
  /** "as cited by Reuters". */
  via?: string;
  note?: string;
}

/**
 * A figure's printed forms, formatted once for the document's locale (charts/figure-text.ts):
 * one string for each place a figure is printed. Compose (the `fig` helper), key figures and
 * charts of figures read these, so the same figure never prints two ways.
 */
export interface FigureStrings {
  /** In running text: "about $800 billion", "420 drones". */
  inline: string;
  /** As a key figure: the number printed large ("$800 billion") and the words around it. */
  keyFigure: { prefix: string; value: string; suffix: string };
  /** As a chart's data label: the amount plotted, "$800 billion" (a range's upper end). */
  dataLabel: string;
  /** On a chart's value axis, in the short form: "$800 bn". */
  axis: string;
}

/** A figure as the documents print it: its strings and the number of its source. */
export interface FigureText extends FigureStrings {
  figureId: string;
  /** The number of its source: the same in text, key figures, charts and both Sources lists. */
  citation: number;
}

export interface DocumentMeta {
  title: string;
  shortTitle: string;
  subtitle?: string;
  /** Formatted for the locale: "26 February 2026". */
  dateText: string;
  /** ISO date the briefing is about. */
  date: string;
  place?: string;
  audience?: string;
  organisation?: string;
  author?: string;
  keywords: string[];
  /** BCP 47 language tag: "en", "uk". */
  lang: string;
  labels: Labels;
  /** The build date, used for PDF and PPTX metadata (never the clock in a renderer). */
  buildDate: Date;
}

export interface ReportDoc {
  meta: DocumentMeta;
  blocks: Block[];
  /**
   * Every source cited anywhere (report or deck), in number order from 1: the report
   * and the deck list the same sources under the same numbers.
   */
  sources: CitedSource[];
  /** Every figure printed in text or as a key figure (report or deck), in order of first use. */
  figures: FigureText[];
}

export type SlideLayout =
  'title' | 'section' | 'content' | 'chart' | 'key-figures' | 'two-column' | 'quote' | 'sources';

export interface Slide {
  layout: SlideLayout;
  title: Inline[];
  /** Body blocks in order (paragraphs, lists, charts, images, key figures, quotes, tables). */
  blocks: Block[];
  /** Speaker notes, plain text paragraphs. */
  notes: string[];
  /** Citation numbers used on the slide (text, figures, key figures, charts), sorted. */
  citations: number[];
}

export interface DeckDoc {
  meta: DocumentMeta;
  slides: Slide[];
  /** The same list as the report's: every source cited anywhere, by number. */
  sources: CitedSource[];
  /** The same list as the report's: every figure printed in either document. */
  figures: FigureText[];
}
