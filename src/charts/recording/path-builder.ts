import type { Path, PathSegment } from '../drawing.js';
import { applyMatrix, type Matrix } from './affine.js';
import { roundCoordinate } from './round.js';
import { unimplemented } from './unimplemented.js';

type Point = readonly [number, number];

/**
 * The canvas "current path", kept in final coordinates: each call is given the
 * transform in force when it is made (as canvas applies it), so changing the transform
 * halfway through a path bends nothing already added. Arcs become cubic Béziers here,
 * because PDF has no arc operator.
 */
export class PathBuilder {
  private segments: PathSegment[] = [];
  /** Where the next segment starts; undefined until the first move. */
  private current: Point | undefined;
  private subpathStart: Point | undefined;
  /** After closePath the next segment starts a new subpath at the old start, which PDF wants said. */
  private reopen = false;

  get path(): Path {
    return this.segments.slice();
  }

  clear(): void {
    this.segments = [];
    this.current = undefined;
    this.subpathStart = undefined;
    this.reopen = false;
  }

  moveTo(m: Matrix, x: number, y: number): void {
    this.moveToPoint(applyMatrix(m, x, y));
  }

  lineTo(m: Matrix, x: number, y: number): void {
    const point = applyMatrix(m, x, y);
    if (!this.current) return this.moveToPoint(point);
    this.ensureOpen();
    const [x1, y1] = round(point);
    const [x0, y0] = round(this.current);
    // Canvas prunes zero-length segments before stroking; arc() makes one at every joint.
    if (x1 !== x0 || y1 !== y0) this.add(['L', x1, y1]);
    this.current = point;
  }

  bezierCurveTo(m: Matrix, c1x: number, c1y: number, c2x: number, c2y: number, x: number, y: number): void {
    const c1 = applyMatrix(m, c1x, c1y);
    if (!this.current) this.moveToPoint(c1);
    this.curve(c1, applyMatrix(m, c2x, c2y), applyMatrix(m, x, y));
  }

  /** A quadratic curve is the cubic with control points two thirds of the way to its one. */
  quadraticCurveTo(m: Matrix, cx: number, cy: number, x: number, y: number): void {
    const control = applyMatrix(m, cx, cy);
    if (!this.current) this.moveToPoint(control);
    const from = this.current!;
    const to = applyMatrix(m, x, y);
    const toward = (p: Point): Point => [
      p[0] + ((control[0] - p[0]) * 2) / 3,
      p[1] + ((control[1] - p[1]) * 2) / 3,
    ];
    this.curve(toward(from), toward(to), to);
  }

  /**
   * Canvas arc(): a line from the current point to the arc's start (or a move when
   * there is none), then the arc in at most quarter-circle Bézier pieces, each
   * within 0.03% of the radius of the true circle.
   */
  arc(m: Matrix, cx: number, cy: number, r: number, start: number, end: number, ccw: boolean): void {
    if (!(r >= 0)) unimplemented(`arc() with radius ${r}`, 'a radius of 0 or more');
    const sweep = arcSweep(start, end, ccw);
    const at = (angle: number): Point => applyMatrix(m, cx + r * Math.cos(angle), cy + r * Math.sin(angle));
    this.lineTo(m, cx + r * Math.cos(start), cy + r * Math.sin(start));
    if (r === 0 || sweep === 0) return;
    const pieces = Math.ceil(Math.abs(sweep) / (Math.PI / 2) - 1e-9);
    const step = sweep / pieces;
    const k = (4 / 3) * Math.tan(step / 4);
    for (let i = 0; i < pieces; i++) {
      const a0 = start + step * i;
      const a1 = a0 + step;
      const c1 = applyMatrix(
        m,
        cx + r * (Math.cos(a0) - k * Math.sin(a0)),
        cy + r * (Math.sin(a0) + k * Math.cos(a0)),
      );
      const c2 = applyMatrix(
        m,
        cx + r * (Math.cos(a1) + k * Math.sin(a1)),
        cy + r * (Math.sin(a1) - k * Math.cos(a1)),
      );
      this.curve(c1, c2, at(a1));
    }
  }

  /** A closed subpath around the rectangle, then the current point at its corner, as canvas does. */
  rect(m: Matrix, x: number, y: number, width: number, height: number): void {
    this.moveTo(m, x, y);
    this.lineTo(m, x + width, y);
    this.lineTo(m, x + width, y + height);
    this.lineTo(m, x, y + height);
    this.closePath();
  }

  closePath(): void {
    if (!this.current || this.reopen) return;
    this.add(['Z']);
    this.current = this.subpathStart;
    this.reopen = true;
  }

  private moveToPoint(point: Point): void {
    // A move right after a move replaces it: PDF would keep an empty subpath.
    if (this.segments.at(-1)?.[0] === 'M') this.segments.pop();
    this.add(['M', ...round(point)]);
    this.current = point;
    this.subpathStart = point;
    this.reopen = false;
  }

  private curve(c1: Point, c2: Point, to: Point): void {
    this.ensureOpen();
    this.add(['C', ...round(c1), ...round(c2), ...round(to)]);
    this.current = to;
  }

  private ensureOpen(): void {
    if (this.reopen && this.subpathStart) this.moveToPoint(this.subpathStart);
  }

  private add(segment: PathSegment): void {
    this.segments.push(segment);
  }
}

/**
 * The signed angle an arc turns through, by the canvas rules: a whole circle when the
 * angles are a full turn or more apart in the drawing direction, otherwise the way
 * round from start to end in that direction (so less than a full turn).
 */
export function arcSweep(start: number, end: number, ccw: boolean): number {
  const turn = 2 * Math.PI;
  if (!ccw && end - start >= turn) return turn;
  if (ccw && start - end >= turn) return -turn;
  const mod = (a: number): number => ((a % turn) + turn) % turn;
  return ccw ? -mod(start - end) : mod(end - start);
}

function round(point: Point): [number, number] {
  return [roundCoordinate(point[0]), roundCoordinate(point[1])];
}
