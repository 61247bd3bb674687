import type { HeadingBlock } from '../../document/types.js';
import { plainText } from '../../document/plain-text.js';
import { metricsFor, textStyle } from './styles.js';
import type { Box, PageModel } from './page-model.js';
import type { StructNode } from './structure.js';
import type { Line } from './text/line-break.js';
import type { LineMetrics } from './text/metrics.js';
import { layoutInlines, singleLine, stackLines } from './text/text-flow.js';
import type { TextStyle } from './text/runs.js';
import type { LayoutContext } from './types.js';

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

/** What a screen reader says a contents entry links to: "Section 4: The overnight attack". */
export function sectionDescription(ctx: LayoutContext, heading: HeadingBlock): string {
  const title = plainText(heading.children).trim();
  return heading.number ? `${ctx.meta.labels.section} ${heading.number}: ${title}` : title;
}

/** The page number (1-based, the cover being 1) of every heading anchor on `pages`. */
export function headingPages(pages: readonly PageModel[], firstPageNumber: number): Map<string, number> {
  const found = new Map<string, number>();
  const visit = (boxes: readonly Box[], page: number): void =>
    boxes.forEach((box) => {
      if (box.kind === 'anchor' && box.outline) found.set(box.name, page);
      if (box.kind === 'artifact' || box.kind === 'group') visit(box.boxes, page);
    });
  pages.forEach((page, index) => visit(page.boxes, firstPageNumber + index));
  return found;
}

/** The contents' structure: a Sect holding its heading, then the TOC, in reading order. */
export interface TocNodes {
  sect: StructNode;
  heading: StructNode;
  toc: StructNode;
}

/** The reserved pages' boxes, once every heading's page is known. */
export function layoutTocPages(
  ctx: LayoutContext,
  toc: TocLayout,
  pageNumbers: ReadonlyMap<string, number>,
  nodes: TocNodes,
): PageModel[] {
  const { page, theme } = ctx;
  if (toc.pageCount === 0) return [];
  const pages: PageModel[] = Array.from({ length: toc.pageCount }, () => ({ boxes: [] }));
  pages[0]!.boxes.push(...stackLines(toc.titleLines, page.left, page.top, toc.titleMetrics, nodes.heading));
  for (const item of toc.items) {
    const pageNumber = String(pageNumbers.get(item.heading.anchor) ?? '');
    const entry = ctx.struct.local(nodes.toc, 'TOCI');
    const link = ctx.struct.local(entry, 'Link');
    const numberStyle = {
      ...item.style,
      color: item.heading.level === 3 ? theme.colors.muted : theme.colors.accent,
    };
    const firstBaseline = item.y + item.metrics.baseline;
    const boxes: Box[] = [];
    if (item.heading.number) {
      boxes.push({
        kind: 'text',
        x: item.numberX,
        baseline: firstBaseline,
        line: singleLine(ctx, item.heading.number, numberStyle),
        node: link,
      });
    }
    boxes.push(...stackLines(item.lines, item.titleX, item.y, item.metrics, link));
    const lastBaseline = firstBaseline + (item.lines.length - 1) * item.metrics.lineHeight;
    const pageLine = singleLine(ctx, pageNumber, item.style);
    const lastWidth = item.lines.at(-1)?.width ?? 0;
    const from = item.titleX + lastWidth + 6;
    const to = page.right - pageLine.width - 6;
    const leader: Box[] =
      to - from > 6
        ? [
            {
              kind: 'rule',
              x: from,
              y: lastBaseline,
              width: to - from,
              lineWidth: 0.9,
              color: theme.colors.rule,
              dotted: true,
            },
          ]
        : [];
    boxes.push(
      { kind: 'artifact', type: 'Layout', boxes: leader },
      { kind: 'text', x: page.right - pageLine.width, baseline: lastBaseline, line: pageLine, node: link },
      {
        kind: 'link-area',
        x: item.numberX,
        y: item.y,
        width: page.right - item.numberX,
        height: item.lines.length * item.metrics.lineHeight,
        target: { kind: 'destination', name: item.heading.anchor },
        contents: sectionDescription(ctx, item.heading),
        node: link,
      },
    );
    pages[item.pageOffset]!.boxes.push({
      kind: 'group',
      node: entry,
      boxes: [{ kind: 'group', node: link, boxes }],
    });
  }
  return pages;
}
