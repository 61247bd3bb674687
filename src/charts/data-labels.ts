import type { Chart, Plugin } from 'chart.js';
import { textOn, type ChartStyle } from './chart-style.js';
import { labelsEveryPoint } from '../document/chart-labels.js';
import type { DataLabel } from '../document/types.js';
import type { LabelledChart } from './types.js';

export { maxLabelledPoints } from '../document/chart-labels.js';

/** Space between a mark and its label, in pixels. */
const gap = 4;

/**
 * Draws the chart's planned data labels (`chart.labels`, decided once in label-plan.ts
 * and printed alike by the deck's native chart): each label next to the mark that
 * carries it. A small inline plugin rather than chartjs-plugin-datalabels: the rules
 * are few, and one dependency fewer keeps builds reproducible.
 */
export function dataLabelsPlugin(chart: LabelledChart, style: ChartStyle): Plugin {
  return {
    id: 'briefkitDataLabels',
    afterDatasetsDraw(c: Chart) {
      if (chart.labels.length === 0) return;
      const ctx = c.ctx;
      ctx.save();
      ctx.font = `${style.sizes.label}px "${style.family}"`;
      if (chart.type === 'doughnut') drawArcLabels(c, chart, style);
      else if (chart.type === 'line' || chart.type === 'area') drawLineLabels(c, chart, style);
      else if (chart.type === 'stacked-bar') drawStackedLabels(c, chart, style);
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

/** Each planned label with the geometry and colour of the mark that carries it. */
function forEachLabel(
  c: Chart,
  chart: LabelledChart,
  draw: (p: Props, label: DataLabel, color: string) => void,
): void {
  for (const label of chart.labels) {
    const element = c.getDatasetMeta(label.dataset).data[label.index];
    const colors = chart.datasets[label.dataset]?.colors ?? [];
    const color = colors[label.index % Math.max(1, colors.length)] ?? '#000000';
    if (element) draw(element.getProps(propNames, true) as unknown as Props, label, color);
  }
}

/** Above a column, or after a horizontal bar; inside its end when there is no room outside. */
function drawBarLabels(c: Chart, chart: LabelledChart, style: ChartStyle, horizontal: boolean): void {
  const ctx = c.ctx;
  const area = c.chartArea;
  forEachLabel(c, chart, (p, { text }, color) => {
    if (!horizontal) {
      const up = p.y <= p.base;
      ctx.fillStyle = style.colors.text;
      ctx.textAlign = 'center';
      ctx.textBaseline = up ? 'bottom' : 'top';
      ctx.fillText(text, p.x, up ? p.y - gap : p.y + gap);
      return;
    }
    const width = ctx.measureText(text).width;
    ctx.textBaseline = 'middle';
    const right = p.x >= p.base;
    const outside = right ? p.x + gap + width <= area.right : p.x - gap - width >= area.left;
    ctx.fillStyle = outside ? style.colors.text : textOn(color, style);
    ctx.textAlign = outside === right ? 'left' : 'right';
    ctx.fillText(text, outside === right ? p.x + gap : p.x - gap, p.y);
  });
}

/** The stack's total above it in bold (or a single segment's value, inside it). */
function drawStackedLabels(c: Chart, chart: LabelledChart, style: ChartStyle): void {
  const ctx = c.ctx;
  ctx.textAlign = 'center';
  forEachLabel(c, chart, (p, label, color) => {
    if (!label.total) {
      ctx.textBaseline = 'middle';
      ctx.fillStyle = textOn(color, style);
      ctx.fillText(label.text, p.x, (p.y + p.base) / 2);
      return;
    }
    // The top of the stack: the highest segment at this category.
    const top = Math.min(
      ...chart.datasets.map((_, d) => c.getDatasetMeta(d).data[label.index]?.getProps(['y'], true).y ?? p.y),
    );
    ctx.font = `bold ${style.sizes.label}px "${style.titleFamily}"`;
    ctx.fillStyle = style.colors.text;
    ctx.textBaseline = 'bottom';
    ctx.fillText(label.text, p.x, top - gap);
  });
}

/**
 * Every point of a short single line, above peaks and below dips so the label
 * clears the line; otherwise the last value of each line just right of its end (past
 * the plot for the lines that run to the last category).
 */
function drawLineLabels(c: Chart, chart: LabelledChart, style: ChartStyle): void {
  const ctx = c.ctx;
  const every = labelsEveryPoint(chart.labels);
  const ends: { y: number; text: string; color: string }[] = [];
  const last = chart.categories.length - 1;
  forEachLabel(c, chart, (p, label, color) => {
    if (!every && label.index === last) {
      ends.push({ y: p.y, text: label.text, color });
      return;
    }
    if (!every) {
      // A line that stops early: its last value just right of its last point.
      ctx.fillStyle = color;
      ctx.textAlign = 'left';
      ctx.textBaseline = 'middle';
      ctx.fillText(label.text, p.x + gap + 2, p.y);
      return;
    }
    const values = chart.datasets[label.dataset]?.values ?? [];
    const i = label.index;
    const value = values[i] ?? 0;
    const neighbours = [values[i - 1], values[i + 1]].filter((v): v is number => typeof v === 'number');
    const above = value >= neighbours.reduce((sum, v) => sum + v, 0) / Math.max(1, neighbours.length);
    ctx.fillStyle = style.colors.text;
    ctx.textAlign = 'center';
    ctx.textBaseline = above ? 'bottom' : 'top';
    ctx.fillText(label.text, p.x, above ? p.y - gap - 1 : p.y + gap + 1);
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
    ctx.fillText(end.text, c.chartArea.right + gap + 2, end.y);
  }
}

/** At the middle of each planned slice, in a colour that reads on it. */
function drawArcLabels(c: Chart, chart: LabelledChart, style: ChartStyle): void {
  const ctx = c.ctx;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  forEachLabel(c, chart, (p, { text }, color) => {
    const angle = (p.startAngle + p.endAngle) / 2;
    const radius = (p.innerRadius + p.outerRadius) / 2;
    ctx.fillStyle = textOn(color, style);
    ctx.fillText(text, p.x + Math.cos(angle) * radius, p.y + Math.sin(angle) * radius);
  });
}
