/**
 * Rounds to a hundredth of a point: far below what print resolves, and it makes the
 * drawing (and so the PDF) the same bytes whatever floating-point noise chart.js's
 * layout arithmetic left in the last digits. -0 becomes 0 for the same reason.
 */
export function roundCoordinate(value: number): number {
  const rounded = Math.round(value * 100) / 100;
  return rounded === 0 ? 0 : rounded;
}

/** Opacity to a thousandth: finer steps would not show, and each distinct value is a PDF object. */
export function roundAlpha(alpha: number): number {
  return Math.round(alpha * 1000) / 1000;
}
