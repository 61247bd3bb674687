import type { Theme } from '../../theme/types.js';
import type { PdfOptions } from './types.js';

/** Page size and the text area inside the margins, in points, y growing downwards. */
export interface PageGeometry {
  width: number;
  height: number;
  top: number;
  bottom: number;
  left: number;
  right: number;
  contentWidth: number;
  contentHeight: number;
}

// pdfkit's own table, repeated so layout can be computed before a page exists.
const SIZES: Record<PdfOptions['pageSize'], readonly [number, number]> = {
  A4: [595.28, 841.89],
  Letter: [612, 792],
};

export function getPageGeometry(pageSize: PdfOptions['pageSize'], theme: Theme): PageGeometry {
  const [width, height] = SIZES[pageSize];
  const { margin } = theme.page;
  const right = width - margin.right;
  const bottom = height - margin.bottom;
  return {
    width,
    height,
    top: margin.top,
    bottom,
    left: margin.left,
    right,
    contentWidth: right - margin.left,
    contentHeight: bottom - margin.top,
  };
}
