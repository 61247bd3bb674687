import type { FontSet } from '../fonts.js';
import type { Line, LineItem } from '../text/line-break.js';
import { ASCENT, DESCENT, drawnSize, rise } from '../text/metrics.js';
import type { LinkTarget } from '../text/runs.js';
import type { Pdf } from '../types.js';
import { drawTextLine, setFillColor } from '../../../vendor/pdfkit.js';
import { drawTagged } from './tagging.js';

type StructElement = PDFKit.PDFStructureElement;

/** What painting text needs: the document, the theme's fonts and their x-heights. */
export interface TextPainter {
  pdf: Pdf;
  fonts: FontSet;
  /** The x-height of the font file at `path`, as a fraction of the font size. */
  xHeight(path: string): number;
}

/**
 * Paints one laid-out line with its baseline at `baseline`. Plain pieces are marked
 * as content of `parent` (marked `tag`, its role); each linked stretch becomes a Link element holding its text
 * and its annotation, ended at once so pdfkit records the annotation's own page.
 * Without a parent the line is painted unmarked, inside an artifact its box sits in.
 */
export function paintLine(
  painter: TextPainter,
  line: Line,
  x: number,
  baseline: number,
  parent: StructElement | undefined,
  tag: string,
): void {
  const { pdf, fonts } = painter;
  if (!parent) {
    line.items.forEach((item) => paintItem(pdf, fonts, item, x, baseline));
    return;
  }
  for (const group of groupByLink(line.items)) {
    const link = group[0]?.style.link;
    if (!link) {
      drawTagged(pdf, parent, tag, () => group.forEach((item) => paintItem(pdf, fonts, item, x, baseline)));
      continue;
    }
    const element = pdf.struct('Link', {});
    parent.add(element);
    drawTagged(pdf, element, 'Link', () => group.forEach((item) => paintItem(pdf, fonts, item, x, baseline)));
    const first = group[0]!;
    const last = group.at(-1)!;
    const size = first.style.size;
    const text = group.map((item) => item.text).join('');
    // A citation is one small digit: its click target is widened, evenly on both
    // sides, to at least the x-height of the text it sits in.
    const minWidth = size * painter.xHeight(fonts.path(first.style.role, first.style.face));
    const drawnWidth = last.x + last.width - first.x;
    const width = Math.max(drawnWidth, minWidth);
    const left = x + first.x - (width - drawnWidth) / 2;
    const top = baseline - size * ASCENT;
    const height = size * (ASCENT + DESCENT);
    // pdfkit's typings lack structParent, and Contents must be a PDF string, not a name.
    const options = {
      structParent: element,
      Contents: new String(linkDescription(link, text)),
    } as unknown as PDFKit.Mixins.AnnotationOption;
    if (link.kind === 'uri') pdf.link(left, top, width, height, link.uri, options);
    else pdf.goTo(left, top, width, height, link.name, options);
    element.end();
  }
}

/** What a screen reader announces for a link: where it goes, not only its text. */
export function linkDescription(link: LinkTarget, text: string): string {
  if (link.description) return link.description;
  return link.kind === 'uri' && text.trim() !== link.uri ? `${text} (${link.uri})` : text;
}

function groupByLink(items: readonly LineItem[]): LineItem[][] {
  const groups: LineItem[][] = [];
  for (const item of items) {
    const last = groups.at(-1);
    if (last && last[0]?.style.link === item.style.link) last.push(item);
    else groups.push([item]);
  }
  return groups;
}

function paintItem(pdf: Pdf, fonts: FontSet, item: LineItem, x: number, baseline: number): void {
  const { style } = item;
  const left = x + item.x;
  pdf.font(fonts.path(style.role, style.face)).fontSize(drawnSize(style));
  setFillColor(pdf, style.color);
  drawTextLine(pdf, item.text, left, baseline - rise(style));
  if (style.underline) {
    const y = baseline + style.size * 0.12;
    pdf
      .save()
      .moveTo(left, y)
      .lineTo(left + item.width, y)
      .lineWidth(0.5)
      .strokeColor(style.color)
      .stroke()
      .restore();
  }
}
