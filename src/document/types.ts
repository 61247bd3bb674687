/**
 * The document IR: the contract between compose/parse and the renderers.
 * Renderers read only these types (and chart assets), never the briefing.
 * Every union is discriminated on `type`; renderers dispatch through a table.
 */

export type Inline =
  | { type: 'text'; text: string }
  | { type: 'strong'; children: Inline[] }
  | { type: 'emphasis'; children: Inline[] }
  | { type: 'code'; text: string }
  | { type: 'link'; href: string; children: Inline[] }
  | { type: 'break' }
  /** A figure printed through the `fig` helper: formatted text plus its citation. */
  | { type: 'figure'; figureId: string; text: string; citation: number }
  /** A citation of a source: rendered as a superscript number. */
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
  /** A table of the briefing's data: "Table 2 — Record nights", printed above it. */
  caption?: Inline[];
  /** Its source line, "Source: AP¹", printed below it. */
  source?: Inline[];
  /** Its id in the briefing, for tests and the deck's object names. */
  tableId?: string;
}
export interface ChartBlock {
  type: 'chart';
  chartId: string;
  /** "Figure 2" number, counted in document order. */
  number: number;
  caption: string;
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
  sourceLabel: string;
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
  | KeyFiguresBlock
  | SourcesBlock
  | RuleBlock;

export interface CitedSource {
  number: number;
  id: string;
  publisher: string;
  title?: string;
  /** Formatted for the locale. */
  date?: string;
  url?: string;
  /** "as cited by Reuters". */
  via?: string;
  note?: string;
}

export interface Labels {
  contents: string;
  figure: string;
  /** "Table", before a data table's number. */
  table: string;
  source: string;
  sources: string;
  /** "Page {page} of {pages}" */
  pageOf: string;
  speakerNotes: string;
  cont: string;
  keyFigures: string;
  agenda: string;
  /** Headings the built-in templates print through {{label}}. */
  summary: string;
  meeting: string;
  date: string;
  place: string;
  parties: string;
  tracks: string;
  people: string;
  name: string;
  role: string;
  side: string;
  watch: string;
  takeaways: string;
  faq: string;
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
  /** Cited sources in citation order; numbers start at 1. */
  sources: CitedSource[];
}

export type SlideLayout =
  'title' | 'section' | 'content' | 'chart' | 'key-figures' | 'two-column' | 'quote' | 'sources';

export interface Slide {
  layout: SlideLayout;
  title: Inline[];
  /** Body blocks in order (paragraphs, lists, charts, key figures, quotes, tables). */
  blocks: Block[];
  /** Speaker notes, plain text paragraphs. */
  notes: string[];
  /** Citation numbers used on the slide, for its source line. */
  citations: number[];
}

export interface DeckDoc {
  meta: DocumentMeta;
  slides: Slide[];
  sources: CitedSource[];
}
