import type { ChartAssets } from '../../charts/types.js';
import type { Block, CitedSource, DocumentMeta } from '../../document/types.js';
import type { ImageAssets } from '../../images/types.js';
import type { ThemeLogos } from '../../theme/logo.js';
import type { Theme } from '../../theme/types.js';
import type { FontSet } from './fonts.js';
import type { PageGeometry } from './geometry.js';
import type { Flowable } from './page-model.js';
import type { StructNode, StructureBuilder } from './structure.js';
import type { Measurer } from './text/metrics.js';

export interface PdfOptions {
  pageSize: 'A4' | 'Letter';
  /** Write a PDF/A-2b file (XMP identification and an sRGB output intent). */
  pdfa?: boolean;
  /** The theme's logos: the dark one on the cover's band, the light one in the running header. */
  logos?: ThemeLogos;
  /** The briefing's images by id, decoded (pipeline: loadImageAssets). */
  images?: ImageAssets;
}

export type Pdf = PDFKit.PDFDocument;

/** Everything a block layouter may read. Created once per render; never global. */
export interface LayoutContext {
  theme: Theme;
  fonts: FontSet;
  measure: Measurer;
  page: PageGeometry;
  meta: DocumentMeta;
  sources: readonly CitedSource[];
  assets: ChartAssets;
  /** The briefing's pictures by id. */
  images: ImageAssets;
  /** Structure nodes, declared in reading order as blocks are laid out. */
  struct: StructureBuilder;
  /** Named destination of a source entry, or undefined when the entry is not rendered. */
  sourceDestination(number: number): string | undefined;
  /** Lays out nested blocks (list items, quotes) through the block dispatch table. */
  layoutBlocks(blocks: readonly Block[], frame: Frame, parent: StructNode): Flowable[];
}

/** The horizontal band a block is laid out in; nested lists and quotes narrow it. */
export interface Frame {
  x: number;
  width: number;
  /** 0 at the top level; list items add 1 so nested lists pick their own markers. */
  listDepth: number;
  /** Paragraphs inside a quote are set in italics. */
  inQuote: boolean;
  /**
   * Level of the heading the content comes under: 1 before the first section (the
   * cover's title is the document's H1), so a titled callout is one level below it.
   */
  headingLevel: number;
}
