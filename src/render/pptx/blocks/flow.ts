import { assertNever } from '../../../errors.js';
import { toPoints } from '../geometry.js';
import type { TextMeasurer } from '../text/measure.js';
import { paragraphHeight, splitParagraph } from '../text/paragraph.js';
import type { Box } from '../types.js';
import type { FlowItem } from './flow-items.js';
import { splitTable, tableHeight } from './table-model.js';

/** An item placed on a page; y and h in points from the top of the page's box. */
export interface Placement {
  item: FlowItem;
  y: number;
  h: number;
}

export interface FlowPage {
  box: Box;
  /** The body size the items were built at (the preview marks pages set below the first choice). */
  bodySize: number;
  placements: Placement[];
}

export interface FlowOptions {
  /** The body box of the n-th page (the first page may be narrower, beside a chart). */
  boxFor(page: number): Box;
  /** Height range of a chart in points: it takes the space left on its page, within these. */
  chart: { min: number; max: number };
  keyFigures: { min: number; max: number };
}

/** Indent of quoted text from the accent bar at its left, in points. */
export const QUOTE_INSET = 22;
/** Space between unlike items (a paragraph and a table) in points. */
export const ITEM_GAP = 14;
const RULE_HEIGHT = 14;

/**
 * Stacks items onto as many pages as they need: text splits between lines, tables
 * between rows (header repeated), headings stay with what follows, charts, images and
 * key figures grow into the space left over. Pure: same items, same pages.
 */
export function paginateFlow(
  items: readonly FlowItem[],
  measure: TextMeasurer,
  options: FlowOptions,
  bodySize: number,
): FlowPage[] {
  const pages: FlowPage[] = [];
  const queue = [...items];
  let box = options.boxFor(0);
  let placements: Placement[] = [];
  let y = 0;

  const newPage = (): void => {
    pages.push({ box, bodySize, placements });
    box = options.boxFor(pages.length);
    placements = [];
    y = 0;
  };

  while (queue.length > 0) {
    const item = queue.shift()!;
    const width = toPoints(box.w);
    const height = toPoints(box.h);
    const previous = placements.at(-1)?.item;
    const gap = previous ? gapBetween(previous, item) : 0;
    const h = itemHeight(item, width, measure, options);
    const next = queue[0];

    // A table's source line never starts a slide alone: the table's last rows go with it.
    const tail =
      item.kind === 'table' && next?.kind === 'text' && next.paragraph.keepWithPrevious === true
        ? gapBetween(item, next) + itemHeight(next, width, measure, options)
        : 0;
    if (tail > 0 && y + gap + h <= height && y + gap + h + tail > height) {
      const parts = splitItem(item, width, height - y - gap - tail, placements.length === 0, measure);
      if (parts) {
        placements.push({ item: parts[0], y: y + gap, h: itemHeight(parts[0], width, measure, options) });
        queue.unshift(parts[1]);
        newPage();
        continue;
      }
    }
    if (y + gap + h <= height) {
      const keepWithNext = item.kind === 'text' && item.paragraph.keepWithNext === true && next !== undefined;
      const nextStart = next ? startHeight(next, width, measure, options) + gapBetween(item, next) : 0;
      if (keepWithNext && placements.length > 0 && y + gap + h + nextStart > height) {
        queue.unshift(item);
        newPage();
        continue;
      }
      placements.push({ item, y: y + gap, h });
      y += gap + h;
      continue;
    }

    const room = height - y - gap;
    const parts = splitItem(item, width, room, placements.length === 0, measure);
    if (parts) {
      placements.push({ item: parts[0], y: y + gap, h: itemHeight(parts[0], width, measure, options) });
      queue.unshift(parts[1]);
      newPage();
    } else if (placements.length === 0) {
      // Taller than a whole page and cannot be split (one huge table row): place it alone.
      placements.push({ item, y: 0, h: Math.min(h, height) });
      newPage();
    } else {
      queue.unshift(item);
      newPage();
    }
  }
  if (placements.length > 0 || pages.length === 0) pages.push({ box, bodySize, placements });
  return pages.map((page) => grow(page, options));
}

function gapBetween(a: FlowItem, b: FlowItem): number {
  if (a.kind === 'text' && b.kind === 'text' && a.variant === b.variant) return 0;
  return ITEM_GAP;
}

function textWidth(item: FlowItem & { kind: 'text' }, width: number): number {
  return item.variant === 'quote' ? width - QUOTE_INSET : width;
}

export function itemHeight(
  item: FlowItem,
  width: number,
  measure: TextMeasurer,
  options: FlowOptions,
): number {
  switch (item.kind) {
    case 'text':
      return paragraphHeight(item.paragraph, textWidth(item, width), measure);
    case 'table':
      return tableHeight(item.table, width, measure);
    case 'chart':
    case 'image':
      return options.chart.min;
    case 'key-figures':
      return options.keyFigures.min;
    case 'rule':
      return RULE_HEIGHT;
    default:
      return assertNever(item, 'flow item');
  }
}

/** The least of an item that may start a page: one line, a header and a row, a whole chart. */
function startHeight(item: FlowItem, width: number, measure: TextMeasurer, options: FlowOptions): number {
  if (item.kind === 'text' && !item.paragraph.bullet) return item.paragraph.lineHeight * 2;
  if (item.kind === 'table') {
    const first = splitTable(item.table, width, Number.POSITIVE_INFINITY, measure);
    return first ? tableHeight(first[0], width, measure) : tableHeight(item.table, width, measure);
  }
  return itemHeight(item, width, measure, options);
}

function splitItem(
  item: FlowItem,
  width: number,
  room: number,
  pageIsEmpty: boolean,
  measure: TextMeasurer,
): [FlowItem, FlowItem] | undefined {
  if (item.kind === 'text') {
    // A bullet or a source entry moves whole to the next slide; a paragraph splits when two lines fit.
    const whole = item.paragraph.bullet !== undefined || item.paragraph.keepTogether === true;
    const minimum = pageIsEmpty ? 1 : whole ? Number.POSITIVE_INFINITY : 2;
    if (room < item.paragraph.lineHeight * minimum) return undefined;
    const parts = splitParagraph(item.paragraph, textWidth(item, width), room, measure, Math.min(minimum, 2));
    return (
      parts && [
        { ...item, paragraph: parts[0] },
        { ...item, paragraph: parts[1] },
      ]
    );
  }
  if (item.kind === 'table') {
    const parts = splitTable(item.table, width, room, measure, pageIsEmpty);
    return (
      parts && [
        { kind: 'table', table: parts[0] },
        { kind: 'table', table: parts[1] },
      ]
    );
  }
  return undefined;
}

/** Gives the space left on a page to its charts and key figures, up to their maximum. */
function grow(page: FlowPage, options: FlowOptions): FlowPage {
  const height = toPoints(page.box.h);
  const used = page.placements.reduce((end, p) => Math.max(end, p.y + p.h), 0);
  const growable = page.placements.filter(
    (p) => p.item.kind === 'chart' || p.item.kind === 'image' || p.item.kind === 'key-figures',
  );
  if (growable.length === 0 || used >= height) return page;
  const share = (height - used) / growable.length;
  let shift = 0;
  const placements = page.placements.map((p) => {
    const limit =
      p.item.kind === 'chart' || p.item.kind === 'image'
        ? options.chart.max
        : p.item.kind === 'key-figures'
          ? options.keyFigures.max
          : p.h;
    const h = Math.min(limit, p.h + (growable.includes(p) ? share : 0));
    const placed = { ...p, y: p.y + shift, h };
    shift += h - p.h;
    return placed;
  });
  return { ...page, placements };
}
