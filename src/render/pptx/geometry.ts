import type { Box } from './types.js';

/**
 * The slide grid, in inches, for LAYOUT_WIDE (13.333 × 7.5 in, 16:9). Every layout
 * places its boxes on these lines, so titles, bodies and footers align across the deck.
 */
export const SLIDE_W = 13.333;
export const SLIDE_H = 7.5;
export const MARGIN_X = 0.6;
export const CONTENT_W = SLIDE_W - 2 * MARGIN_X;

/** Brand colour bar along the top edge of content slides. */
export const BRAND_BAR: Box = { x: 0, y: 0, w: SLIDE_W, h: 0.1 };

export const TITLE_BOX: Box = { x: MARGIN_X, y: 0.3, w: CONTENT_W, h: 0.98 };
/** Short accent rule under the title. */
export const TITLE_RULE: Box = { x: MARGIN_X, y: 1.42, w: 0.9, h: 0.05 };

export const BODY_BOX: Box = { x: MARGIN_X, y: 1.68, w: CONTENT_W, h: 4.72 };
/** "Sources: [1] Reuters; [2] AP" under the body. */
export const SOURCE_BOX: Box = { x: MARGIN_X, y: 6.46, w: CONTENT_W, h: 0.38 };

export const FOOTER_RULE_Y = 6.92;
export const FOOTER_TEXT: Box = { x: MARGIN_X, y: 6.98, w: CONTENT_W - 1.2, h: 0.3 };
export const SLIDE_NUMBER: Box = { x: SLIDE_W - MARGIN_X - 1.0, y: 6.98, w: 1.0, h: 0.3 };

/** Gap between stacked boxes and between columns. */
export const GAP = 0.25;
export const COLUMN_GAP = 0.45;

export const PT_PER_IN = 72;

export function toPoints(inches: number): number {
  return inches * PT_PER_IN;
}

export function toInches(points: number): number {
  return points / PT_PER_IN;
}

/** Splits a box into two columns; `ratio` is the left column's share of the width. */
export function splitColumns(box: Box, ratio: number, gap = COLUMN_GAP): [Box, Box] {
  const leftW = (box.w - gap) * ratio;
  return [
    { x: box.x, y: box.y, w: leftW, h: box.h },
    { x: box.x + leftW + gap, y: box.y, w: box.w - gap - leftW, h: box.h },
  ];
}
