import type { ChartAssets } from '../../charts/types.js';
import type { Block, CitedSource, DocumentMeta } from '../../document/types.js';
import type { ThemeLogos } from '../../theme/logo.js';
import type { Theme } from '../../theme/types.js';
import type { FontSet } from './fonts.js';
import type { PageGeometry } from './geometry.js';
import type { Measurer } from './text/metrics.js';

export interface PdfOptions {
  pageSize: 'A4' | 'Letter';
  /** Write a PDF/A-2b file (XMP identification and an sRGB output intent). */
  pdfa?: boolean;
  /** The theme's logos: the dark one on the cover's band, the light one in the running header. */
  logos?: ThemeLogos;
}

export type Pdf = PDFKit.PDFDocument;
export type StructElement = PDFKit.PDFStructureElement;

/** Where a heading landed: filled while the body is drawn, read by the table of contents. */
export interface HeadingPlacement {
  anchor: string;
  level: 1 | 2 | 3;
  title: string;
  /** 1-based page number, counting the cover as page 1. */
  page: number;
}

/** Everything a block renderer may read. Created once per render; never global. */
export interface LayoutContext {
  pdf: Pdf;
  theme: Theme;
  fonts: FontSet;
  measure: Measurer;
  page: PageGeometry;
  meta: DocumentMeta;
  sources: readonly CitedSource[];
  assets: ChartAssets;
  /** Named destination of a source entry, or undefined when the entry is not rendered. */
  sourceDestination(number: number): string | undefined;
  /** Called by heading flowables when they are drawn. */
  placeHeading(placement: HeadingPlacement, y: number): void;
  /** Lays out nested blocks (list items, quotes) through the block dispatch table. */
  layoutBlocks(blocks: readonly Block[], frame: Frame, parent: StructElement): Flowable[];
}

/** The horizontal band a block is laid out in; nested lists and quotes narrow it. */
export interface Frame {
  x: number;
  width: number;
  /** 0 at the top level; list items add 1 so nested lists pick their own markers. */
  listDepth: number;
  /** Paragraphs inside a quote are set in italics. */
  inQuote: boolean;
}

export interface DrawState {
  /** 0-based index of the page being drawn on. */
  pageIndex: number;
  /** True when this flowable is the first thing on its page (its spaceBefore was dropped). */
  atPageTop: boolean;
}

/**
 * A piece of laid-out content with a known height: the unit of pagination.
 * Block renderers measure everything up front, so page breaks, keep-with-next
 * chains and repeated table headers are decided before anything is drawn.
 */
export interface Flowable {
  /** Height taken on the page, not counting spaceBefore. */
  height: number;
  /** Gap above; dropped when the flowable starts a page. */
  spaceBefore: number;
  /** Must share a page with the next flowable (headings, first and penultimate lines). */
  keepWithNext: boolean;
  /** Distance from the top to the first baseline, so list markers can align with it. */
  firstBaseline?: number;
  /** Drawn at the top of a new page when a break falls just before this flowable. */
  repeat?: Flowable;
  draw(y: number, state: DrawState): void;
}
