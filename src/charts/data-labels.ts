import type { Chart, Plugin } from 'chart.js';
import { textOn, type ChartStyle } from './chart-style.js';
import type { ResolvedChart } from './types.js';

/** Space between a mark and its label, in pixels. */
const gap = 4;

/** Lines with more points than this are labelled at their last point only. */
export const maxLabelledPoints = 12;

/**
 * Draws each value's formatted label (the same string the report prints) on the
 * chart. A small inline plugin rather than chartjs-plugin-datalabels: the rules
 * are few, and one dependency fewer keeps builds reproducible. A label that would
 * collide or not fit is left out; the axis still carries the value.
 */
export function dataLabelsPlugin(
  chart: ResolvedChart,
  style: ChartStyle,
  formatTotal: (total: number) => string,
): Plugin {
  return {
    id: 'briefkitDataLabels',
    afterDatasetsDraw(c: Chart) {
      if (!chart.dataLabels) return;
      const ctx = c.ctx;
      ctx.save();
      ctx.font = `${style.sizes.label}px "${style.family}"`;
      if (chart.type === 'doughnut') drawArcLabels(c, chart, style);
      else if (chart.type === 'line' || chart.type === 'area') drawLineLabels(c, chart, style);
      else if (chart.type === 'stacked-bar') drawStackedLabels(c, chart, style, formatTotal);
      else drawBarLabels(c, chart, style, chart.type === 'horizontal-bar');
      ctx.restore();
    },
  };
}

/** What chart.js elements know about their geometry (bars, points and arcs). */
interface Props {
  x: number;
  y: number;
  base: number;
  width: number;
  height: number;
  startAngle: number;
  endAngle: number;
  innerRadius: number;
  outerRadius: number;
}

const propNames: (keyof Props)[] = [
  'x',
  'y',
  'base',
  'width',
  'height',
  'startAngle',
  'endAngle',
  'innerRadius',
  'outerRadius',
];

/** Each drawn element of each dataset, with the label and colour that go with it. */
function forEachElement(
  c: Chart,
  chart: ResolvedChart,
  draw: (p: Props, label: string, color: string, index: number, dataset: number) => void,
): void {
  chart.datasets.forEach((dataset, d) => {
    c.getDatasetMeta(d).data.forEach((element, i) => {
      const label = dataset.valueLabels[i] ?? '';
      const color = dataset.colors[i % dataset.colors.length] ?? '#000000';
      if (label !== '') draw(element.getProps(propNames, true) as unknown as Props, label, color, i, d);
    });
  });
}

/** Above a column, or after a horizontal bar; inside its end when there is no room outside. */
function drawBarLabels(c: Chart, chart: ResolvedChart, style: ChartStyle, horizontal: boolean): void {
  const ctx = c.ctx;
  const area = c.chartArea;
  if (!horizontal) {
    // Columns: all labels or none, so a crowded chart does not label some bars only.
    let fits = true;
    forEachElement(c, chart, (p, label) => {
      if (ctx.measureText(label).width > p.width + gap * 2) fits = false;
    });
    if (!fits) return;
  }
  forEachElement(c, chart, (p, label, color) => {
    const width = ctx.measureText(label).width;
    if (!horizontal) {
      const up = p.y <= p.base;
      ctx.fillStyle = style.colors.text;
      ctx.textAlign = 'center';
      ctx.textBaseline = up ? 'bottom' : 'top';
      ctx.fillText(label, p.x, up ? p.y - gap : p.y + gap);
      return;
    }
    ctx.textBaseline = 'middle';
    const right = p.x >= p.base;
    const outside = right ? p.x + gap + width <= area.right : p.x - gap - width >= area.left;
    if (outside) {
      ctx.fillStyle = style.colors.text;
      ctx.textAlign = right ? 'left' : 'right';
      ctx.fillText(label, right ? p.x + gap : p.x - gap, p.y);
    } else if (Math.abs(p.x - p.base) >= width + gap * 2) {
      ctx.fillStyle = textOn(color, style);
      ctx.textAlign = right ? 'right' : 'left';
      ctx.fillText(label, right ? p.x - gap : p.x + gap, p.y);
    }
  });
}

