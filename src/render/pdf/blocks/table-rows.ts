import type { Flowable } from '../page-model.js';

/** Lines `from`..`to` of every cell of a row, as one flowable; `top` is the padding above the first. */
export interface RowBand {
  from: number;
  to: number;
  top: number;
  height: number;
}

/**
 * A row as bands of lines. A row that fits in `maxHeight` is one band, kept whole; a
 * taller one (a cell of a few hundred words) is split into one band per line, so the
 * page break falls between lines and nothing is clipped: leaving more than `maxHeight`
 * of a page blank, or a row that no page holds, would be worse than a row over a break.
 */
export function rowBands(lineCount: number, lineHeight: number, padY: number, maxHeight: number): RowBand[] {
  const lines = Math.max(1, lineCount);
  const whole = 2 * padY + lines * lineHeight;
  if (whole <= maxHeight || lines === 1) return [{ from: 0, to: lines, top: padY, height: whole }];
  return Array.from({ length: lines }, (_, line) => ({
    from: line,
    to: line + 1,
    top: line === 0 ? padY : 0,
    height: lineHeight + (line === 0 ? padY : 0) + (line === lines - 1 ? padY : 0),
  }));
}

/**
 * Whether a band must share its page with the next flowable: a split row leaves at
 * least two lines on each side of a break (the first band keeps with the second, the
 * penultimate with the last); the row's last band follows the row's own rule.
 */
export function bandKeepsWithNext(band: number, bands: number, rowKeeps: boolean): boolean {
  if (band === bands - 1) return rowKeeps;
  return band === 0 || band === bands - 2;
}

/**
 * The height from the top of `flowables[0]` that must fit for a table to start on a
 * page: its first `count` flowables (caption, header, first rows), then on to the end
 * of the keep-with-next chain they end in.
 */
export function startHeight(flowables: readonly Flowable[], count: number): number {
  let height = 0;
  for (let i = 0; i < flowables.length; i++) {
    const flowable = flowables[i]!;
    height += (i === 0 ? 0 : flowable.spaceBefore) + flowable.height;
    if (i >= count - 1 && !flowable.keepWithNext) break;
  }
  return height;
}
