import type { ChartPointLabels } from './zip/chart-point-labels.js';
import type * as Pptx from './pptxgen.js';
import type { TextParagraph, RunLook } from './text/paragraph.js';
import type { Box, MasterName } from './types.js';

/**
 * The deck as positioned boxes: what collect and paginate decide, before any painter
 * runs. Plain data (inches for boxes, points for type, colours without '#'), so the
 * same layout is written by the pptxgenjs painter (paint/paint-pptx.ts) and drawn as
 * SVG by the preview (src/preview/slide-svg.ts), and tests read its numbers directly.
 */
export interface DeckModel {
  /** Document properties pptxgenjs writes into the package. */
  properties: { title: string; subject: string; author: string; company: string };
  fonts: { body: string; heading: string };
  masters: MasterModel[];
  slides: SlideModel[];
}

export interface MasterModel {
  name: MasterName;
  /** Background colour. */
  background: string;
  /** Furniture on every slide of this master, bottom to top. */
  elements: MasterElement[];
  /** Where the slide number is printed, if it is. */
  slideNumber?: SlideNumberModel;
}

export interface SlideNumberModel {
  box: Box;
  font: string;
  size: number;
  color: string;
}

export interface SlideModel {
  master: MasterName;
  /** Speaker notes (empty for none). */
  notes: string;
  /** Index of the IR slide this slide was laid out from (a "(cont.)" slide shares it). */
  source: number;
  /** 0 for the first slide of an IR slide, 1, 2… for its "(cont.)" slides. */
  continuation: number;
  /** Set when the body was set below its first choice of size to fit. */
  fit?: FitNote;
  /** Shapes in paint order, bottom to top. */
  elements: SlideElement[];
}

export type SlideElement =
  TextElement | LabelElement | ShapeElement | PictureElement | ChartElement | TableElement;

export type MasterElement = LabelElement | ShapeElement | PlaceholderElement;

/** How the fitter treated a text: what a reviewer checks with the preview's "fit" toggle. */
export interface FitNote {
  /** The text was set smaller than its first choice of size. */
  shrunk: boolean;
  /** Even the smallest size did not fit: the text was cut with an ellipsis. */
  truncated: boolean;
}

/** A text box of styled paragraphs, set exactly as measured: no insets, no autofit. */
export interface TextElement {
  kind: 'text';
  box: Box;
  paragraphs: TextParagraph[];
  look: RunLook;
  valign: 'top' | 'bottom';
  /** The master placeholder this text fills (slide titles). */
  placeholder?: string;
  fit?: FitNote;
}

/** One string in one style (the quotation mark, the footer line). */
export interface LabelElement {
  kind: 'label';
  box: Box;
  text: string;
  font: string;
  size: number;
  color: string;
  bold?: boolean;
  valign: 'top' | 'middle';
  lang?: string;
}

/** A filled rectangle without outline, or a line from the box's top left to its bottom right. */
export type ShapeElement =
  | { kind: 'shape'; shape: 'rect'; box: Box; fill: string }
  | { kind: 'shape'; shape: 'line'; box: Box; line: { color: string; width: number } };

export interface PictureElement {
  kind: 'picture';
  box: Box;
  /** The image's bytes and format ('png', 'jpeg'). */
  data: Buffer;
  format: string;
  altText: string;
  objectName: string;
  /** The chart the picture shows (image-mode charts), so a painter may draw it as vectors. */
  chartId?: string;
}

/** An editable chart: pptxgenjs's chart type, series and options, from the chart asset `chartId`. */
export interface ChartElement {
  kind: 'chart';
  box: Box;
  chartId: string;
  type: Pptx.ChartName;
  data: { name: string; labels: string[]; values: number[] }[];
  options: Pptx.ChartOptions;
  /** The chart's data labels, point by point, as the document decided them (written into its XML). */
  pointLabels: ChartPointLabels;
}

export interface TableCellModel {
  paragraph: TextParagraph;
  look: RunLook;
  fill: string;
  valign: 'top' | 'middle';
  /** Cell padding in points: top, right, bottom, left. */
  margin: [number, number, number, number];
  /** A rule under the cell. */
  bottom?: { color: string; width: number };
}

export interface TableElement {
  kind: 'table';
  box: Box;
  rows: TableCellModel[][];
  /** Column widths and row heights, inches. */
  columns: number[];
  rowHeights: number[];
  font: string;
  size: number;
}

/** The master's title box, which slides fill with their title. */
export interface PlaceholderElement {
  kind: 'placeholder';
  name: string;
  box: Box;
  font: string;
  size: number;
  color: string;
  valign: 'top' | 'middle' | 'bottom';
}