/**
 * In the middle of each segment big enough to hold its label, and the stack's
 * total above it in bold: the total is usually the number a reader looks for.
 */
function drawStackedLabels(
  c: Chart,
  chart: ResolvedChart,
  style: ChartStyle,
  formatTotal: (total: number) => string,
): void {
  const ctx = c.ctx;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  const tops = new Map<number, { x: number; y: number }>();
  forEachElement(c, chart, (p, label, color, i) => {
    const top = tops.get(i);
    if (!top || p.y < top.y) tops.set(i, { x: p.x, y: p.y });
    const tall = Math.abs(p.base - p.y) >= style.sizes.label + gap;
    if (!tall || ctx.measureText(label).width > p.width - gap) return;
    ctx.fillStyle = textOn(color, style);
    ctx.fillText(label, p.x, (p.y + p.base) / 2);
  });
  if (chart.datasets.length < 2) return;
  ctx.font = `bold ${style.sizes.label}px "${style.titleFamily}"`;
  ctx.fillStyle = style.colors.text;
  ctx.textBaseline = 'bottom';
  for (const [i, top] of tops) {
    const total = chart.datasets.reduce((sum, d) => sum + (d.values[i] ?? 0), 0);
    ctx.fillText(formatTotal(total), top.x, top.y - gap);
  }
}

/**
 * Every point of a short single line, above peaks and below dips so the label
 * clears the line; on longer or several lines, the last value just right of its end.
 */
function drawLineLabels(c: Chart, chart: ResolvedChart, style: ChartStyle): void {
  const ctx = c.ctx;
  const every = chart.datasets.length === 1 && chart.categories.length <= maxLabelledPoints;
  const values = chart.datasets[0]?.values ?? [];
  const ends: { y: number; label: string; color: string }[] = [];
  forEachElement(c, chart, (p, label, color, i) => {
    if (every) {
      const value = values[i] ?? 0;
      const neighbours = [values[i - 1], values[i + 1]].filter((v): v is number => typeof v === 'number');
      const above = value >= neighbours.reduce((sum, v) => sum + v, 0) / Math.max(1, neighbours.length);
      ctx.fillStyle = style.colors.text;
      ctx.textAlign = 'center';
      ctx.textBaseline = above ? 'bottom' : 'top';
      ctx.fillText(label, p.x, above ? p.y - gap - 1 : p.y + gap + 1);
    } else if (i === chart.categories.length - 1) {
      ends.push({ y: p.y, label, color });
    }
  });
  // Push end labels apart so two lines ending close together stay readable.
  ends.sort((a, b) => a.y - b.y);
  const spacing = style.sizes.label + 2;
  ends.forEach((end, i) => {
    const previous = ends[i - 1];
    if (previous && end.y - previous.y < spacing) end.y = previous.y + spacing;
  });
  ctx.textAlign = 'left';
  ctx.textBaseline = 'middle';
  for (const end of ends) {
    ctx.fillStyle = end.color;
    ctx.fillText(end.label, c.chartArea.right + gap + 2, end.y);
  }
}

/** At the middle of each slice wide enough to hold its label, in a colour that reads on it. */
function drawArcLabels(c: Chart, chart: ResolvedChart, style: ChartStyle): void {
  const ctx = c.ctx;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  forEachElement(c, chart, (p, label, color) => {
    const angle = (p.startAngle + p.endAngle) / 2;
    const radius = (p.innerRadius + p.outerRadius) / 2;
    const arc = (p.endAngle - p.startAngle) * radius;
    const ring = p.outerRadius - p.innerRadius;
    if (arc < ctx.measureText(label).width + gap * 2 || ring < style.sizes.label + gap) return;
    ctx.fillStyle = textOn(color, style);
    ctx.fillText(label, p.x + Math.cos(angle) * radius, p.y + Math.sin(angle) * radius);
  });
}
