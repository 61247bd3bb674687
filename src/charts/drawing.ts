/**
 * A chart as a vector drawing (a display list): what chart.js painted, recorded call
 * by call as plain data that the PDF renderer replays onto pdfkit. Coordinates are in
 * the chart's natural box (1 unit = 1 pt at natural size, y down), with every
 * transform already applied and rounded to 0.01, so the same chart gives the same
 * JSON, and so the same PDF bytes, in every process.
 *
 * Text stays text: a run is a string, a font face of the theme, a size and a
 * baseline position, drawn by the PDF with the same embedded fonts as the body.
 */

/** Move, line, cubic Bézier (two control points, then the end) and close. Arcs arrive as Béziers. */
export type PathSegment =
  | readonly ['M', number, number]
  | readonly ['L', number, number]
  | readonly ['C', number, number, number, number, number, number]
  | readonly ['Z'];

export type Path = readonly PathSegment[];

export type FillRule = 'nonzero' | 'evenodd';

/** A face of one of the theme's font families (body or heading), by family name. */
export interface TextFace {
  family: string;
  weight: 'normal' | 'bold';
  style: 'normal' | 'italic';
}

/** Colour as "#RRGGBB" and opacity 0..1 (the colour's alpha times the canvas globalAlpha). */
export interface Paint {
  color: string;
  alpha: number;
}

export interface FillOp extends Paint {
  op: 'fill';
  path: Path;
  rule: FillRule;
}

export interface StrokeOp extends Paint {
  op: 'stroke';
  path: Path;
  width: number;
  cap: 'butt' | 'round' | 'square';
  join: 'miter' | 'round' | 'bevel';
  miterLimit: number;
  /** Dash and gap lengths; empty for a solid line. */
  dash: readonly number[];
  dashOffset: number;
}

export interface TextOp extends Paint {
  op: 'text';
  text: string;
  /** Start of the text on its baseline: textAlign and textBaseline are already resolved. */
  x: number;
  y: number;
  face: TextFace;
  size: number;
  /** Degrees, clockwise, about (x, y). */
  angle: number;
  /** Horizontal squeeze, 1 unless the text was drawn with a maxWidth it exceeds. */
  scaleX: number;
}

/** Narrows drawing to a path until the matching restore. */
export interface ClipOp {
  op: 'clip';
  path: Path;
  rule: FillRule;
}

/** Recorded only around clips: everything else carries its whole state in the op. */
export interface SaveOp {
  op: 'save';
}

export interface RestoreOp {
  op: 'restore';
}

export type DrawOp = FillOp | StrokeOp | TextOp | ClipOp | SaveOp | RestoreOp;

export interface ChartDrawing {
  /** The natural box, in points. */
  width: number;
  height: number;
  ops: readonly DrawOp[];
}
