import type { TextFace, TextOp } from '../drawing.js';
import { applyMatrix, isMirrored, rotationDegrees, uniformScale, type Matrix } from './affine.js';
import type { ChartFonts } from './chart-fonts.js';
import type { GraphicsState } from './graphics-state.js';
import { textOffset } from './place-text.js';
import { roundAlpha, roundCoordinate as round } from './round.js';
import { unimplemented } from './unimplemented.js';

/** What measureText() returns: the width chart.js reads, and the box fields of the canvas API. */
export interface RecordedTextMetrics {
  width: number;
  fontBoundingBoxAscent: number;
  fontBoundingBoxDescent: number;
  actualBoundingBoxAscent: number;
  actualBoundingBoxDescent: number;
  actualBoundingBoxLeft: number;
  actualBoundingBoxRight: number;
}

type ResolvedFont = NonNullable<GraphicsState['face']>;

/**
 * fillText() as a text op: the anchor moved to the start of the baseline by textAlign
 * and textBaseline, then through the transform, which may turn the text (y-axis titles)
 * but not stretch it. Undefined when canvas would draw nothing.
 */
export function textOp(
  state: GraphicsState,
  fonts: ChartFonts,
  text: string,
  x: number,
  y: number,
  maxWidth: number | undefined,
): TextOp | undefined {
  const font = fontOf(state, 'fillText()');
  if (maxWidth !== undefined && !(maxWidth > 0)) return undefined;
  const line = oneLine(text);
  const alpha = state.fill.alpha * state.globalAlpha;
  if (line === '' || alpha === 0) return undefined;
  const width = fonts.width(font, font.size, line);
  // Canvas squeezes text wider than maxWidth rather than overflow; so does the PDF (Tz).
  const scaleX = maxWidth !== undefined && width > maxWidth ? maxWidth / width : 1;
  const { dx, dy } = offsetOf(state, fonts, font, width * scaleX);
  const [px, py] = applyMatrix(state.transform, x + dx, y + dy);
  return {
    op: 'text',
    text: line,
    x: round(px),
    y: round(py),
    face: faceOf(font),
    size: round(font.size * textScale(state.transform)),
    color: state.fill.color,
    alpha: roundAlpha(alpha),
    angle: round(rotationDegrees(state.transform)),
    scaleX: Math.round(scaleX * 1e4) / 1e4,
  };
}

/** measureText(): box fields are measured from the anchor, as canvas does, and only when read. */
export function measureText(state: GraphicsState, fonts: ChartFonts, text: string): RecordedTextMetrics {
  const font = fontOf(state, 'measureText()');
  const line = oneLine(text);
  const width = fonts.width(font, font.size, line);
  const { dx, dy } = offsetOf(state, fonts, font, width);
  const extent = fonts.extent(font, font.size);
  const ink = () => fonts.inkBox(font, font.size, line);
  return {
    width,
    fontBoundingBoxAscent: extent.ascent - dy,
    fontBoundingBoxDescent: extent.descent + dy,
    get actualBoundingBoxAscent() {
      return ink().maxY - dy;
    },
    get actualBoundingBoxDescent() {
      return -ink().minY + dy;
    },
    get actualBoundingBoxLeft() {
      return -dx - ink().minX;
    },
    get actualBoundingBoxRight() {
      return ink().maxX + dx;
    },
  };
}

function fontOf(state: GraphicsState, call: string): ResolvedFont {
  return state.face ?? unimplemented(`${call} before a font is set`, 'a theme font set first');
}

/** Canvas draws tabs and line breaks as spaces: one call is one line. */
function oneLine(text: string): string {
  return String(text).replace(/[\t\n\f\r]/g, ' ');
}

function offsetOf(state: GraphicsState, fonts: ChartFonts, font: ResolvedFont, width: number) {
  const { textAlign, textBaseline, direction } = state;
  return textOffset(fonts, faceOf(font), font.size, width, textAlign, textBaseline, direction === 'rtl');
}

function faceOf(font: ResolvedFont): TextFace {
  return { family: font.family, weight: font.weight, style: font.style };
}

/** The text's scale under `m`: text may be turned and scaled evenly, never stretched or mirrored. */
function textScale(m: Matrix): number {
  const scale = uniformScale(m);
  if (scale === undefined || isMirrored(m))
    unimplemented('text under a stretched, skewed or mirrored transform');
  return scale;
}
