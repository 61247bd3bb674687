/**
 * 2D affine transforms as the canvas writes them: [a, b, c, d, e, f] maps (x, y) to
 * (a·x + c·y + e, b·x + d·y + f). The recorder applies the current transform to every
 * point as it is recorded, so a drawing holds final coordinates and the replay needs
 * no transform stack of its own.
 */
export type Matrix = readonly [number, number, number, number, number, number];

export const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

/** `m` after `n`: the matrix that applies `n` first, then `m` (canvas `transform()` order). */
export function multiply(m: Matrix, n: Matrix): Matrix {
  return [
    m[0] * n[0] + m[2] * n[1],
    m[1] * n[0] + m[3] * n[1],
    m[0] * n[2] + m[2] * n[3],
    m[1] * n[2] + m[3] * n[3],
    m[0] * n[4] + m[2] * n[5] + m[4],
    m[1] * n[4] + m[3] * n[5] + m[5],
  ];
}

export function applyMatrix(m: Matrix, x: number, y: number): [number, number] {
  return [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];
}

const EPSILON = 1e-9;

/**
 * The one factor by which `m` scales every length, or undefined when it stretches one
 * direction more than another (or skews). Line widths, dashes and font sizes can be
 * carried into the drawing as single numbers only under such a transform.
 */
export function uniformScale(m: Matrix): number | undefined {
  const [a, b, c, d] = m;
  const xLength = Math.hypot(a, b);
  const yLength = Math.hypot(c, d);
  const orthogonal = Math.abs(a * c + b * d) <= EPSILON * Math.max(1, xLength * yLength);
  return orthogonal && Math.abs(xLength - yLength) <= EPSILON * Math.max(1, xLength) ? xLength : undefined;
}

/** True when `m` mirrors (its determinant is negative): text under it would read backwards. */
export function isMirrored(m: Matrix): boolean {
  return m[0] * m[3] - m[1] * m[2] < 0;
}

/** The rotation of `m` in degrees, clockwise on the page (y grows downwards). */
export function rotationDegrees(m: Matrix): number {
  return (Math.atan2(m[1], m[0]) * 180) / Math.PI;
}
