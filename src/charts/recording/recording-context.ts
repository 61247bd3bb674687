import type { ChartDrawing, DrawOp, FillRule, Paint, Path } from '../drawing.js';
import { multiply, uniformScale } from './affine.js';
import type { ChartFonts } from './chart-fonts.js';
import { parseCssColor } from './css-color.js';
import { parseCssFont } from './css-font.js';
import { initialState, type GraphicsState, type TextAlign, type TextBaseline } from './graphics-state.js';
import { PathBuilder } from './path-builder.js';
import { measureText, textOp, type RecordedTextMetrics } from './record-text.js';
import { roundAlpha, roundCoordinate as round } from './round.js';
import { unimplemented } from './unimplemented.js';

/**
 * A Canvas 2D context that paints nothing and records everything: chart.js draws on
 * it as on a real canvas, and `drawing()` returns the vector drawing it made (see
 * drawing.ts). Only the calls chart.js makes for briefkit's chart types exist; hand
 * chart.js the context through `guardContext`, whose proxy turns any other call into
 * a clear error.
 */
export class RecordingContext {
  /** chart.js reads the canvas back from its context. */
  canvas: unknown;
  /** Set once the drawing is taken: later calls (chart.js destroying the chart) are not recorded. */
  finished = false;
  private state: GraphicsState = initialState();
  private readonly stack: GraphicsState[] = [];
  private readonly builder = new PathBuilder();
  private ops: DrawOp[] = [];

  constructor(
    readonly width: number,
    readonly height: number,
    private readonly fonts: ChartFonts,
  ) {}

  drawing(): ChartDrawing {
    return { width: this.width, height: this.height, ops: this.ops.slice() };
  }

  // State: save() and restore() keep the transform, paints, line and text settings and clip.
  save(): void {
    this.stack.push(this.state);
    this.state = { ...this.state, recordedSave: false };
  }

  restore(): void {
    const outer = this.stack.pop();
    if (!outer) return;
    if (this.state.recordedSave) this.ops.push({ op: 'restore' });
    this.state = outer;
  }

  // Settings read back by chart.js (and by the data-labels plugin) keep what was written.
  get fillStyle(): string {
    return this.state.fillStyle;
  }
  set fillStyle(value: unknown) {
    this.state.fill = paintOf(value, 'fillStyle');
    this.state.fillStyle = value as string;
  }
  get strokeStyle(): string {
    return this.state.strokeStyle;
  }
  set strokeStyle(value: unknown) {
    this.state.stroke = paintOf(value, 'strokeStyle');
    this.state.strokeStyle = value as string;
  }
  get lineWidth(): number {
    return this.state.lineWidth;
  }
  set lineWidth(value: number) {
    // Canvas ignores zero, negative and non-finite widths; chart.js relies on that.
    if (value > 0 && Number.isFinite(value)) this.state.lineWidth = value;
  }
  get lineCap(): GraphicsState['lineCap'] {
    return this.state.lineCap;
  }
  set lineCap(value: GraphicsState['lineCap']) {
    if (['butt', 'round', 'square'].includes(value)) this.state.lineCap = value;
  }
  get lineJoin(): GraphicsState['lineJoin'] {
    return this.state.lineJoin;
  }
  set lineJoin(value: GraphicsState['lineJoin']) {
    if (['miter', 'round', 'bevel'].includes(value)) this.state.lineJoin = value;
  }
  get miterLimit(): number {
    return this.state.miterLimit;
  }
  set miterLimit(value: number) {
    if (value > 0 && Number.isFinite(value)) this.state.miterLimit = value;
  }
  get lineDashOffset(): number {
    return this.state.dashOffset;
  }
  set lineDashOffset(value: number) {
    if (Number.isFinite(value)) this.state.dashOffset = value;
  }
  get globalAlpha(): number {
    return this.state.globalAlpha;
  }
  set globalAlpha(value: number) {
    if (value >= 0 && value <= 1) this.state.globalAlpha = value;
  }
  get font(): string {
    return this.state.font;
  }
  set font(value: string) {
    const font = parseCssFont(value);
    const family = this.fonts.familyOf(font.families);
    if (family === undefined) {
      unimplemented(`the font "${value}"`, `a font of the theme's families, never a system font`);
    }
    this.state.font = value;
    this.state.face = { ...font, family };
  }
  get textAlign(): TextAlign {
    return this.state.textAlign;
  }
  set textAlign(value: TextAlign) {
    if (['left', 'right', 'center', 'start', 'end'].includes(value)) this.state.textAlign = value;
  }
  get textBaseline(): TextBaseline {
    return this.state.textBaseline;
  }
  set textBaseline(value: TextBaseline) {
    const known = ['top', 'hanging', 'middle', 'alphabetic', 'ideographic', 'bottom'];
    if (known.includes(value)) this.state.textBaseline = value;
  }
  get direction(): GraphicsState['direction'] {
    return this.state.direction;
  }
  set direction(value: GraphicsState['direction']) {
    if (['ltr', 'rtl', 'inherit'].includes(value)) this.state.direction = value;
  }

  setLineDash(segments: readonly number[]): void {
    if (!segments.every((s) => s >= 0 && Number.isFinite(s))) return;
    if (segments.some((s) => s === 0))
      unimplemented('a line dash with a zero length', 'dashes and gaps over 0');
    this.state.dash = segments.length % 2 === 1 ? [...segments, ...segments] : [...segments];
  }
  getLineDash(): number[] {
    return [...this.state.dash];
  }

