import type { HeadingBlock } from '../../document/types.js';
import { headingTitle } from './blocks/heading.js';
import { metricsFor, textStyle } from './styles.js';
import { addStruct, drawArtifact } from './tagging.js';
import { drawLine } from './text/draw-line.js';
import type { Line } from './text/line-break.js';
import type { LineMetrics } from './text/metrics.js';
import { layoutInlines } from './text/text-flow.js';
import type { TextStyle } from './text/runs.js';
import type { HeadingPlacement, LayoutContext, StructElement } from './types.js';

interface TocItem {
  heading: HeadingBlock;
  /** Page of the contents (0-based within the reserved pages) and top of the entry. */
  pageOffset: number;
  y: number;
  numberX: number;
  titleX: number;
  lines: Line[];
  style: TextStyle;
  metrics: LineMetrics;
}

export interface TocLayout {
  pageCount: number;
  titleLines: Line[];
  titleMetrics: LineMetrics;
  items: TocItem[];
}

const PAGE_COLUMN = 34;
const TITLE_SPACE = 30;

/**
 * Lays the contents out before the body, so its pages can be reserved: entries do
 * not depend on page numbers (the number column has a fixed width), only on titles.
 */
export function layoutToc(ctx: LayoutContext, headings: readonly HeadingBlock[]): TocLayout {
  const { theme, page } = ctx;
  const titleStyle = textStyle(ctx, {
    role: 'heading',
    face: 'bold',
    size: theme.sizes.h1,
    color: theme.colors.primary,
  });
  const titleLines = layoutInlines(
    ctx,
    [{ type: 'text', text: ctx.meta.labels.contents }],
    titleStyle,
    page.contentWidth,
  );
  const titleMetrics = metricsFor(ctx, titleStyle.size, 0.6);
  const styles: Record<1 | 2 | 3, TextStyle> = {
    1: textStyle(ctx, { role: 'heading', face: 'bold' }),
    2: textStyle(ctx),
    3: textStyle(ctx, { size: theme.sizes.small + 0.5, color: theme.colors.muted }),
  };
  const columns = [1, 2, 3].map((level) =>
    Math.max(
      0,
      ...headings
        .filter((h) => h.level === level && h.number)
        .map((h) => ctx.measure.width(styles[h.level], h.number) + 9),
    ),
  );
  const items: TocItem[] = [];
  let pageOffset = 0;
  let y = page.top + titleLines.length * titleMetrics.lineHeight + TITLE_SPACE;
  for (const heading of headings) {
    const style = styles[heading.level];
    const metrics = metricsFor(ctx, style.size);
    const numberX = page.left + columns.slice(0, heading.level - 1).reduce((a, b) => a + b, 0);
    const titleX = numberX + (columns[heading.level - 1] ?? 0);
    const lines = layoutInlines(ctx, heading.children, style, page.right - PAGE_COLUMN - 12 - titleX);
    const before = heading.level === 1 ? 10 : 3;
    const height = lines.length * metrics.lineHeight;
    if (y + before + height > page.bottom) {
      pageOffset += 1;
      y = page.top;
    } else {
      y += before;
    }
    items.push({ heading, pageOffset, y, numberX, titleX, lines, style, metrics });
    y += height;
  }
  return { pageCount: headings.length > 0 ? pageOffset + 1 : 0, titleLines, titleMetrics, items };
}

/** Fills the reserved pages once every heading's page is known. */
export function drawToc(
  ctx: LayoutContext,
  toc: TocLayout,
  firstPageIndex: number,
  placements: ReadonlyMap<string, HeadingPlacement>,
  titleParent: StructElement,
  tocElement: StructElement,
): void {
  const { pdf, page, theme } = ctx;
  if (toc.pageCount === 0) return;
  pdf.switchToPage(firstPageIndex);
  const title = addStruct(pdf, titleParent, 'P');
  toc.titleLines.forEach((line, index) => {
    drawLine(
      ctx,
      line,
      page.left,
      page.top + index * toc.titleMetrics.lineHeight + toc.titleMetrics.baseline,
      title,
      'P',
    );
  });
  let currentOffset = 0;
  for (const item of toc.items) {
    if (item.pageOffset !== currentOffset) {
      currentOffset = item.pageOffset;
      pdf.switchToPage(firstPageIndex + currentOffset);
    }
    const pageNumber = String(placements.get(item.heading.anchor)?.page ?? '');
    const entry = addStruct(pdf, tocElement, 'TOCI');
    const link = addStruct(pdf, entry, 'Link');
    const numberStyle = {
      ...item.style,
      color: item.heading.level === 3 ? theme.colors.muted : theme.colors.accent,
    };
    const firstBaseline = item.y + item.metrics.baseline;
    const single = (text: string, style: TextStyle, x: number, baseline: number): void => {
      const width = ctx.measure.width(style, text);
      drawLine(ctx, { items: [{ text, style, x: 0, width }], width }, x, baseline, link, 'Link');
    };
    if (item.heading.number) single(item.heading.number, numberStyle, item.numberX, firstBaseline);
    item.lines.forEach((line, index) => {
      drawLine(ctx, line, item.titleX, firstBaseline + index * item.metrics.lineHeight, link, 'Link');
    });
    const lastBaseline = firstBaseline + (item.lines.length - 1) * item.metrics.lineHeight;
    const pageWidth = ctx.measure.width(item.style, pageNumber);
    const lastWidth = item.lines.at(-1)?.width ?? 0;
    drawArtifact(pdf, () => {
      const from = item.titleX + lastWidth + 6;
      const to = page.right - pageWidth - 6;
      if (to - from > 6) {
        pdf
          .save()
          .moveTo(from, lastBaseline)
          .lineTo(to, lastBaseline)
          .lineWidth(0.9)
          .lineCap('round')
          .dash(0.01, { space: 3.2 })
          .strokeColor(theme.colors.rule)
          .stroke()
          .restore();
      }
    });
    single(pageNumber, item.style, page.right - pageWidth, lastBaseline);
    const height = item.lines.length * item.metrics.lineHeight;
    const options = { structParent: link, Contents: new String(headingTitle(item.heading)) };
    pdf.goTo(
      item.numberX,
      item.y,
      page.right - item.numberX,
      height,
      item.heading.anchor,
      options as unknown as PDFKit.Mixins.AnnotationOption,
    );
    link.end();
  }
}
