/** Average glyph width as a share of the font size, for estimating a label's width. */
const glyphWidth = 0.56;

/**
 * A data label's width in points at `size`, estimated without measuring: the data-label
 * policy (chart-labels.ts, doughnut-labels.ts) runs before any font is loaded.
 */
export function estimateLabelWidth(text: string, size: number): number {
  return [...text].length * size * glyphWidth;
}
