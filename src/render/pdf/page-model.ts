import type { ChartDrawing } from '../../charts/drawing.js';
import { assertNever } from '../../errors.js';
import type { DecodedImage } from '../../theme/decode-image.js';
import type { LogoImage } from '../../theme/logo.js';
import type { LogoPlacement } from './logo.js';
import type { StructNode } from './structure.js';
import type { Line } from './text/line-break.js';
import type { LinkTarget } from './text/runs.js';

/*
 * The report as positioned boxes: what collect and paginate decide before the painter
 * (paint/paint-pdf.ts) runs. Plain data in points, y growing downwards from the top of
 * the page, colours as "#RRGGBB". Nothing here refers to pdfkit, so a layout can be run
 * twice, tried at another size, or asserted on in a test with a fixed measurer.
 *
 * Boxes are painted in array order (later boxes on top). A box says what it is in the
 * structure tree: content boxes name their structure node, decoration sits inside an
 * `artifact` box, and a `group` box creates its own node when it is painted (a table
 * row and its cells, an entry of the contents). A new kind of content (an image, a
 * table cell with a fill) is a new member of `Box` and a new case in the painter.
 */
export type Box =
  | TextBox
  | RectBox
  | RuleBox
  | DrawingBox
  | ImageBox
  | LogoBox
  | ArtifactBox
  | GroupBox
  | AnchorBox
  | LinkAreaBox;

/**
 * One laid-out line: its runs (`line.items`, each with its style and offset) drawn with
 * the baseline at `baseline`. Linked stretches become Link elements under `node`.
 * Without a node the line is decoration and must sit inside an artifact box.
 */
export interface TextBox {
  kind: 'text';
  x: number;
  baseline: number;
  line: Line;
  node?: StructNode;
}

/** A filled rectangle (backgrounds, bars); decoration. */
export interface RectBox {
  kind: 'rect';
  x: number;
  y: number;
  width: number;
  height: number;
  color: string;
  /**
   * Grows upwards over the gap above its flowable when the flowable does not start a
   * page, so a quote's bar bridges the space between its paragraphs.
   */
  bridgeAbove?: number;
}

/** A horizontal line from `x` to `x + width`; decoration. */
export interface RuleBox {
  kind: 'rule';
  x: number;
  y: number;
  width: number;
  lineWidth: number;
  color: string;
  /** Round dots (the contents' leaders) instead of a solid line. */
  dotted?: boolean;
}

/** A chart's recorded vector drawing, scaled into its box, as the content of `node` (a Figure). */
export interface DrawingBox {
  kind: 'drawing';
  x: number;
  y: number;
  width: number;
  height: number;
  drawing: ChartDrawing;
  node: StructNode;
}

/** A picture of the briefing (PNG, JPEG embedded; SVG drawn as vectors) filling its box, as the content of `node` (a Figure). */
export interface ImageBox {
  kind: 'image';
  x: number;
  y: number;
  width: number;
  height: number;
  image: DecodedImage;
  node: StructNode;
}

/** A theme logo at its aspect ratio inside `placement`; always decoration. */
export interface LogoBox {
  kind: 'logo';
  logo: LogoImage;
  placement: LogoPlacement;
}

/** Decoration assistive technology skips: backgrounds, rules, running headers and footers. */
export interface ArtifactBox {
  kind: 'artifact';
  type: 'Layout' | 'Pagination';
  boxes: Box[];
}

/**
 * Boxes belonging to a structure node that exists only where it is painted: the node
 * is created (under its parent) when the group is painted, even when it holds no
 * content, as an empty table cell must.
 */
export interface GroupBox {
  kind: 'group';
  node: StructNode;
  boxes: Box[];
}

/**
 * A named destination at `y` (a heading, a source entry). With `outline`, also a
 * bookmark nested by level and a page number for the contents.
 */
export interface AnchorBox {
  kind: 'anchor';
  name: string;
  y: number;
  outline?: { title: string; level: 1 | 2 | 3 };
}

/**
 * A clickable area (an entry of the contents) as the annotation of `node`, a Link
 * element that ends here. `contents` is what a screen reader announces.
 */
export interface LinkAreaBox {
  kind: 'link-area';
  x: number;
  y: number;
  width: number;
  height: number;
  target: LinkTarget;
  contents: string;
  node: StructNode;
}

/** One page's boxes, in paint order. */
export interface PageModel {
  boxes: Box[];
}

/**
 * The whole report, laid out and paginated: what `paintPdf` writes. Page order in the
 * file is cover, contents, body; structure nodes are created in reading order.
 */
export interface ReportModel {
  /** The structure tree's root (Document, with the document's language). */
  root: StructNode;
  cover: PageModel;
  /** The contents: its Sect, heading and TOC nodes (ahead of the body's) and its pages. */
  contents: { nodes: StructNode[]; pages: PageModel[] };
  /** The body's block-level nodes in reading order, and its pages. */
  body: { nodes: readonly StructNode[]; pages: PageModel[] };
  /** Running header and footer of every page after the cover, in page order. */
  furniture: PageModel[];
}

/** Figures (charts, images) and tables are numbered apart, so each keeps its own order. */
export type FloatKind = 'figure' | 'table';

/**
 * A piece of laid-out content with a known height: the unit of pagination. Its boxes
 * are positioned relative to its own top; paginate moves them onto a page.
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
  /** Placed at the top of a new page when a break falls just before this flowable. */
  repeat?: Flowable;
  /** A figure that may wait for the next page while the text after it fills this one. */
  float?: boolean;
  /** Flowables (this one first) that make up the float and wait together; default 1. */
  floatSpan?: number;
  /**
   * Height from this flowable's top that must fit in the rest of a page for the float to
   * start there (a table's caption, header and first rows); default: its own height.
   */
  floatStart?: number;
  /** Floats of one kind keep their order; another kind may pass them. Default: figure. */
  floatKind?: FloatKind;
  /** Floats never move past it (a heading: a figure stays in its section). */
  barrier?: boolean;
  /**
   * A float that may shrink, as typesetters do with flexible figures: when it cannot wait
   * (no text of its section follows) and the rest of the page holds at least `minHeight`,
   * `at(height)` gives it laid out to that height instead of leaving the space blank.
   */
  shrink?: { minHeight: number; at: (height: number) => Flowable };
  boxes: Box[];
}

/** The boxes moved down by `dy`; `atPageTop` decides whether bridging rectangles grow. */
export function moveBoxes(boxes: readonly Box[], dy: number, atPageTop: boolean): Box[] {
  return boxes.map((box) => moveBox(box, dy, atPageTop));
}

function moveBox(box: Box, dy: number, atPageTop: boolean): Box {
  switch (box.kind) {
    case 'text':
      return { ...box, baseline: box.baseline + dy };
    case 'rect': {
      const bridge = atPageTop ? 0 : (box.bridgeAbove ?? 0);
      return { ...box, y: box.y + dy - bridge, height: box.height + bridge };
    }
    case 'rule':
    case 'drawing':
    case 'image':
    case 'anchor':
    case 'link-area':
      return { ...box, y: box.y + dy };
    case 'logo':
      return { ...box, placement: { ...box.placement, y: box.placement.y + dy } };
    case 'artifact':
    case 'group':
      return { ...box, boxes: moveBoxes(box.boxes, dy, atPageTop) };
    default:
      return assertNever(box, 'box kind');
  }
}
