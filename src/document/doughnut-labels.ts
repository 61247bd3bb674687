import { estimateLabelWidth } from './label-width.js';

/**
 * Whether a doughnut slice can hold its label on the ring: the label is written level
 * at the middle of the slice (half way between hole and rim, at the slice's middle
 * angle), as both outputs draw it, so it fits when its box stays inside the ring and
 * between the slice's two edges. A label that does not fit is left to the legend,
 * which names each slice with its value in both outputs: no label is cut by the hole
 * or spills over a neighbour.
 */

/** The hole's share of the radius (chart.js `cutout`; the deck's holeSize is close). */
export const doughnutCutout = 0.56;
/** The chart's title row above the plot and the padding around it, in points. */
const titleRow = 29;
/** The legend's colour box, its gap and its padding, in points. */
const legendChrome = 30;
/** Room kept between a label and the ring's edges, in points. */
const margin = 2;

export interface DoughnutRoom {
  width: number;
  height: number;
  labelSize: number;
}

/**
 * For each slice, whether its label fits on the ring, in the chart's natural box
 * (`room`): the ring's size is estimated as the charts stage lays it out, the plot
 * being the box less the title row and the legend on the right ("name  value").
 */
export function slicesHoldingLabels(
  values: readonly (number | null)[],
  labels: readonly string[],
  legend: readonly string[],
  room: DoughnutRoom,
): boolean[] {
  const legendWidth =
    Math.max(0, ...legend.map((text) => estimateLabelWidth(text, room.labelSize))) + legendChrome;
  const outer = Math.max(0, Math.min(room.width - legendWidth, room.height - titleRow) / 2);
  const inner = outer * doughnutCutout;
  const sum = values.reduce<number>((a, b) => a + Math.abs(b ?? 0), 0);
  let start = -Math.PI / 2;
  return values.map((value, i) => {
    const span = sum > 0 ? (Math.abs(value ?? 0) / sum) * 2 * Math.PI : 0;
    const slice = { start, end: start + span };
    start += span;
    const text = labels[i] ?? '';
    if (span === 0 || text === '') return false;
    return boxFits(
      slice,
      inner + margin,
      outer - margin,
      estimateLabelWidth(text, room.labelSize),
      room.labelSize * 1.2,
    );
  });
}

/** Points along the label box's outline, enough to catch an edge crossing the hole or a slice edge. */
const SAMPLES = 8;

function boxFits(
  slice: { start: number; end: number },
  inner: number,
  outer: number,
  w: number,
  h: number,
): boolean {
  if (inner >= outer) return false;
  const angle = (slice.start + slice.end) / 2;
  const radius = (inner + outer) / 2;
  const cx = Math.cos(angle) * radius;
  const cy = Math.sin(angle) * radius;
  const whole = slice.end - slice.start >= 2 * Math.PI - 1e-9;
  for (let k = 0; k <= SAMPLES; k++) {
    const t = k / SAMPLES;
    const points = [
      [cx - w / 2 + t * w, cy - h / 2],
      [cx - w / 2 + t * w, cy + h / 2],
      [cx - w / 2, cy - h / 2 + t * h],
      [cx + w / 2, cy - h / 2 + t * h],
    ] as const;
    for (const [x, y] of points) {
      const r = Math.hypot(x, y);
      if (r < inner || r > outer) return false;
      if (!whole && !withinAngle(Math.atan2(y, x), slice.start, slice.end)) return false;
    }
  }
  return true;
}

/** Whether `angle` lies between `start` and `end` (clockwise from start), in any turn. */
function withinAngle(angle: number, start: number, end: number): boolean {
  const turn = 2 * Math.PI;
  const offset = (((angle - start) % turn) + turn) % turn;
  return offset <= end - start;
}

/**
 * A doughnut's legend entries, "name  value", in both outputs: every slice's value is
 * read there, whether or not the ring has room for it.
 */
export function doughnutLegend(categories: readonly string[], valueLabels: readonly string[]): string[] {
  return categories.map((name, i) => `${name}  ${valueLabels[i] ?? ''}`.trim());
}
