import { closest } from './problems.js';
import { unknownIdMessage } from '../unknown-id.js';
import { firstGap, formatForUnit, measuresOf } from './series-data.js';
import type { Briefing, ChartSpec, Figure } from './types.js';

/**
 * A problem with one chart spec. The path is relative to the chart, e.g.
 * ['figures', 0]; the validate stage prefixes ['charts', i] and locates it in
 * the file, resolveChart prefixes it and throws.
 */
export interface ChartProblem {
  path: (string | number)[];
  message: string;
  expected?: string;
}

const seriesTypes = 'bar, horizontal-bar, stacked-bar, grouped-bar or line';

/**
 * Everything that would stop a chart from being drawn honestly: data that does
 * not exist, two units on one axis, labels that do not line up. Pure, so the
 * validate stage can report these with every other problem at once.
 */
export function checkChartSpec(spec: ChartSpec, briefing: Briefing): ChartProblem[] {
  if (spec.figures !== undefined && spec.series !== undefined) {
    return [
      { path: [], message: 'a chart takes either figures or series, not both', expected: 'one of the two' },
    ];
  }
  if (spec.figures !== undefined) return checkFigures(spec, spec.figures, briefing);
  if (spec.series !== undefined) return checkSeries(spec, spec.series, briefing);
  return [
    { path: [], message: 'a chart without data', expected: '`figures: [figure ids]` or `series: series id`' },
  ];
}

function checkFigures(spec: ChartSpec, ids: readonly string[], briefing: Briefing): ChartProblem[] {
  const problems: ChartProblem[] = [];
  const byId = new Map(briefing.figures.map((f) => [f.id, f]));
  let first: { figure: Figure; index: number } | undefined;
  ids.forEach((id, j) => {
    const figure = byId.get(id);
    if (!figure) {
      const guess = closest(id, [...byId.keys()]);
      problems.push({
        path: ['figures', j],
        message: unknownIdMessage('figure', id, guess),
        expected: 'the id of an entry in `figures`',
      });
      return;
    }
    if (ids.indexOf(id) !== j) {
      problems.push({
        path: ['figures', j],
        message: `figure "${id}" is listed twice`,
        expected: 'each figure once',
      });
    }
    if (!first) first = { figure, index: j };
    else if (figure.unit !== first.figure.unit) {
      problems.push({
        path: ['figures', j],
        message: `unit ${figure.unit} differs from ${first.figure.unit} of figures[${first.index}]: two units on one axis`,
        expected: 'figures that share one unit',
      });
    }
    if (spec.type === 'doughnut' && figure.value <= 0) {
      problems.push({ path: ['figures', j], message: 'a doughnut cannot show a zero or negative value' });
    }
  });
  if (first && spec.format !== undefined && spec.format !== formatForUnit(first.figure.unit)) {
    problems.push({
      path: ['format'],
      message: `format "${spec.format}" does not fit figures in ${first.figure.unit}`,
      expected: `"${formatForUnit(first.figure.unit)}" or no format`,
    });
  }
  if (spec.labels !== undefined && spec.labels.length !== ids.length) {
    problems.push({
      path: ['labels'],
      message: `${spec.labels.length} labels for ${ids.length} figures`,
      expected: 'one label per figure',
    });
  }
  return problems;
}

function checkSeries(spec: ChartSpec, id: string, briefing: Briefing): ChartProblem[] {
  const problems: ChartProblem[] = [];
  if (spec.type === 'doughnut') {
    problems.push({
      path: ['type'],
      message: 'a doughnut shows parts of a whole, not a series',
      expected: seriesTypes,
    });
  }
  if (spec.labels !== undefined) {
    problems.push({
      path: ['labels'],
      message: 'labels apply to figures; a series is labelled by its dates',
    });
  }
  if (spec.format !== undefined && spec.format !== 'count') {
    problems.push({
      path: ['format'],
      message: `format "${spec.format}" does not fit a series of counts`,
      expected: '"count" or no format',
    });
  }
  const series = briefing.series.find((s) => s.id === id);
  if (!series) {
    const guess = closest(
      id,
      briefing.series.map((s) => s.id),
    );
    problems.push({
      path: ['series'],
      message: unknownIdMessage('series', id, guess),
      expected: 'the id of an entry in `series`',
    });
    return problems;
  }
  const found = measuresOf(series);
  if (found.length === 0) {
    problems.push({
      path: ['series'],
      message: `series "${id}" is empty: no point gives drones, missiles or regions`,
      expected: 'points with at least one value',
    });
  }
  if (spec.type === 'stacked-bar' && found.includes('regions')) {
    problems.push({
      path: ['type'],
      message: `series "${id}" has regions, which count places, not weapons: a stack of them with drones adds up to nothing`,
      expected: 'line or grouped-bar, or a series without regions',
    });
  }
  for (const measure of found) {
    const gap = firstGap(series, measure);
    if (gap === undefined) continue;
    const date = series.points[gap]?.date ?? '';
    problems.push({
      path: ['series'],
      message: `series "${id}" has ${measure} on some points but not on ${date} (points[${gap}])`,
      expected: 'the same measures on every point, so no gap is drawn as zero',
    });
  }
  return problems;
}