  // Transform: kept as a matrix and applied to points as they are recorded.
  setTransform(a: number, b: number, c: number, d: number, e: number, f: number): void {
    if (typeof a !== 'number') unimplemented('setTransform() with a DOMMatrix', 'six numbers');
    this.state.transform = [a, b, c, d, e, f];
  }
  resetTransform(): void {
    this.setTransform(1, 0, 0, 1, 0, 0);
  }
  transform(a: number, b: number, c: number, d: number, e: number, f: number): void {
    this.state.transform = multiply(this.state.transform, [a, b, c, d, e, f]);
  }
  translate(x: number, y: number): void {
    this.transform(1, 0, 0, 1, x, y);
  }
  rotate(angle: number): void {
    this.transform(Math.cos(angle), Math.sin(angle), -Math.sin(angle), Math.cos(angle), 0, 0);
  }
  scale(x: number, y: number): void {
    this.transform(x, 0, 0, y, 0, 0);
  }

  // Path: built in final coordinates by PathBuilder.
  beginPath(): void {
    this.builder.clear();
  }
  closePath(): void {
    this.builder.closePath();
  }
  moveTo(x: number, y: number): void {
    this.builder.moveTo(this.state.transform, x, y);
  }
  lineTo(x: number, y: number): void {
    this.builder.lineTo(this.state.transform, x, y);
  }
  bezierCurveTo(c1x: number, c1y: number, c2x: number, c2y: number, x: number, y: number): void {
    this.builder.bezierCurveTo(this.state.transform, c1x, c1y, c2x, c2y, x, y);
  }
  quadraticCurveTo(cx: number, cy: number, x: number, y: number): void {
    this.builder.quadraticCurveTo(this.state.transform, cx, cy, x, y);
  }
  arc(x: number, y: number, r: number, start: number, end: number, ccw = false): void {
    this.builder.arc(this.state.transform, x, y, r, start, end, ccw);
  }
  rect(x: number, y: number, width: number, height: number): void {
    this.builder.rect(this.state.transform, x, y, width, height);
  }

  // Painting: each op carries the whole state it needs.
  fill(rule: unknown = 'nonzero'): void {
    this.recordFill(this.builder.path, fillRule(rule));
  }
  stroke(path?: unknown): void {
    if (path !== undefined) unimplemented('stroke(Path2D)', 'stroke() of the current path');
    this.recordStroke(this.builder.path);
  }
  clip(rule: unknown = 'nonzero'): void {
    if (!this.state.recordedSave && this.stack.length > 0) {
      // PDF can only undo a clip by restoring the state saved before it.
      this.ops.push({ op: 'save' });
      this.state.recordedSave = true;
    }
    this.ops.push({ op: 'clip', path: this.builder.path, rule: fillRule(rule) });
    this.state.clipped = true;
  }
  fillRect(x: number, y: number, width: number, height: number): void {
    this.recordFill(this.rectPath(x, y, width, height), 'nonzero');
  }
  strokeRect(x: number, y: number, width: number, height: number): void {
    this.recordStroke(this.rectPath(x, y, width, height));
  }

  /**
   * chart.js clears the whole canvas before it draws and when it is destroyed. A clear
   * of the whole canvas forgets what was recorded; a partial one cannot be recorded.
   */
  clearRect(x: number, y: number, width: number, height: number): void {
    // After the drawing is taken, chart.js's destroy() clears the canvas: nothing to record.
    if (this.finished) return;
    const [a, b, c, d, e, f] = this.state.transform;
    const identity = a === 1 && b === 0 && c === 0 && d === 1 && e === 0 && f === 0;
    const whole = identity && x <= 0 && y <= 0 && x + width >= this.width && y + height >= this.height;
    if (!whole || this.state.clipped) unimplemented('clearRect() of part of the canvas', 'a clear of it all');
    this.ops = [];
    for (const level of [...this.stack, this.state]) level.recordedSave = false;
  }

  fillText(text: string, x: number, y: number, maxWidth?: number): void {
    const op = textOp(this.state, this.fonts, text, x, y, maxWidth);
    if (op) this.ops.push(op);
  }

  measureText(text: string): RecordedTextMetrics {
    return measureText(this.state, this.fonts, text);
  }

  private rectPath(x: number, y: number, width: number, height: number) {
    const rect = new PathBuilder();
    rect.rect(this.state.transform, x, y, width, height);
    return rect.path;
  }

  private recordFill(path: Path, rule: FillRule) {
    const alpha = this.state.fill.alpha * this.state.globalAlpha;
    if (!path.some((s) => s[0] !== 'M') || alpha === 0) return;
    this.ops.push({ op: 'fill', path, color: this.state.fill.color, alpha: roundAlpha(alpha), rule });
  }

  private recordStroke(path: Path) {
    const { stroke, globalAlpha, transform, lineWidth, dash, dashOffset } = this.state;
    const alpha = stroke.alpha * globalAlpha;
    if (!path.some((s) => s[0] !== 'M') || alpha === 0) return;
    const scale = uniformScale(transform);
    if (scale === undefined) unimplemented('a stroke under a stretched or skewed transform');
    this.ops.push({
      op: 'stroke',
      path,
      color: stroke.color,
      alpha: roundAlpha(alpha),
      width: round(lineWidth * scale),
      cap: this.state.lineCap,
      join: this.state.lineJoin,
      miterLimit: this.state.miterLimit,
      dash: dash.map((length) => round(length * scale)),
      dashOffset: round(dashOffset * scale),
    });
  }
}

function paintOf(value: unknown, property: string): Paint {
  if (typeof value !== 'string')
    return unimplemented(`a ${property} that is not a colour (a gradient or pattern)`);
  return parseCssColor(value);
}

function fillRule(rule: unknown): FillRule {
  if (rule === 'nonzero' || rule === 'evenodd') return rule;
  return unimplemented(`fill or clip with ${String(rule)}`, '"nonzero" or "evenodd", never a Path2D');
}
