import type { TextFace } from '../drawing.js';
import type { ChartFonts } from './chart-fonts.js';
import type { TextAlign, TextBaseline } from './graphics-state.js';

/**
 * How far to move a text's anchor to reach the start of its alphabetic baseline: left
 * by part of its width for textAlign, down for textBaseline. The vertical offsets are
 * the ones node-canvas (cairo and pango) used, from the font's ascent and descent, so
 * labels sit where they sat when charts were drawn through cairo: "top" hangs the
 * text from its ascent, "middle" centres the ascent-to-descent box, "bottom" stands
 * it on its descent.
 */
export function textOffset(
  fonts: ChartFonts,
  face: TextFace,
  size: number,
  width: number,
  align: TextAlign,
  baseline: TextBaseline,
  rtl: boolean,
): { dx: number; dy: number } {
  return { dx: -width * alignShare(align, rtl), dy: baselineDrop(fonts.extent(face, size), baseline) };
}

function alignShare(align: TextAlign, rtl: boolean): number {
  switch (align) {
    case 'left':
      return 0;
    case 'right':
      return 1;
    case 'center':
      return 0.5;
    case 'start':
      return rtl ? 1 : 0;
    case 'end':
      return rtl ? 0 : 1;
  }
}

function baselineDrop(extent: { ascent: number; descent: number }, baseline: TextBaseline): number {
  switch (baseline) {
    case 'top':
    case 'hanging':
      return extent.ascent;
    case 'middle':
      return (extent.ascent - extent.descent) / 2;
    case 'alphabetic':
      return 0;
    case 'bottom':
    case 'ideographic':
      return -extent.descent;
  }
}
